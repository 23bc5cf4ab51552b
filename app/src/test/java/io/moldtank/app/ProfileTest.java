package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.config.Config;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * moldtank.profile: staging and prod bring their defaults (web3j on their network, PostgreSQL, Redis) and
 * refuse a start that lacks a secret, keeps a test-only setting or points at the wrong chain, in one line
 * naming every setting at fault; dev is the embedded defaults, unchanged.
 */
class ProfileTest {
    private static final String KEY_A = "0x" + "1a".repeat(32);
    private static final String KEY_B = "0x" + "2b".repeat(32);

    /** Everything staging and prod need, spelt as the README tells operators to (environment variables). */
    private static Map<String, String> complete(String profile) {
        Map<String, String> env = new HashMap<>();
        env.put("MOLDTANK_PROFILE", profile);
        env.put("MOLDTANK_CHAIN_RPC_URL", "https://rpc.example");
        env.put("MOLDTANK_CHAIN_ESCROW", "0x" + "e5".repeat(20));
        env.put("MOLDTANK_CHAIN_QA_KEY", KEY_A);
        env.put("MOLDTANK_CHAIN_TREASURY_KEY", KEY_B);
        env.put("MOLDTANK_CHAIN_PAYOUT_WALLET", "0x" + "0f".repeat(20));
        env.put("MOLDTANK_RECEIPTS_KEY", "3c".repeat(32));
        env.put("MOLDTANK_HTTP_AUTH_JWT_KEY", "jwt-secret-jwt-secret-jwt-secret");
        env.put("MOLDTANK_HTTP_AUTH_CHALLENGE_SECRET", "challenge-secret-challenge-secret");
        return env;
    }

    private static Config load(Map<String, String> env) {
        return AppConfig.load(new String[0], env, new Properties());
    }

    private static String refusal(Map<String, String> env) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Profile.check(load(env)));
        assertThat(t).isInstanceOf(Profile.Refused.class);
        assertThat(t.getMessage()).doesNotContain("\n");
        return t.getMessage();
    }

    private static Map<String, String> with(Map<String, String> env, String... pairs) {
        Map<String, String> copy = new HashMap<>(env);
        for (int i = 0; i < pairs.length; i += 2) {
            copy.put(pairs[i], pairs[i + 1]);
        }
        return copy;
    }

    @Test
    void dev_is_the_default_and_the_embedded_defaults_stay_as_they_were() {
        Config config = load(Map.of());
        assertThat(Profile.check(config)).isEqualTo(Profile.DEV);
        assertThat(config.get("moldtank.storage.kind").asString().get()).isEqualTo("h2");
        assertThat(config.get("moldtank.chain.kind").asString().get()).isEqualTo("mock");
    }

    @Test
    void staging_and_prod_bring_their_chain_postgresql_and_redis_and_accept_a_complete_setup() {
        Config staging = load(complete("staging"));
        assertThat(Profile.check(staging)).isEqualTo(Profile.STAGING);
        assertThat(staging.get("moldtank.chain.network").asString().get()).isEqualTo("base-sepolia");
        assertThat(staging.get("moldtank.storage.kind").asString().get()).isEqualTo("postgres");
        assertThat(staging.get("moldtank.guard.kind").asString().get()).isEqualTo("redis");
        assertThat(staging.get("moldtank.chain.qa-key").asString().get()).as("README's spelling of the variable")
                .isEqualTo(KEY_A);
        Config prod = load(complete("prod"));
        assertThat(Profile.check(prod)).isEqualTo(Profile.PROD);
        assertThat(prod.get("moldtank.chain.network").asString().get()).isEqualTo("base");
        assertThat(prod.get("moldtank.chain.kind").asString().get()).isEqualTo("web3j");
    }

    @Test
    void a_profile_without_its_secrets_names_every_one_missing_with_its_variable() {
        String line = refusal(Map.of("MOLDTANK_PROFILE", "prod"));
        assertThat(line).startsWith("profile prod refuses to start: missing ").contains(
                "moldtank.chain.rpc-url (MOLDTANK_CHAIN_RPC_URL)", "moldtank.chain.escrow (MOLDTANK_CHAIN_ESCROW)",
                "moldtank.chain.qa-key (MOLDTANK_CHAIN_QA_KEY)", "moldtank.chain.treasury-key (MOLDTANK_CHAIN_TREASURY_KEY)",
                "moldtank.chain.payout-wallet (MOLDTANK_CHAIN_PAYOUT_WALLET)", "moldtank.receipts.key (MOLDTANK_RECEIPTS_KEY)",
                "moldtank.http.auth.jwt-key (MOLDTANK_HTTP_AUTH_JWT_KEY)",
                "moldtank.http.auth.challenge-secret (MOLDTANK_HTTP_AUTH_CHALLENGE_SECRET)");
        for (String secret : List.of("MOLDTANK_CHAIN_QA_KEY", "MOLDTANK_RECEIPTS_KEY", "MOLDTANK_CHAIN_TREASURY_KEY")) {
            Map<String, String> env = complete("staging");
            env.remove(secret);
            assertThat(refusal(env)).as("without %s", secret).contains("missing").contains(secret)
                    .doesNotContain(KEY_A).doesNotContain(KEY_B);
        }
        assertThat(refusal(with(complete("prod"), "MOLDTANK_CHAIN_PAYOUT_WALLET", Profile.PLACEHOLDER_PAYOUT_WALLET)))
                .as("the built-in placeholder wallet is no payout wallet").contains("moldtank.chain.payout-wallet");
    }

    @Test
    void prod_pointed_at_a_test_chain_and_staging_pointed_at_mainnet_are_refused() {
        assertThat(refusal(with(complete("prod"), "MOLDTANK_CHAIN_NETWORK", "base-sepolia")))
                .isEqualTo("profile prod refuses to start: moldtank.chain.network is base-sepolia, a test chain:"
                        + " prod runs on base (chain id 8453)");
        assertThat(refusal(with(complete("prod"), "MOLDTANK_CHAIN_NETWORK", "local"))).contains("local, a test chain");
        assertThat(refusal(with(complete("staging"), "MOLDTANK_CHAIN_NETWORK", "base")))
                .isEqualTo("profile staging refuses to start: moldtank.chain.network is base, mainnet:"
                        + " staging runs on base-sepolia (chain id 84532)");
        assertThat(refusal(with(complete("prod"), "MOLDTANK_CHAIN_CHAIN_ID", "84532")))
                .contains("moldtank.chain.chain-id is 84532: prod runs on chain id 8453");
        assertThat(refusal(with(complete("staging"), "MOLDTANK_CHAIN_USDC", "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913")))
                .contains("moldtank.chain.usdc is 0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913: USDC on base-sepolia is"
                        + " 0x036CbD53842c5426634e7929541eC2318f3dCF7e");
        assertThat(refusal(with(complete("prod"), "MOLDTANK_CHAIN_KIND", "mock")))
                .contains("moldtank.chain.kind is mock: prod needs web3j");
    }

    @Test
    void a_profile_on_storage_or_guards_one_node_cannot_share_is_refused() {
        assertThat(refusal(with(complete("prod"), "MOLDTANK_STORAGE_KIND", "h2")))
                .isEqualTo("profile prod refuses to start: moldtank.storage.kind is h2: postgres needed (prod runs on PostgreSQL)");
        assertThat(refusal(with(complete("staging"), "MOLDTANK_GUARD_KIND", "in-process")))
                .contains("moldtank.guard.kind is in-process: redis needed");
        assertThat(refusal(with(complete("staging"), "MOLDTANK_QUEUE_KIND", "memory")))
                .contains("moldtank.queue.kind is memory");
    }

    @Test
    void test_only_settings_are_refused_by_staging_and_prod() {
        assertThat(refusal(with(complete("staging"), "MOLDTANK_A2A_ALLOW_LOOPBACK_FOR_TESTS", "true")))
                .isEqualTo("profile staging refuses to start: moldtank.a2a.allow-loopback-for-tests is for tests only");
        assertThat(refusal(with(complete("prod"), "MOLDTANK_WEBHOOKS_TRUST_CERTIFICATE_FOR_TESTS", "/tmp/cert.pem")))
                .contains("moldtank.webhooks.trust-certificate-for-tests is for tests only");
    }

    @Test
    void an_unknown_profile_is_refused_by_name() {
        assertThatThrownBy(() -> load(Map.of("MOLDTANK_PROFILE", "production")))
                .isInstanceOf(Profile.Refused.class)
                .hasMessage("moldtank.profile (MOLDTANK_PROFILE) is 'production': it must be dev, staging or prod");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void the_main_job_refused_by_its_profile_logs_one_line_and_exits_78_touching_nothing() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("mt-profile");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()).directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("MOLDTANK_CONFIG");
        builder.environment().put("MOLDTANK_PROFILE", "prod");
        builder.environment().put("MOLDTANK_CHAIN_QA_KEY", KEY_A);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(50, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(Main.EXIT_CONFIG);
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as(out).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.path("level").asText()).isEqualTo("ERROR");
        assertThat(line.path("message").asText()).startsWith("profile prod refuses to start: missing moldtank.chain.rpc-url")
                .doesNotContain("moldtank.chain.qa-key").doesNotContain(KEY_A);
        try (var left = java.nio.file.Files.list(dir)) {
            assertThat(left).as("no data directory, no file").isEmpty();
        }
    }
}
