package io.moldtank.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountyTerms;
import io.moldtank.domain.bounty.SubmissionContent;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.out.validation.ValidationRequest;
import io.moldtank.ports.out.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The panel from configuration, with a CLI judge whose executable is a stand-in printing Claude Code's result. */
class ValidatorsTest {

    private static Config config(Map<String, String> values) {
        return Config.builder().addSource(ConfigSources.create(values)).disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource().build().get("moldtank.validators");
    }

    @Test
    void a_claude_code_judge_is_configured_by_command_model_args_and_env(@TempDir Path dir) throws Exception {
        Path claude = dir.resolve("claude");
        Files.writeString(claude, """
                #!/bin/sh
                printf '%s\\n' "$@" > '%1$s/argv'
                cat > /dev/null
                echo '{"type":"result","subtype":"success","is_error":false,"result":"{\\\\"verdict\\\\":\\\\"pass\\\\",\
                \\\\"reasons\\\\":[\\\\"says hello\\\\"],\\\\"confidence\\\\":0.9}","total_cost_usd":0.01}'
                """.replace("%1$s", dir.toString()));
        Files.setPosixFilePermissions(claude, PosixFilePermissions.fromString("rwx------"));
        List<Validator> panel = Validators.from(config(Map.of(
                "moldtank.validators.0.kind", "claude-code",
                "moldtank.validators.0.name", "claude-cli",
                "moldtank.validators.0.command", claude.toString(),
                "moldtank.validators.0.model", "claude-sonnet-4-5",
                "moldtank.validators.0.timeout", "PT30S",
                "moldtank.validators.0.args.0", "--verbose",
                "moldtank.validators.0.env.0", "HTTPS_PROXY")), Wiring.withSystemDefaults());

        assertThat(panel).singleElement().satisfies(v -> assertThat(v.name()).isEqualTo("claude-cli"));
        Vote vote = panel.getFirst().validate(new ValidationRequest(new BountyId(UUID.randomUUID()),
                new BountyTerms("Greet", "Say hello.", Usdc.parse("5"), Instant.now().plus(java.time.Duration.ofDays(7)),
                        Set.of("demo"), new Acceptance.Rubric("says hello"), null),
                new SubmissionId(UUID.randomUUID()), 1, new SubmissionContent(Map.of("hello.txt", "hello"))));
        assertThat(vote.kind()).as(vote.summary()).isEqualTo(Vote.Kind.PASS);
        assertThat(Files.readAllLines(dir.resolve("argv"))).containsSequence("--model", "claude-sonnet-4-5")
                .endsWith("--verbose");
    }

    @Test
    void an_unknown_kind_names_every_kind_there_is() {
        assertThatThrownBy(() -> Validators.from(config(Map.of("moldtank.validators.0.kind", "gemini-cli")),
                Wiring.withSystemDefaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("claude-code or codex-cli");
    }
}
