package io.moldtank.app.wiring;

import io.helidon.config.Config;
import io.moldtank.adapters.llm.LlmValidators;
import io.moldtank.ports.out.validation.Validator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The validator panel from {@code moldtank.validators}: a list whose entries name a {@code kind}
 * (claude, codex, openai-compatible) and its settings. Bounties asking for k-of-n use the first n.
 */
final class Validators {
    private Validators() {
    }

    static List<Validator> from(Config list, Wiring wiring) {
        List<Validator> panel = new ArrayList<>();
        for (Config v : list.asNodeList().orElse(List.of())) {
            String kind = v.get("kind").asString().orElseThrow(
                    () -> new IllegalArgumentException(v.key() + ".kind is required")).toLowerCase(Locale.ROOT);
            panel.add(switch (kind) {
                case "claude", "codex", "openai-compatible" -> LlmValidators.validator(new LlmValidators.Settings(
                        LlmValidators.Kind.parse(kind), v.get("name").asString().orElse(null),
                        URI.create(v.get("base-url").asString().orElseThrow(
                                () -> new IllegalArgumentException(v.key() + ".base-url is required"))),
                        v.get("api-key").asString().orElse(""),
                        v.get("model").asString().orElseThrow(
                                () -> new IllegalArgumentException(v.key() + ".model is required")),
                        v.get("timeout").as(Duration.class).orElse(Duration.ofSeconds(60)),
                        v.get("max-output-tokens").asInt().orElse(1024), null), wiring.clock());
                default -> throw new IllegalArgumentException(v.key() + ".kind must be claude, codex or "
                        + "openai-compatible, not " + kind);
            });
        }
        return panel;
    }
}
