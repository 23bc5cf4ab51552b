package io.moldtank.app.wiring;

import io.helidon.config.Config;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.moldtank.adapters.moltbook.MoltbookAdapters;
import io.moldtank.adapters.persistence.storage.SqlStorage;
import io.moldtank.ports.in.moltbook.MoltbookUseCases;
import io.moldtank.ports.service.SigningInWithMoltbook;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Issue 14 §4: "Sign in with Moltbook", off until {@code moldtank.moltbook.app-key} (the platform's
 * {@code moltdev_…} key, best through MOLDTANK_MOLTBOOK_APP_KEY; never logged) is set. Tokens must be made
 * for {@code moldtank.moltbook.audience}. Each answer counts in
 * {@code moldtank_moltbook_verifications_total{outcome}}.
 */
final class SignInWithMoltbook {
    private static final List<String> OUTCOMES = List.of("verified", "cached", "expired", "invalid", "wrong_audience",
            "deactivated", "unavailable");

    static {
        OUTCOMES.forEach(SignInWithMoltbook::verifications);
    }

    private SignInWithMoltbook() {
    }

    static Optional<MoltbookUseCases> wire(Config c, SqlStorage storage, Wiring wiring) {
        Optional<String> key = c.get("app-key").asString().filter(k -> !k.isBlank());
        if (key.isEmpty()) {
            wiring.chose("sign-in-with-moltbook", "off: moldtank.moltbook.app-key is not set");
            return Optional.empty();
        }
        String audience = c.get("audience").asString().orElse("moldtank");
        var settings = new MoltbookAdapters.IdentitySettings(
                c.get("base-url").asString().map(URI::create).orElse(MoltbookAdapters.DEFAULT_BASE_URL), key.get(),
                audience, c.get("request-timeout").as(Duration.class).orElse(Duration.ofSeconds(10)));
        var signIn = new SigningInWithMoltbook(MoltbookAdapters.identityVerifier(settings), storage.moltbookLinks(),
                wiring.clock(), new SigningInWithMoltbook.Settings(c.get("cache-size").asInt().orElse(10_000),
                Duration.ofMinutes(5), Duration.ofMinutes(10)), outcome -> verifications(outcome).increment());
        wiring.chose("sign-in-with-moltbook", "on: " + settings);
        return Optional.of(signIn);
    }

    private static Counter verifications(String outcome) {
        return Metrics.globalRegistry().getOrCreate(Counter.builder("moldtank.moltbook.verifications")
                .description("Moltbook identity token verifications by outcome (cached: answered without asking Moltbook)")
                .tags(List.of(Metrics.tag("outcome", outcome))));
    }
}
