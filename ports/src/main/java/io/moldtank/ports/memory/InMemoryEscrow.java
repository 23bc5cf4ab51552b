package io.moldtank.ports.memory;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.domain.reconciliation.EscrowEntry;
import io.moldtank.ports.out.chain.EscrowGateway;
import io.moldtank.ports.out.chain.EscrowHistory;
import java.time.Instant;
import java.util.*;

/**
 * An in-process chain with the escrow contract's rules: a deposit per bounty, released at most once,
 * refunded at most once, and token balances that never go below zero. Faults can be injected to test
 * the payout worker: a failing release, or a release that lands on chain but whose answer is lost.
 * A {@link Journal} sees every mint and mined transaction in order; {@link #replay} rebuilds the same
 * chain from them, so the main job's mock chain can outlive a restart like its H2 file does.
 */
public final class InMemoryEscrow implements EscrowGateway, EscrowHistory {
    public enum Kind { DEPOSIT, RELEASE, REFUND }

    /** Told of each change as it happens, under the chain's lock. */
    public interface Journal {
        void minted(WalletAddress to, Usdc amount);

        void mined(Tx tx);
    }

    /**
     * A journal entry to replay: a mint ({@code tx} null) or a mined transaction. {@link #line} and
     * {@link #parse} are the one text form every journal stores (a file beside the H2 file, a database table).
     */
    public record Entry(WalletAddress mintedTo, Usdc minted, Tx tx) {
        public static Entry mint(WalletAddress to, Usdc amount) {
            return new Entry(Objects.requireNonNull(to), Objects.requireNonNull(amount), null);
        }

        public static Entry mined(Tx tx) {
            return new Entry(null, null, Objects.requireNonNull(tx));
        }

        /** {@code mint <wallet> <units>} or {@code tx <hash> <kind> <bounty> <from|-> <to|-> <units>}. */
        public String line() {
            if (tx == null) {
                return "mint " + mintedTo.hex() + " " + minted.units();
            }
            return String.join(" ", "tx", tx.hash(), tx.kind().name(), tx.bountyId().toString(), wallet(tx.from()),
                    wallet(tx.to()), Long.toString(tx.amount().units()));
        }

        /** The entry {@link #line} wrote; an IllegalArgumentException for anything else. */
        public static Entry parse(String line) {
            String[] f = line.trim().split(" ");
            return switch (f[0]) {
                case "mint" -> {
                    fields(f, 3);
                    yield mint(new WalletAddress(f[1]), Usdc.ofUnits(Long.parseLong(f[2])));
                }
                case "tx" -> {
                    fields(f, 7);
                    yield mined(new Tx(f[1], Kind.valueOf(f[2]), BountyId.parse(f[3]), walletOrNull(f[4]),
                            walletOrNull(f[5]), Usdc.ofUnits(Long.parseLong(f[6]))));
                }
                default -> throw new IllegalArgumentException("unknown entry " + f[0]);
            };
        }

        private static void fields(String[] f, int n) {
            if (f.length != n) {
                throw new IllegalArgumentException("wrong number of fields");
            }
        }

        private static String wallet(WalletAddress w) {
            return w == null ? "-" : w.hex();
        }

        private static WalletAddress walletOrNull(String s) {
            return s.equals("-") ? null : new WalletAddress(s);
        }
    }

    private static final Journal NO_JOURNAL = new Journal() {
        @Override
        public void minted(WalletAddress to, Usdc amount) {
        }

        @Override
        public void mined(Tx tx) {
        }
    };

    /** One mined transaction. */
    public record Tx(String hash, Kind kind, BountyId bountyId, WalletAddress from, WalletAddress to, Usdc amount) {
    }

    private enum DealState { HELD, RELEASED, REFUNDED }

    private record Deal(WalletAddress payer, Usdc amount, DealState state) {
    }

    private final Map<WalletAddress, Usdc> balances = new HashMap<>();
    private final Map<BountyId, Deal> deals = new HashMap<>();
    private final List<Tx> txs = new ArrayList<>();
    private Usdc minted = Usdc.ZERO;
    private int failReleases;
    private int loseReleaseAnswers;
    private Journal journal = NO_JOURNAL;

    /**
     * The chain the entries describe, then telling {@code journal} of every later change. The entries
     * are applied through the same rules, so a journal that does not add up is refused, not trusted.
     */
    public static InMemoryEscrow replay(List<Entry> entries, Journal journal) {
        InMemoryEscrow chain = new InMemoryEscrow();
        chain.follow(entries);
        chain.journal = Objects.requireNonNull(journal, "journal");
        return chain;
    }

    /**
     * Applies entries that are already journalled (another process wrote them to a journal this chain
     * shares), through the same rules and without telling the journal again; injected faults do not apply.
     * A list that does not add up is refused part-way: {@link #restore} from the whole journal then.
     */
    public synchronized void follow(List<Entry> entries) {
        Journal keep = journal;
        journal = NO_JOURNAL;
        try {
            entries.forEach(this::apply);
        } finally {
            journal = keep;
        }
    }

    /** Forgets every balance, deal and transaction and rebuilds them from the whole journal. */
    public synchronized void restore(List<Entry> entries) {
        balances.clear();
        deals.clear();
        txs.clear();
        minted = Usdc.ZERO;
        follow(entries);
    }

    private void apply(Entry e) {
        if (e.tx() == null) {
            mint(e.mintedTo(), e.minted());
            return;
        }
        Tx t = e.tx();
        String hash = switch (t.kind()) {
            case DEPOSIT -> deposit(t.bountyId(), t.from(), t.amount());
            case RELEASE -> releaseHeld(t.bountyId(), t.to(), t.amount());
            case REFUND -> refund(t.bountyId(), t.to());
        };
        if (!hash.equals(t.hash())) {
            throw new IllegalStateException("journal out of order at " + t.hash());
        }
    }

    public synchronized void mint(WalletAddress to, Usdc amount) {
        balances.merge(to, amount, Usdc::plus);
        minted = minted.plus(amount);
        journal.minted(to, amount);
    }

    public synchronized Usdc balanceOf(WalletAddress wallet) {
        return balances.getOrDefault(wallet, Usdc.ZERO);
    }

    /** What the escrow contract holds for open deals. */
    public synchronized Usdc held() {
        return deals.values().stream().filter(d -> d.state() == DealState.HELD).map(Deal::amount)
                .reduce(Usdc.ZERO, Usdc::plus);
    }

    public synchronized Usdc minted() {
        return minted;
    }

    public synchronized List<Tx> transactions() {
        return List.copyOf(txs);
    }

    /** The poster's own transaction (what their wallet would send after signing the instructions). */
    public synchronized String deposit(BountyId bountyId, WalletAddress payer, Usdc amount) {
        if (deals.containsKey(bountyId)) {
            throw new IllegalStateException("revert DealExists(" + bountyId + ")");
        }
        if (amount.isZero()) {
            throw new IllegalStateException("revert ZeroAmount");
        }
        debit(payer, amount);
        deals.put(bountyId, new Deal(payer, amount, DealState.HELD));
        return mine(Kind.DEPOSIT, bountyId, payer, null, amount);
    }

    /** Test USDC appears in the payer's wallet only when the deposit goes through. */
    @Override
    public Optional<SimulatedWallet> simulatedWallet() {
        return Optional.of((bountyId, payer, amount) -> {
            synchronized (this) {
                if (deals.containsKey(bountyId)) {
                    throw new IllegalStateException("revert DealExists(" + bountyId + ")");
                }
                mint(payer, amount);
                return deposit(bountyId, payer, amount);
            }
        });
    }

    /** The poster reclaims an unreleased deposit. */
    public synchronized String refund(BountyId bountyId, WalletAddress caller) {
        Deal deal = deals.get(bountyId);
        if (deal == null || deal.state() != DealState.HELD) {
            throw new IllegalStateException("revert NotRefundable(" + bountyId + ")");
        }
        if (!deal.payer().equals(caller)) {
            throw new IllegalStateException("revert NotPayer");
        }
        deals.put(bountyId, new Deal(deal.payer(), deal.amount(), DealState.REFUNDED));
        balances.merge(deal.payer(), deal.amount(), Usdc::plus);
        return mine(Kind.REFUND, bountyId, null, deal.payer(), deal.amount());
    }

    public synchronized void failNextReleases(int n) {
        failReleases = n;
    }

    /** The next release is mined, but its caller sees an error — as when a node drops the connection. */
    public synchronized void loseNextReleaseAnswer() {
        loseReleaseAnswers++;
    }

    @Override
    public List<UnsignedTx> depositTransactions(BountyId bountyId, WalletAddress payer, Usdc amount,
                                                Instant deadline) {
        return List.of(
                new UnsignedTx("mock-usdc", "approve(mock-escrow," + amount.units() + ")", "0", "approve the escrow"),
                new UnsignedTx("mock-escrow", "deposit(" + bountyId + "," + amount.units() + ")", "0", "deposit"));
    }

    @Override
    public synchronized DepositCheck checkDeposit(BountyId bountyId, String txHash) {
        return txs.stream().filter(t -> t.hash().equals(txHash)).findFirst()
                .<DepositCheck>map(t -> t.kind() == Kind.DEPOSIT && t.bountyId().equals(bountyId)
                        ? new DepositCheck.Confirmed(t.amount(), t.from())
                        : new DepositCheck.Invalid("transaction " + txHash + " is not a deposit for bounty " + bountyId))
                .orElseGet(() -> new DepositCheck.Invalid("no transaction " + txHash));
    }

    @Override
    public synchronized String release(PayoutId payoutId, BountyId bountyId, WalletAddress to, Usdc amount) {
        if (failReleases > 0) {
            failReleases--;
            throw new IllegalStateException("node unavailable");
        }
        String hash = releaseHeld(bountyId, to, amount);
        if (loseReleaseAnswers > 0) {
            loseReleaseAnswers--;
            throw new IllegalStateException("connection reset after broadcast");
        }
        return hash;
    }

    private String releaseHeld(BountyId bountyId, WalletAddress to, Usdc amount) {
        Deal deal = deals.get(bountyId);
        if (deal == null || deal.state() != DealState.HELD) {
            throw new IllegalStateException("revert NotReleasable(" + bountyId + ")");
        }
        if (!deal.amount().equals(amount)) {
            throw new IllegalStateException("revert AmountMismatch");
        }
        deals.put(bountyId, new Deal(deal.payer(), deal.amount(), DealState.RELEASED));
        balances.merge(to, amount, Usdc::plus);
        return mine(Kind.RELEASE, bountyId, null, to, amount);
    }

    @Override
    public synchronized Optional<ReleaseOnChain> findRelease(BountyId bountyId) {
        return txs.stream().filter(t -> t.kind() == Kind.RELEASE && t.bountyId().equals(bountyId)).findFirst()
                .map(t -> new ReleaseOnChain(t.hash(), t.to(), t.amount(), true));
    }

    /** Every mined escrow transaction: a simulated chain confirms at once. */
    @Override
    public synchronized List<EscrowEntry> confirmedEntries() {
        return txs.stream().map(t -> new EscrowEntry(switch (t.kind()) {
            case DEPOSIT -> EscrowEntry.Kind.DEPOSIT;
            case RELEASE -> EscrowEntry.Kind.RELEASE;
            case REFUND -> EscrowEntry.Kind.REFUND;
        }, t.bountyId(), t.hash(), t.kind() == Kind.DEPOSIT ? t.from() : t.to(), t.amount())).toList();
    }

    private void debit(WalletAddress from, Usdc amount) {
        Usdc balance = balances.getOrDefault(from, Usdc.ZERO);
        if (amount.isGreaterThan(balance)) {
            throw new IllegalStateException("revert ERC20InsufficientBalance(" + from + ")");
        }
        balances.put(from, balance.minus(amount));
    }

    private String mine(Kind kind, BountyId bountyId, WalletAddress from, WalletAddress to, Usdc amount) {
        String hash = String.format("0x%064x", txs.size() + 1);
        Tx tx = new Tx(hash, kind, bountyId, from, to, amount);
        txs.add(tx);
        journal.mined(tx);
        return hash;
    }
}
