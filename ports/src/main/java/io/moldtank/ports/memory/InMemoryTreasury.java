package io.moldtank.ports.memory;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.out.chain.TreasuryGateway;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The treasury wallet in memory: transfers in are recorded by {@link #receive}, sends are idempotent per id.
 * A {@link Journal} sees each transfer as it happens; {@link #follow} applies transfers another process
 * journalled, so the mock chain's treasury can be shared through the same log as its escrow.
 */
public final class InMemoryTreasury implements TreasuryGateway {
    private record In(WalletAddress from, Usdc amount) {
    }

    /** Told of each transfer as it happens, under the treasury's lock. */
    public interface Journal {
        void transferred(Entry entry);
    }

    /**
     * A transfer in ({@code withdrawalId} null: {@code wallet} sent to the treasury) or out (to {@code wallet}),
     * with {@link #line} and {@link #parse} as its text form in a journal.
     */
    public record Entry(String hash, UUID withdrawalId, WalletAddress wallet, Usdc amount) {
        static final String IN = "treasury-in";
        static final String OUT = "treasury-out";

        /** Whether {@code line} is a treasury transfer (and not one of the escrow's lines). */
        public static boolean isTreasury(String line) {
            return line.startsWith("treasury-");
        }

        /** {@code treasury-in <hash> <from> <units>} or {@code treasury-out <hash> <withdrawal> <to> <units>}. */
        public String line() {
            return withdrawalId == null ? String.join(" ", IN, hash, wallet.hex(), Long.toString(amount.units()))
                    : String.join(" ", OUT, hash, withdrawalId.toString(), wallet.hex(), Long.toString(amount.units()));
        }

        public static Entry parse(String line) {
            String[] f = line.trim().split(" ");
            if (f[0].equals(IN) && f.length == 4) {
                return new Entry(f[1], null, new WalletAddress(f[2]), Usdc.ofUnits(Long.parseLong(f[3])));
            }
            if (f[0].equals(OUT) && f.length == 5) {
                return new Entry(f[1], UUID.fromString(f[2]), new WalletAddress(f[3]), Usdc.ofUnits(Long.parseLong(f[4])));
            }
            throw new IllegalArgumentException("not a treasury transfer");
        }
    }

    private static final Journal NO_JOURNAL = entry -> { };

    private final Map<String, In> incoming = new HashMap<>();
    private final Map<UUID, String> sent = new HashMap<>();
    private Usdc balance = Usdc.ZERO;
    private int txs;
    private Journal journal = NO_JOURNAL;

    /** Tells {@code journal} of every later transfer. */
    public synchronized void journalTo(Journal journal) {
        this.journal = java.util.Objects.requireNonNull(journal, "journal");
    }

    /** An agent's wallet sends USDC to the treasury; returns the tx hash to report. */
    public synchronized String receive(WalletAddress from, Usdc amount) {
        String hash = String.format("0x%064x", 0x7000_0000L + ++txs);
        incoming.put(hash, new In(from, amount));
        balance = balance.plus(amount);
        journal.transferred(new Entry(hash, null, from, amount));
        return hash;
    }

    /** Test USDC sent from the agent's wallet, as a transfer it reports by hash like any other. */
    @Override
    public Optional<SimulatedTransfer> simulatedWallet() {
        return Optional.of(this::receive);
    }

    public synchronized Usdc balance() {
        return balance;
    }

    @Override
    public synchronized Incoming checkIncoming(String txHash) {
        In in = incoming.get(txHash);
        return in == null ? new Incoming.Invalid("no transfer to the treasury with hash " + txHash)
                : new Incoming.Confirmed(in.from(), in.amount());
    }

    @Override
    public synchronized String send(UUID withdrawalId, WalletAddress to, Usdc amount) {
        String done = sent.get(withdrawalId);
        if (done != null) {
            return done;
        }
        balance = balance.minus(amount);
        String hash = String.format("0x%064x", 0x8000_0000L + ++txs);
        sent.put(withdrawalId, hash);
        journal.transferred(new Entry(hash, withdrawalId, to, amount));
        return hash;
    }

    /** Applies transfers already journalled (by another process), without journalling them again. */
    public synchronized void follow(List<Entry> entries) {
        Journal keep = journal;
        journal = NO_JOURNAL;
        try {
            for (Entry e : entries) {
                String hash = e.withdrawalId() == null ? receive(e.wallet(), e.amount())
                        : send(e.withdrawalId(), e.wallet(), e.amount());
                if (!hash.equals(e.hash())) {
                    throw new IllegalStateException("treasury journal out of order at " + e.hash());
                }
            }
        } finally {
            journal = keep;
        }
    }

    /** Forgets every transfer and rebuilds them from the whole journal. */
    public synchronized void restore(List<Entry> entries) {
        incoming.clear();
        sent.clear();
        balance = Usdc.ZERO;
        txs = 0;
        follow(entries);
    }
}
