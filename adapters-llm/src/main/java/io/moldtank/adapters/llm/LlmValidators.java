package io.moldtank.adapters.llm;

import io.moldtank.ports.out.validation.Validator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one entry into this module: builds an LLM judge (Claude, Codex, or any OpenAI-compatible
 * chat endpoint over HTTP; Claude Code or Codex CLI as a local process) from a small settings
 * record. {@code app} calls this to wire validators.
 */
public final class LlmValidators {

    private LlmValidators() {
    }

    public static Validator validator(Settings settings) {
        return validator(settings, Clock.systemUTC());
    }

    public static Validator validator(Settings settings, Clock clock) {
        ApiDialect dialect = switch (settings.kind()) {
            case CLAUDE -> new AnthropicMessages();
            case CODEX -> new OpenAiResponses();
            case OPENAI_COMPATIBLE -> new OpenAiChatCompletions();
        };
        return new LlmJudge(settings, dialect, new HttpCaller(settings), clock);
    }

    /** A judge that runs a coding-agent CLI installed on this machine (see {@link CliSettings}). */
    public static Validator cli(CliSettings settings) {
        return cli(settings, Clock.systemUTC());
    }

    public static Validator cli(CliSettings settings, Clock clock) {
        CliDialect dialect = switch (settings.kind()) {
            case CLAUDE_CODE -> new CliDialect.ClaudeCode();
            case CODEX_CLI -> new CliDialect.CodexCli();
        };
        return new CliJudge(settings, dialect, clock, System.getenv());
    }

    /** Which CLI: Claude Code ({@code claude}) or Codex CLI ({@code codex}). */
    public enum CliKind {
        CLAUDE_CODE("claude-code", "claude", List.of("ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "CLAUDE_CONFIG_DIR")),
        CODEX_CLI("codex-cli", "codex", List.of("OPENAI_API_KEY", "OPENAI_BASE_URL", "CODEX_HOME"));

        private final String spelling;
        private final String executable;
        private final List<String> credentials;

        CliKind(String spelling, String executable, List<String> credentials) {
            this.spelling = spelling;
            this.executable = executable;
            this.credentials = credentials;
        }

        /** The configuration spelling: {@code claude-code} or {@code codex-cli}. */
        public String spelling() {
            return spelling;
        }

        /** The command looked up on PATH when none is configured. */
        public String defaultExecutable() {
            return executable;
        }

        /** The variables this CLI reads its login or API key from, passed on when set. */
        public List<String> credentials() {
            return credentials;
        }

        public static CliKind parse(String text) {
            String t = Objects.requireNonNull(text, "kind").strip().toLowerCase(Locale.ROOT);
            for (CliKind k : values()) {
                if (k.spelling.equals(t)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("CLI validator kind must be claude-code or codex-cli: " + text);
        }
    }

    /**
     * How one CLI judge runs: {@code executable} (a name on PATH or a path), an optional {@code model}
     * (the CLI's default when null), a {@code timeout} for the whole run, {@code extraArgs} appended to
     * the CLI's own, and {@code passEnv}: names of further environment variables the CLI may see. It
     * always sees PATH, HOME, LANG and its kind's {@link CliKind#credentials()}, and nothing else.
     */
    public record CliSettings(CliKind kind, String name, String executable, String model, Duration timeout,
                              List<String> extraArgs, List<String> passEnv) {
        private static final List<String> BASE_ENV = List.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR");

        public CliSettings {
            Objects.requireNonNull(kind, "kind");
            name = name == null || name.isBlank() ? kind.spelling() : name;
            executable = executable == null || executable.isBlank() ? kind.defaultExecutable() : executable.strip();
            model = model == null || model.isBlank() ? null : model.strip();
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(30)) > 0) {
                throw new IllegalArgumentException("timeout must be within 0..30 minutes");
            }
            extraArgs = List.copyOf(extraArgs == null ? List.of() : extraArgs);
            passEnv = List.copyOf(passEnv == null ? List.of() : passEnv);
            for (String variable : passEnv) {
                if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new IllegalArgumentException("not an environment variable name: " + variable);
                }
            }
        }

        public static CliSettings of(CliKind kind, Duration timeout) {
            return new CliSettings(kind, null, null, null, timeout, List.of(), List.of());
        }

        /** What the CLI process sees, out of this process's environment {@code from}. */
        Map<String, String> environment(Map<String, String> from) {
            Map<String, String> env = new LinkedHashMap<>();
            for (List<String> names : List.of(BASE_ENV, kind.credentials(), passEnv)) {
                for (String n : names) {
                    String value = from.get(n);
                    if (value != null) {
                        env.put(n, value);
                    }
                }
            }
            return env;
        }

        /** Variables whose values are redacted from votes and logs. */
        static boolean isSecret(String variable) {
            String v = variable.toUpperCase(Locale.ROOT);
            return v.endsWith("KEY") || v.contains("TOKEN") || v.contains("SECRET") || v.contains("PASSWORD");
        }
    }

    /** Which wire format the endpoint speaks. */
    public enum Kind {
        CLAUDE, CODEX, OPENAI_COMPATIBLE;

        /** Accepts the configuration spellings {@code claude}, {@code codex}, {@code openai-compatible}. */
        public static Kind parse(String text) {
            String t = Objects.requireNonNull(text, "kind").strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Kind k : values()) {
                if (k.name().equals(t)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("LLM validator kind must be claude, codex or openai-compatible: " + text);
        }
    }

    /**
     * How one judge reaches its model. {@code apiKey} may be blank only for OpenAI-compatible local
     * models; {@code timeout} bounds each HTTP call. {@code toString} never shows the key.
     */
    public record Settings(Kind kind, String name, URI baseUrl, String apiKey, String model, Duration timeout,
                           int maxOutputTokens, Retries retries) {
        public Settings {
            Objects.requireNonNull(kind, "kind");
            name = name == null || name.isBlank() ? kind.name().toLowerCase(Locale.ROOT).replace('_', '-') : name;
            Objects.requireNonNull(baseUrl, "baseUrl");
            String scheme = baseUrl.getScheme();
            if (!"https".equals(scheme) && !"http".equals(scheme)) {
                throw new IllegalArgumentException("baseUrl must be http or https: " + baseUrl);
            }
            apiKey = apiKey == null ? "" : apiKey.strip();
            if (apiKey.isEmpty() && kind != Kind.OPENAI_COMPATIBLE) {
                throw new IllegalArgumentException(kind + " needs an API key");
            }
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("model must be named");
            }
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            if (maxOutputTokens < 16 || maxOutputTokens > 32_000) {
                throw new IllegalArgumentException("maxOutputTokens must be within 16..32000");
            }
            retries = retries == null ? Retries.DEFAULT : retries;
        }

        /** Sensible defaults: 1024 output tokens, {@link Retries#DEFAULT}. */
        public static Settings of(Kind kind, URI baseUrl, String apiKey, String model, Duration timeout) {
            return new Settings(kind, null, baseUrl, apiKey, model, timeout, 1024, Retries.DEFAULT);
        }

        /**
         * The longest one judging can take: no back-off starts past the retry budget and each call
         * is cut at the timeout. Size the validator panel's own timeout above this.
         */
        public Duration worstCase() {
            return retries.budget().plus(timeout);
        }

        public Settings withName(String newName) {
            return new Settings(kind, newName, baseUrl, apiKey, model, timeout, maxOutputTokens, retries);
        }

        public Settings withRetries(Retries newRetries) {
            return new Settings(kind, name, baseUrl, apiKey, model, timeout, maxOutputTokens, newRetries);
        }

        @Override
        public String toString() {
            return "Settings[kind=" + kind + ", name=" + name + ", baseUrl=" + baseUrl + ", apiKey="
                    + (apiKey.isEmpty() ? "(none)" : "(redacted)") + ", model=" + model + ", timeout=" + timeout
                    + ", maxOutputTokens=" + maxOutputTokens + ", retries=" + retries + "]";
        }
    }

    /**
     * Retries on 408/429/5xx/529 and connection failures: at most {@code maxAttempts} calls,
     * exponential back-off from {@code firstBackoff} capped at {@code maxBackoff}, a server's
     * Retry-After taking precedence, and never waiting past {@code budget} since the first call.
     */
    public record Retries(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration budget) {
        public static final Retries DEFAULT =
                new Retries(4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(45));

        public Retries {
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new IllegalArgumentException("maxAttempts must be within 1..10");
            }
            Objects.requireNonNull(firstBackoff, "firstBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(budget, "budget");
            if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0 || budget.isNegative()) {
                throw new IllegalArgumentException("back-off must satisfy 0 <= first <= max, budget >= 0");
            }
        }
    }
}
