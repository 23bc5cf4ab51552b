package io.moldtank.app;

import io.helidon.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code moldtank.profile} ({@code MOLDTANK_PROFILE}): {@code dev} (the embedded defaults), {@code staging}
 * (Base Sepolia, chain id 84532) or {@code prod} (Base, chain id 8453). Staging and prod bring their
 * defaults ({@code profiles/<name>.yaml}: web3j, PostgreSQL, Redis) and refuse to start — in one line that
 * names every setting at fault — when a secret or setting a deployment of several nodes needs is missing,
 * when a test-only setting is on, or when the chain is the wrong one (prod on a test chain, staging on mainnet).
 */
public enum Profile {
    DEV(null, 0, null),
    STAGING("base-sepolia", 84532, "0x036CbD53842c5426634e7929541eC2318f3dCF7e"),
    PROD("base", 8453, "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913");

    /** The placeholder payout wallet of application.yaml: fine on the mock chain, never on a real one. */
    static final String PLACEHOLDER_PAYOUT_WALLET = "0x0000000000000000000000000000000000000402";

    private final String network;
    private final long chainId;
    private final String usdc;

    Profile(String network, long chainId, String usdc) {
        this.network = network;
        this.chainId = chainId;
        this.usdc = usdc;
    }

    /** A start the profile refuses; the message is the one line the operator reads. */
    public static final class Refused extends IllegalArgumentException {
        Refused(String line) {
            super(line);
        }
    }

    static Profile of(Config config) {
        String name = config.get("moldtank.profile").asString().orElse("dev").trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "dev", "" -> DEV;
            case "staging" -> STAGING;
            case "prod" -> PROD;
            default -> throw new Refused("moldtank.profile (MOLDTANK_PROFILE) is '" + name
                    + "': it must be dev, staging or prod");
        };
    }

    /** The classpath file of this profile's defaults; none for dev. */
    Optional<String> defaults() {
        return this == DEV ? Optional.empty() : Optional.of("profiles/" + name().toLowerCase(Locale.ROOT) + ".yaml");
    }

    /** Throws {@link Refused} with every fault of {@code config} for this profile, or returns it. */
    static Profile check(Config config) {
        Profile p = of(config);
        if (p == DEV) {
            return p;
        }
        Config m = config.get("moldtank");
        String name = p.name().toLowerCase(Locale.ROOT);
        List<String> faults = new ArrayList<>();
        p.chain(m.get("chain"), name, faults);
        need(m, "storage.kind", "postgres", name + " runs on PostgreSQL", faults);
        need(m, "guard.kind", "redis", "every node must share nonces, rate limits and idempotency keys", faults);
        if (m.get("queue.kind").asString().orElse("storage").equalsIgnoreCase("memory")) {
            faults.add("moldtank.queue.kind is memory: " + name + " needs storage or redis (a queue every node shares)");
        }
        List<String> missing = new ArrayList<>();
        for (String key : List.of("chain.rpc-url", "chain.escrow", "chain.qa-key", "chain.treasury-key",
                "receipts.key", "http.auth.jwt-key", "http.auth.challenge-secret")) {
            if (m.get(key).asString().filter(v -> !v.isBlank()).isEmpty()) {
                missing.add("moldtank." + key + " (" + env(key) + ")");
            }
        }
        if (m.get("chain.payout-wallet").asString().orElse(PLACEHOLDER_PAYOUT_WALLET)
                .equalsIgnoreCase(PLACEHOLDER_PAYOUT_WALLET)) {
            missing.add("moldtank.chain.payout-wallet (" + env("chain.payout-wallet") + ")");
        }
        if (!missing.isEmpty()) {
            faults.add(0, "missing " + String.join(", ", missing));
        }
        for (String key : List.of("webhooks.allow-loopback-for-tests", "a2a.allow-loopback-for-tests")) {
            if (m.get(key).asBoolean().orElse(false)) {
                faults.add("moldtank." + key + " is for tests only");
            }
        }
        for (String key : List.of("webhooks.trust-certificate-for-tests", "a2a.trust-certificate-for-tests")) {
            if (m.get(key).asString().filter(v -> !v.isBlank()).isPresent()) {
                faults.add("moldtank." + key + " is for tests only");
            }
        }
        if (!faults.isEmpty()) {
            throw new Refused("profile " + name + " refuses to start: " + String.join("; ", faults));
        }
        return p;
    }

    /** The chain must be this profile's: web3j, its network, and (when set) its chain id and USDC. */
    private void chain(Config c, String name, List<String> faults) {
        String kind = c.get("kind").asString().orElse("mock").toLowerCase(Locale.ROOT);
        if (!kind.equals("web3j")) {
            faults.add("moldtank.chain.kind is " + kind + ": " + name + " needs web3j (the mock chain is for dev)");
            return;
        }
        String net = c.get("network").asString().orElse("local").toLowerCase(Locale.ROOT).replace('_', '-');
        if (!net.equals(network)) {
            String what = net.equals("base") ? "mainnet" : net.equals("base-sepolia") || net.equals("local")
                    ? "a test chain" : "an unknown network";
            faults.add("moldtank.chain.network is " + net + ", " + what + ": " + name + " runs on " + network
                    + " (chain id " + chainId + ")");
        }
        c.get("chain-id").asLong().filter(id -> id != chainId).ifPresent(id -> faults.add(
                "moldtank.chain.chain-id is " + id + ": " + name + " runs on chain id " + chainId));
        c.get("usdc").asString().filter(a -> !a.equalsIgnoreCase(usdc)).ifPresent(a -> faults.add(
                "moldtank.chain.usdc is " + a + ": USDC on " + network + " is " + usdc));
    }

    private static void need(Config m, String key, String value, String why, List<String> faults) {
        String actual = m.get(key).asString().orElse("").toLowerCase(Locale.ROOT);
        if (!actual.equals(value)) {
            faults.add("moldtank." + key + " is " + (actual.isEmpty() ? "unset" : actual) + ": " + value
                    + " needed (" + why + ")");
        }
    }

    /** The environment variable that sets {@code moldtank.<key>}. */
    static String env(String key) {
        return ("MOLDTANK_" + key).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
