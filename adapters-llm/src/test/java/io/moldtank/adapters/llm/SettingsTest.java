package io.moldtank.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.adapters.llm.LlmValidators.Kind;
import io.moldtank.adapters.llm.LlmValidators.Settings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static final URI BASE = URI.create("https://api.anthropic.com");

    @Test
    void kindsParseFromTheirConfigurationSpelling() {
        assertThat(Kind.parse("claude")).isEqualTo(Kind.CLAUDE);
        assertThat(Kind.parse(" Codex ")).isEqualTo(Kind.CODEX);
        assertThat(Kind.parse("openai-compatible")).isEqualTo(Kind.OPENAI_COMPATIBLE);
        assertThatThrownBy(() -> Kind.parse("gemini")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("claude, codex or openai-compatible");
    }

    @Test
    void theApiKeyNeverAppearsInToString() {
        Settings s = Settings.of(Kind.CLAUDE, BASE, Fixtures.API_KEY, "claude-sonnet-4-5", Duration.ofSeconds(30));
        assertThat(s.toString()).doesNotContain(Fixtures.API_KEY).contains("(redacted)");
    }

    @Test
    void aJudgeIsNamedAfterItsKindUnlessNamed() {
        Settings s = Settings.of(Kind.OPENAI_COMPATIBLE, BASE, "", "llama", Duration.ofSeconds(30));
        assertThat(LlmValidators.validator(s).name()).isEqualTo("openai-compatible");
        assertThat(LlmValidators.validator(s.withName("local-llama")).name()).isEqualTo("local-llama");
    }

    @Test
    void vendorApisNeedAKeyButLocalModelsDoNot() {
        assertThatThrownBy(() -> Settings.of(Kind.CODEX, BASE, " ", "gpt-5-codex", Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an API key");
        assertThat(Settings.of(Kind.OPENAI_COMPATIBLE, BASE, null, "llama", Duration.ofSeconds(30)).apiKey()).isEmpty();
    }

    @Test
    void badSettingsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> Settings.of(Kind.CLAUDE, URI.create("ftp://x"), "k", "m", Duration.ofSeconds(1)))
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> Settings.of(Kind.CLAUDE, BASE, "k", " ", Duration.ofSeconds(1)))
                .hasMessageContaining("model");
        assertThatThrownBy(() -> Settings.of(Kind.CLAUDE, BASE, "k", "m", Duration.ZERO))
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> new LlmValidators.Retries(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new LlmValidators.Retries(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
                .hasMessageContaining("back-off");
    }
}
