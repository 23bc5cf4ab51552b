package io.moldtank.app.wiring;

import io.helidon.config.Config;
import io.moldtank.adapters.llm.LlmValidators;
import io.moldtank.adapters.sandbox.SandboxAdapters;
import io.moldtank.ports.out.validation.Sandbox;
import io.moldtank.ports.out.validation.Validator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The validator panel from {@code moldtank.validators}: a list whose entries name a {@code kind}
 * (test-runner, claude, codex, openai-compatible over HTTP; claude-code, codex-cli as a local
 * process) and its settings. Bounties asking for k-of-n use the first n.
 */
final class Validators {
    private Validators() {
    }

    /**
     * {@code auto}: Docker, else bubblewrap, else a sandbox that refuses untrusted code and says why;
     * recorded as the adapter of {@code port}.
     */
    static Sandbox sandbox(Config node, Wiring wiring, String port) {
        String kind = node.asString().orElse("auto").toLowerCase(Locale.ROOT);
        SandboxAdapters.Settings settings = SandboxAdapters.Settings.defaults();
        Sandbox sandbox = switch (kind) {
            case "auto" -> SandboxAdapters.detect(settings);
            case "docker" -> SandboxAdapters.docker(settings);
            case "bwrap" -> SandboxAdapters.bubblewrap(settings);
            default -> throw new IllegalArgumentException(node.key() + " must be auto, docker or bwrap, not " + kind);
        };
        wiring.chose(port, sandbox.getClass().getSimpleName());
        return sandbox;
    }

    static List<Validator> from(Config list, Wiring wiring) {
        List<Validator> panel = new ArrayList<>();
        for (Config v : list.asNodeList().orElse(List.of())) {
            String kind = v.get("kind").asString().orElseThrow(
                    () -> new IllegalArgumentException(v.key() + ".kind is required")).toLowerCase(Locale.ROOT);
            panel.add(switch (kind) {
                case "test-runner" -> {
                    Sandbox sandbox = sandbox(v.get("sandbox"), wiring, "sandbox");
                    if (wiring.find(Sandbox.class).isEmpty()) { // the panel's first sandbox also runs job checks
                        wiring.provide(Sandbox.class, sandbox);
                    }
                    yield SandboxAdapters.testRunner(sandbox, wiring.clock());
                }
                case "claude", "codex", "openai-compatible" -> LlmValidators.validator(new LlmValidators.Settings(
                        LlmValidators.Kind.parse(kind), v.get("name").asString().orElse(null),
                        URI.create(v.get("base-url").asString().orElseThrow(
                                () -> new IllegalArgumentException(v.key() + ".base-url is required"))),
                        v.get("api-key").asString().orElse(""),
                        v.get("model").asString().orElseThrow(
                                () -> new IllegalArgumentException(v.key() + ".model is required")),
                        v.get("timeout").as(Duration.class).orElse(Duration.ofSeconds(60)),
                        v.get("max-output-tokens").asInt().orElse(1024), null), wiring.clock());
                case "claude-code", "codex-cli" -> LlmValidators.cli(new LlmValidators.CliSettings(
                        LlmValidators.CliKind.parse(kind), v.get("name").asString().orElse(null),
                        v.get("command").asString().orElse(null), v.get("model").asString().orElse(null),
                        v.get("timeout").as(Duration.class).orElse(Duration.ofMinutes(5)),
                        v.get("args").asList(String.class).orElse(List.of()),
                        v.get("env").asList(String.class).orElse(List.of())), wiring.clock());
                default -> throw new IllegalArgumentException(v.key() + ".kind must be test-runner, claude, codex, "
                        + "openai-compatible, claude-code or codex-cli, not " + kind);
            });
        }
        return panel;
    }
}
