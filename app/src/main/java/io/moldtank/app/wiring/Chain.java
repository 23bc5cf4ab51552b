package io.moldtank.app.wiring;

import io.helidon.config.Config;
import io.moldtank.adapters.chain.ChainAdapters;
import io.moldtank.adapters.chain.ChainAdapters.ChainSettings;
import io.moldtank.adapters.chain.ChainAdapters.Network;
import io.moldtank.ports.memory.InMemoryEscrow;
import io.moldtank.ports.memory.SharedMockChain;
import io.moldtank.ports.out.chain.EscrowGateway;
import io.moldtank.ports.out.chain.EscrowHistory;
import io.moldtank.ports.out.chain.MockChainLog;
import io.moldtank.ports.out.chain.PaymentRail;
import io.moldtank.ports.out.chain.TreasuryGateway;
import io.moldtank.ports.service.OutboundUrlGuard;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The chain from {@code moldtank.chain}: {@code mock} (the in-process escrow, the embedded default)
 * or {@code web3j} against a node — Base, Base Sepolia, or a local node with its own deployment.
 */
record Chain(EscrowGateway escrow, PaymentRail rail, Optional<TreasuryGateway> treasury,
             Optional<EscrowHistory> history) {

    /** Where the mock chain keeps its transactions across restarts: nowhere, a file, or the shared database. */
    record MockJournal(Path file, boolean database) {
        static final MockJournal NONE = new MockJournal(null, false);
        static final MockJournal DATABASE = new MockJournal(null, true);

        static MockJournal file(Path file) {
            return new MockJournal(file, false);
        }
    }

    /** {@code log}: the database's mock chain log, used when {@code journal} says so. */
    static Chain from(Config c, MockJournal journal, MockChainLog log, Wiring wiring) {
        String kind = c.get("kind").asString().orElse("mock").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "mock" -> {
                if (journal.database()) {
                    // every node on this database shares the chain, and it outlives them: reconciliation trusts it
                    SharedMockChain shared = wiring.provide(SharedMockChain.class, SharedMockChain.open(log));
                    wiring.provide(InMemoryEscrow.class, shared.replica());
                    wiring.chose("chain", "mock (in-process escrow with the contract's rules, log in the database,"
                            + " shared by every node on it)");
                    wiring.chose("treasury", "the mock chain's, in its log in the database");
                    yield new Chain(shared, new NoPaymentRail(), Optional.of(shared.treasury()), Optional.of(shared));
                }
                InMemoryEscrow escrow;
                if (journal.file() == null) {
                    wiring.chose("chain", "mock (in-process escrow with the contract's rules; lost on restart)");
                    escrow = new InMemoryEscrow();
                } else {
                    MockChainFile.Opened opened = MockChainFile.open(journal.file());
                    wiring.own("mock-chain-journal", opened.journal());
                    wiring.chose("chain", "mock (in-process escrow with the contract's rules, journal "
                            + journal.file().toAbsolutePath() + ")");
                    escrow = opened.chain();
                }
                // Reconciliation trusts a chain that outlives the process and is the same for every node: a
                // journalled mock chain is (one process owns its H2 file); an in-memory one is neither.
                yield new Chain(wiring.provide(InMemoryEscrow.class, escrow), new NoPaymentRail(), Optional.empty(),
                        journal.file() == null ? Optional.empty() : Optional.of(escrow));
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
        Optional<String> treasuryKey = c.get("treasury-key").asString().asOptional();
        treasuryKey.ifPresent(key -> requireOwnKey(key, qaKey, c.get("payout-key").asString().asOptional()));
        settings = settings.withConfirmations(c.get("confirmations").asInt().orElse(settings.confirmations()))
                .withJournal(Path.of(c.get("journal").asString().orElse("data/qa-journal.log")));
        ChainAdapters.Connection connection = wiring.own("chain", ChainAdapters.web3j(settings));
        wiring.chose("chain", "web3j " + network + " (chain id " + connection.chainId() + ")");
        OutboundUrlGuard guard = new OutboundUrlGuard(OutboundUrlGuard.SYSTEM_DNS);
        PaymentRail rail = c.get("payout-key").asString().map(key -> connection.x402(key, guard))
                .orElseGet(NoPaymentRail::new);
        // Without a treasury key the registry keeps its in-process treasury: no real deposits or withdrawals.
        Path treasuryJournal = Path.of(c.get("treasury-journal").asString().orElse("data/treasury-journal.log"));
        Optional<TreasuryGateway> treasury = treasuryKey.map(key -> connection.treasury(key, treasuryJournal));
        wiring.chose("treasury", treasury.isPresent() ? "web3j (withdrawal journal " + treasuryJournal.toAbsolutePath()
                + ")" : "in-process: moldtank.chain.treasury-key unset, no real deposits or withdrawals");
        return new Chain(connection.escrow(), rail, treasury, Optional.of(connection.escrowHistory()));
    }

    /**
     * Checked before connecting, so a typo fails at start-up by name. The treasury key must be its own:
     * sharing the QA or payout key would mix the treasury's nonces and funds with theirs.
     */
    private static void requireOwnKey(String key, String qaKey, Optional<String> payoutKey) {
        if (!key.matches("(0x)?[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("moldtank.chain.treasury-key must be 32 bytes of hex");
        }
        String bare = strip(key);
        if (bare.equals(strip(qaKey)) || payoutKey.map(Chain::strip).filter(bare::equals).isPresent()) {
            throw new IllegalArgumentException("moldtank.chain.treasury-key must differ from qa-key and payout-key");
        }
    }

    private static String strip(String key) {
        return (key.startsWith("0x") ? key.substring(2) : key).toLowerCase(Locale.ROOT);
    }

    private static String required(Config c, String key) {
        return c.get(key).asString().orElseThrow(() -> new IllegalArgumentException(
                "moldtank.chain." + key + " is required when moldtank.chain.kind is web3j"));
    }
}
