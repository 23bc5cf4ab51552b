package io.moldtank.app;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.EnvironmentVariables;
import io.helidon.config.spi.ConfigSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Loads MoldTank's configuration. Highest priority first:
 * <ol>
 *   <li>Java system properties ({@code -Dserver.port=9090});</li>
 *   <li>environment variables, with Helidon's mapping ({@code SERVER_PORT} → {@code server.port},
 *       {@code MOLDTANK_SHUTDOWN_TIMEOUT} → {@code moldtank.shutdown.timeout});</li>
 *   <li>an optional external YAML file named by {@code --config <path>} or {@code MOLDTANK_CONFIG};</li>
 *   <li>{@code application.yaml} on the classpath (the documented defaults).</li>
 * </ol>
 * Environment and system properties are passed in, so tests can prove the mapping without
 * touching the real process environment.
 */
public final class AppConfig {

    /** Environment variable naming the external configuration file. */
    public static final String CONFIG_ENV = "MOLDTANK_CONFIG";
    /** Command-line option naming the external configuration file (wins over the variable). */
    public static final String CONFIG_ARG = "--config";

    private AppConfig() {
    }

    public static Config load(String[] args, Map<String, String> env, Properties systemProperties) {
        List<Supplier<? extends ConfigSource>> sources = new ArrayList<>();
        sources.add(ConfigSources.create(systemProperties, "system-properties"));
        sources.add(ConfigSources.create(withDashedKeys(env), "environment-variables"));
        externalFile(args, env).ifPresent(path -> sources.add(ConfigSources.file(path)));
        // the profile's defaults sit under everything the operator sets, above the built-in defaults
        Profile profile = Profile.of(build(sources, ConfigSources.classpath("application.yaml")));
        profile.defaults().ifPresent(resource -> sources.add(ConfigSources.classpath(resource)));
        return build(sources, ConfigSources.classpath("application.yaml"));
    }

    private static Config build(List<Supplier<? extends ConfigSource>> sources, Supplier<? extends ConfigSource> last) {
        List<Supplier<? extends ConfigSource>> all = new ArrayList<>(sources);
        all.add(last);
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(all)
                .build();
    }

    /**
     * Words of configuration keys that hold a dash. Helidon reads {@code MOLDTANK_CHAIN_QA_KEY} as
     * {@code moldtank.chain.qa.key}; with these words it is also {@code moldtank.chain.qa-key}, the key the
     * code reads, so every key can be set from the environment the way the README spells it (Helidon's own
     * {@code _dash_} spelling keeps working). AppConfigTest checks that the README's keys are all here.
     */
    static final List<String> DASHED_WORDS = List.of("trust-certificate-for-tests", "allow-loopback-for-tests",
            "max-output-tokens", "challenge-secret", "platform-cut-bps", "rotation-overlap", "treasury-journal",
            "expiry-interval", "payout-interval", "request-timeout", "check-interval", "dedupe-horizon",
            "sweep-interval", "payout-wallet", "poster-wallet", "cors-origins", "daily-budget", "first-window",
            "max-attempts", "mock-journal", "treasury-key", "default-ttl", "fed-recheck", "max-retries",
            "max-waiters", "retry-delay", "sweep-batch", "cache-size", "from-block", "job-checks", "payout-key",
            "lease-ttl", "max-bytes", "max-pages", "min-score", "page-size", "base-url", "chain-id", "key-file",
            "api-key", "app-key", "jwt-key", "max-run", "max-ttl", "min-ttl", "rpc-url", "qa-key");

    /** Helidon's mapping of the environment, plus each name with its dashed words restored. */
    static Map<String, String> withDashedKeys(Map<String, String> env) {
        Map<String, String> expanded = new java.util.HashMap<>(EnvironmentVariables.expand(env));
        env.forEach((name, value) -> {
            String key = name.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
            String dashed = key;
            for (String word : DASHED_WORDS) {
                dashed = dashed.replaceAll("(^|\\.)" + java.util.regex.Pattern.quote(word.replace('-', '.')) + "(?=\\.|$)",
                        "$1" + word);
            }
            if (!dashed.equals(key)) {
                expanded.putIfAbsent(dashed, value);
            }
        });
        return expanded;
    }

    /** The external file, if one is named; a named file that does not exist is an error. */
    static Optional<Path> externalFile(String[] args, Map<String, String> env) {
        String named = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(CONFIG_ARG)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(CONFIG_ARG + " needs a file path");
                }
                named = args[++i];
            } else if (args[i].startsWith(CONFIG_ARG + "=")) {
                named = args[i].substring(CONFIG_ARG.length() + 1);
            } else {
                throw new IllegalArgumentException("unknown argument: " + args[i]
                        + " (the only option is " + CONFIG_ARG + " <path>)");
            }
        }
        if (named == null) {
            named = env.get(CONFIG_ENV);
        }
        if (named == null || named.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(named);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("configuration file not found: " + path.toAbsolutePath());
        }
        return Optional.of(path);
    }
}
