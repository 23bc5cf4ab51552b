package io.moldtank.app.wiring;

import io.helidon.config.Config;
import io.moldtank.adapters.chain.ChainAdapters;
import io.moldtank.adapters.chain.ChainAdapters.ChainSettings;
import io.moldtank.adapters.chain.ChainAdapters.Network;
import io.moldtank.ports.memory.InMemoryEscrow;
import io.moldtank.ports.out.chain.EscrowGateway;
import io.moldtank.ports.out.chain.PaymentRail;
import io.moldtank.ports.service.OutboundUrlGuard;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The chain from {@code moldtank.chain}: {@code mock} (the in-process escrow, the embedded default)
 * or {@code web3j} against a node — Base, Base Sepolia, or a local node with its own deployment.
 */
record Chain(EscrowGateway escrow, PaymentRail rail) {

    /** {@code mockJournal}: where the mock chain keeps its transactions across restarts, or null for none. */
    static Chain from(Config c, Path mockJournal, Wiring wiring) {
        String kind = c.get("kind").asString().orElse("mock").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "mock" -> {
                InMemoryEscrow escrow;
                if (mockJournal == null) {
                    wiring.chose("chain", "mock (in-process escrow with the contract's rules; lost on restart)");
                    escrow = new InMemoryEscrow();
                } else {
                    MockChainFile.Opened opened = MockChainFile.open(mockJournal);
                    wiring.own("mock-chain-journal", opened.journal());
                    wiring.chose("chain", "mock (in-process escrow with the contract's rules, journal "
                            + mockJournal.toAbsolutePath() + ")");
                    escrow = opened.chain();
                }
                yield new Chain(wiring.provide(InMemoryEscrow.class, escrow), new NoPaymentRail());
            }
            case "web3j" -> web3j(c, wiring);
            default -> throw new IllegalArgumentException("moldtank.chain.kind must be mock or web3j, not " + kind);
        };
    }

    private static Chain web3j(Config c, Wiring wiring) {
        String network = c.get("network").asString().orElse("local").toLowerCase(Locale.ROOT).replace('-', '_');
        String rpc = required(c, "rpc-url");
        String escrow = required(c, "escrow");
        String qaKey = required(c, "qa-key");
        ChainSettings settings = switch (network) {
            case "local" -> ChainSettings.local(rpc, c.get("chain-id").asLong().orElse(31337L), required(c, "usdc"),
                    escrow, qaKey);
            case "base", "base_sepolia" -> Network.valueOf(network.toUpperCase(Locale.ROOT))
                    .settings(rpc, escrow, qaKey, c.get("from-block").asLong().orElse(0L));
            default -> throw new IllegalArgumentException("moldtank.chain.network must be local, base or base-sepolia");
        };
        settings = settings.withConfirmations(c.get("confirmations").asInt().orElse(settings.confirmations()))
                .withJournal(Path.of(c.get("journal").asString().orElse("data/qa-journal.log")));
        ChainAdapters.Connection connection = wiring.own("chain", ChainAdapters.web3j(settings));
        wiring.chose("chain", "web3j " + network + " (chain id " + connection.chainId() + ")");
        OutboundUrlGuard guard = new OutboundUrlGuard(OutboundUrlGuard.SYSTEM_DNS);
        PaymentRail rail = c.get("payout-key").asString().map(key -> connection.x402(key, guard))
                .orElseGet(NoPaymentRail::new);
        return new Chain(connection.escrow(), rail);
    }

    private static String required(Config c, String key) {
        return c.get(key).asString().orElseThrow(() -> new IllegalArgumentException(
                "moldtank.chain." + key + " is required when moldtank.chain.kind is web3j"));
    }
}
