package io.moldtank.app;

import io.helidon.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppConfigTest {

    private static final String[] NO_ARGS = new String[0];

    @TempDir
    Path dir;

    @Test
    void theClasspathDefaultsAreTheDocumentedOnes() {
        Config config = AppConfig.load(NO_ARGS, Map.of(), new Properties());

        assertThat(config.get("server.port").asInt().get()).isEqualTo(8080);
        assertThat(config.get("server.host").asString().get()).isEqualTo("0.0.0.0");
        assertThat(config.get("moldtank.shutdown.timeout").as(Duration.class).get()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anEnvironmentVariableOverridesTheDefaultThroughHelidonsNameMapping() {
        Config config = AppConfig.load(NO_ARGS,
                Map.of("SERVER_PORT", "9090", "MOLDTANK_SHUTDOWN_TIMEOUT", "PT3S"), new Properties());

        assertThat(config.get("server.port").asInt().get()).isEqualTo(9090);
        assertThat(config.get("moldtank.shutdown.timeout").as(Duration.class).get()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironment() {
        Properties system = new Properties();
        system.setProperty("server.port", "7070");

        Config config = AppConfig.load(NO_ARGS, Map.of("SERVER_PORT", "9090"), system);

        assertThat(config.get("server.port").asInt().get()).isEqualTo(7070);
    }

    @Test
    void anExternalFileOverridesDefaultsKeyByKeyAndLosesToTheEnvironment() throws IOException {
        Path file = yaml("server:\n  port: 6060\n  host: 127.0.0.1\n");

        Config fromFile = AppConfig.load(new String[] {"--config", file.toString()}, Map.of(), new Properties());
        Config envWins = AppConfig.load(new String[] {"--config=" + file}, Map.of("SERVER_PORT", "9090"), new Properties());

        assertThat(fromFile.get("server.port").asInt().get()).isEqualTo(6060);
        assertThat(fromFile.get("server.host").asString().get()).isEqualTo("127.0.0.1");
        assertThat(fromFile.get("moldtank.shutdown.timeout").as(Duration.class).get()).isEqualTo(Duration.ofSeconds(10));
        assertThat(envWins.get("server.port").asInt().get()).isEqualTo(9090);
        assertThat(envWins.get("server.host").asString().get()).isEqualTo("127.0.0.1");
    }

    @Test
    void theExternalFileCanBeNamedByMoldtankConfigAndTheOptionWinsOverIt() throws IOException {
        Path fromEnv = yaml("server:\n  port: 6060\n");
        Path fromArg = yaml("server:\n  port: 5050\n");

        Config envOnly = AppConfig.load(NO_ARGS, Map.of("MOLDTANK_CONFIG", fromEnv.toString()), new Properties());
        Config both = AppConfig.load(new String[] {"--config", fromArg.toString()},
                Map.of("MOLDTANK_CONFIG", fromEnv.toString()), new Properties());

        assertThat(envOnly.get("server.port").asInt().get()).isEqualTo(6060);
        assertThat(both.get("server.port").asInt().get()).isEqualTo(5050);
    }

    @Test
    void aNamedFileThatDoesNotExistIsRefusedWithItsPath() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> AppConfig.load(new String[] {"--config", missing.toString()}, Map.of(), new Properties()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope.yaml");
    }

    @Test
    void anUnknownArgumentIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> AppConfig.load(new String[] {"--port", "1"}, Map.of(), new Properties()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> AppConfig.load(new String[] {"--config"}, Map.of(), new Properties()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Path yaml(String content) throws IOException {
        Path file = Files.createTempFile(dir, "moldtank", ".yaml");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void everyDashedKeyCanBeSetFromTheEnvironmentAsTheReadmeSpellsIt() {
        Config config = AppConfig.load(NO_ARGS, Map.of("MOLDTANK_CHAIN_QA_KEY", "qa", "MOLDTANK_SCRAPER_API_KEY", "api",
                "MOLDTANK_WORKERS_PAYOUT_INTERVAL", "PT2S", "MOLDTANK_CHAIN_CHAIN_ID", "31337",
                "MOLDTANK_SCHEDULER_LEASE_TTL", "PT4S", "MOLDTANK_MOLTBOOK_APP_dash_KEY", "helidon's own spelling"),
                new Properties());
        assertThat(config.get("moldtank.chain.qa-key").asString().get()).isEqualTo("qa");
        assertThat(config.get("moldtank.moltbook.app-key").asString().get()).isEqualTo("helidon's own spelling");
        assertThat(config.get("moldtank.scraper.api-key").asString().get()).isEqualTo("api");
        assertThat(config.get("moldtank.workers.payout-interval").as(Duration.class).get()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.get("moldtank.chain.chain-id").asLong().get()).isEqualTo(31337L);
        assertThat(config.get("moldtank.scheduler.lease-ttl").as(Duration.class).get()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theDashedWordsCoverEveryKeyOfTheReadmeConfigurationTable() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        var keys = java.util.regex.Pattern.compile("(?m)^\\| `((?:moldtank|server)\\.[a-z0-9.-]+)`((?: / `\\.[a-z0-9.-]+`)*)")
                .matcher(readme);
        java.util.Set<String> words = new java.util.TreeSet<>();
        while (keys.find()) {
            String all = keys.group(1) + keys.group(2).replace("/ `", "").replace("`", "");
            for (String word : all.split("[. ]")) {
                if (word.contains("-")) {
                    words.add(word);
                }
            }
        }
        assertThat(words).as("dashed words of the README's keys").isNotEmpty().contains("qa-key", "lease-ttl");
        assertThat(AppConfig.DASHED_WORDS).containsAll(words);
    }
}
