package io.moldtank.ports.memory;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.domain.reconciliation.EscrowEntry;
import io.moldtank.ports.memory.InMemoryEscrow.Entry;
import io.moldtank.ports.memory.InMemoryEscrow.Tx;
import io.moldtank.ports.out.chain.EscrowGateway;
import io.moldtank.ports.out.chain.EscrowHistory;
import io.moldtank.ports.out.chain.MockChainLog;
import io.moldtank.ports.out.chain.TreasuryGateway;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One mock chain that several processes share through a {@link MockChainLog} (a database table), so
 * escrow survives restarts and every node sees the same deposits and releases. Each process keeps a
 * replica ({@link InMemoryEscrow}, with the contract's rules) and catches up with the log before every
 * call. A change is applied to the replica, then appended as the line after the last one the replica has
 * seen: when another node appended first, the append is refused, the replica is rebuilt from the log and
 * the change is decided again on the new state, so the log never forks (two deposits for one bounty
 * cannot both land). A change whose append failed (the store unreachable) fails the call; the replica is
 * rebuilt from the log before the next one, since whether the line was stored is then unknown.
 */
public final class SharedMockChain implements EscrowGateway, EscrowHistory {
    /** Appends lost to another writer in a row before a call gives up: only under a storm of writers. */
    static final int MAX_TRIES = 20;

    private final MockChainLog log;
    private final List<String> pending = new ArrayList<>();
    private final InMemoryEscrow chain;
    private final InMemoryTreasury treasury = new InMemoryTreasury();
    private long seen;
    private boolean stale;

    private SharedMockChain(MockChainLog log) {
        this.log = log;
        List<String> all = log.after(0);
        Lines lines = parse(all, 0);
        this.chain = InMemoryEscrow.replay(lines.escrow(), new InMemoryEscrow.Journal() {
            @Override
            public void minted(WalletAddress to, Usdc amount) {
                pending.add(Entry.mint(to, amount).line());
            }

            @Override
            public void mined(Tx tx) {
                pending.add(Entry.mined(tx).line());
            }
        });
        treasury.follow(lines.treasury());
        treasury.journalTo(entry -> pending.add(entry.line()));
        this.seen = all.size();
    }

    /** The chain the log holds so far; an unreadable or inconsistent log is refused, naming the line. */
    public static SharedMockChain open(MockChainLog log) {
        return new SharedMockChain(Objects.requireNonNull(log, "log"));
    }

    /** This process's replica, for tests that inject faults or read balances (call {@link #held} to catch up). */
    public InMemoryEscrow replica() {
        return chain;
    }

    /**
     * The platform treasury of the same chain (the registry's agents' USDC): transfers in and withdrawals
     * go through the same log, so a transfer simulated on one node is confirmed on another, and after a restart.
     */
    public TreasuryGateway treasury() {
        return new TreasuryGateway() {
            @Override
            public Incoming checkIncoming(String txHash) {
                return read(() -> treasury.checkIncoming(txHash));
            }

            @Override
            public String send(java.util.UUID withdrawalId, WalletAddress to, Usdc amount) {
                return write(() -> treasury.send(withdrawalId, to, amount));
            }

            @Override
            public Optional<SimulatedTransfer> simulatedWallet() {
                return Optional.of((from, amount) -> write(() -> treasury.receive(from, amount)));
            }
        };
    }

    /** The treasury's balance, after catching up with the log. */
    public Usdc treasuryBalance() {
        return read(treasury::balance);
    }

    /** What the escrow holds for open deals, after catching up with the log. */
    public Usdc held() {
        return read(chain::held);
    }

    public Usdc balanceOf(WalletAddress wallet) {
        return read(() -> chain.balanceOf(wallet));
    }

    public List<Tx> transactions() {
        return read(chain::transactions);
    }

    public String deposit(BountyId bountyId, WalletAddress payer, Usdc amount) {
        return write(() -> chain.deposit(bountyId, payer, amount));
    }

    public void mint(WalletAddress to, Usdc amount) {
        write(() -> {
            chain.mint(to, amount);
            return null;
        });
    }

    public String refund(BountyId bountyId, WalletAddress caller) {
        return write(() -> chain.refund(bountyId, caller));
    }

    @Override
    public Optional<SimulatedWallet> simulatedWallet() {
        SimulatedWallet wallet = chain.simulatedWallet().orElseThrow();
        return Optional.of((bountyId, payer, amount) -> write(() -> wallet.deposit(bountyId, payer, amount)));
    }

    @Override
    public List<UnsignedTx> depositTransactions(BountyId bountyId, WalletAddress payer, Usdc amount,
                                                Instant deadline) {
        return chain.depositTransactions(bountyId, payer, amount, deadline);
    }

    @Override
    public DepositCheck checkDeposit(BountyId bountyId, String txHash) {
        return read(() -> chain.checkDeposit(bountyId, txHash));
    }

    @Override
    public String release(PayoutId payoutId, BountyId bountyId, WalletAddress to, Usdc amount) {
        return write(() -> chain.release(payoutId, bountyId, to, amount));
    }

    @Override
    public Optional<ReleaseOnChain> findRelease(BountyId bountyId) {
        return read(() -> chain.findRelease(bountyId));
    }

    @Override
    public List<EscrowEntry> confirmedEntries() {
        return read(chain::confirmedEntries);
    }

    private <T> T read(Supplier<T> query) {
        synchronized (chain) {
            catchUp();
            return query.get();
        }
    }

    /**
     * Decides {@code change} on the caught-up replica and appends what it mined. A revert mines nothing and
     * is thrown as is; a change that mined and then failed (a lost answer) is stored, then thrown.
     */
    private <T> T write(Supplier<T> change) {
        synchronized (chain) {
            for (int attempt = 1; ; attempt++) {
                catchUp();
                pending.clear();
                T value = null;
                RuntimeException thrown = null;
                try {
                    value = change.get();
                } catch (RuntimeException e) {
                    thrown = e;
                }
                if (pending.isEmpty()) {
                    if (thrown != null) {
                        throw thrown;
                    }
                    return value;
                }
                List<String> lines = List.copyOf(pending);
                pending.clear();
                boolean stored;
                try {
                    stored = log.append(seen, lines);
                } catch (RuntimeException e) {
                    stale = true;
                    throw new IllegalStateException("mock chain not written (node unavailable): " + e.getMessage(), e);
                }
                if (stored) {
                    seen += lines.size();
                    if (thrown != null) {
                        throw thrown;
                    }
                    return value;
                }
                restore(); // another node appended first: this change never happened
                if (attempt == MAX_TRIES) {
                    throw new IllegalStateException("mock chain busy: " + MAX_TRIES + " appends lost to other nodes");
                }
            }
        }
    }

    private void catchUp() {
        if (stale) {
            restore();
            return;
        }
        List<String> lines = log.after(seen);
        if (lines.isEmpty()) {
            return;
        }
        try {
            Lines parsed = parse(lines, seen);
            chain.follow(parsed.escrow());
            treasury.follow(parsed.treasury());
        } catch (RuntimeException e) {
            stale = true; // applied part-way: rebuild from the whole log next time
            throw new IllegalStateException("mock chain log does not replay after line " + seen + ": " + e.getMessage(), e);
        }
        seen += lines.size();
    }

    private void restore() {
        List<String> all = log.after(0);
        Lines parsed = parse(all, 0);
        chain.restore(parsed.escrow());
        treasury.restore(parsed.treasury());
        seen = all.size();
        stale = false;
    }

    /** The log's lines, each for the escrow or the treasury (independent, so each keeps only its own order). */
    private record Lines(List<Entry> escrow, List<InMemoryTreasury.Entry> treasury) {
    }

    private static Lines parse(List<String> lines, long before) {
        List<Entry> escrow = new ArrayList<>(lines.size());
        List<InMemoryTreasury.Entry> treasury = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            try {
                if (InMemoryTreasury.Entry.isTreasury(line)) {
                    treasury.add(InMemoryTreasury.Entry.parse(line));
                } else {
                    escrow.add(Entry.parse(line));
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("mock chain log line " + (before + i + 1) + " is unreadable: " + line, e);
            }
        }
        return new Lines(escrow, treasury);
    }
}
