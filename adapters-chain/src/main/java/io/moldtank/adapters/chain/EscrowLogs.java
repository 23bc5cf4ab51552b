package io.moldtank.adapters.chain;

import io.moldtank.adapters.chain.ChainAdapters.ChainSettings;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.reconciliation.EscrowEntry;
import io.moldtank.domain.reconciliation.EscrowEntry.Kind;
import io.moldtank.ports.out.chain.EscrowHistory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * The escrow's movements from its event logs: one eth_getLogs per window of {@code logWindow} blocks
 * (public RPC providers limit the range) for all movement events at once, over confirmed blocks only, so
 * nothing found is ever taken back. Entries and the next block to scan are kept in memory: later calls
 * read only new blocks, and after a restart the first call scans again from {@code fromBlock}.
 */
final class EscrowLogs implements EscrowHistory {
    /*
     * ReleaseDeferred is not scanned: the contract emits Released for every release, then ReleaseDeferred
     * in the same transaction when the token refused the winner. The money left the deal either way (it
     * is owed to the winner), and counting both would show one release as two.
     */
    private static final Map<String, Kind> KINDS = Map.of(
            EscrowAbi.DEPOSITED_TOPIC, Kind.DEPOSIT,
            EscrowAbi.RELEASED_TOPIC, Kind.RELEASE,
            EscrowAbi.REFUNDED_TOPIC, Kind.REFUND,
            EscrowAbi.EMERGENCY_WITHDRAWN_TOPIC, Kind.EMERGENCY_WITHDRAWAL);
    private static final List<String> TOPICS = List.copyOf(KINDS.keySet());
    private static final Comparator<Log> CHAIN_ORDER = Comparator.comparing(Log::getBlockNumber)
            .thenComparing(Log::getLogIndex);

    private final ChainSettings settings;
    private final Node node;
    private final List<EscrowEntry> entries = new ArrayList<>();
    private long nextBlock;

    EscrowLogs(ChainSettings settings, Node node) {
        this.settings = settings;
        this.node = node;
        this.nextBlock = settings.fromBlock();
    }

    @Override
    public synchronized List<EscrowEntry> confirmedEntries() {
        // As ReleaseLogs counts: a block has head - block + 1 confirmations.
        long lastConfirmed = node.blockNumber().longValueExact() - settings.confirmations() + 1;
        while (nextBlock <= lastConfirmed) {
            long to = lastConfirmed - nextBlock < settings.logWindow() ? lastConfirmed
                    : nextBlock + settings.logWindow() - 1;
            node.logsOfAny(settings.escrowAddress(), BigInteger.valueOf(nextBlock), BigInteger.valueOf(to), TOPICS)
                    .stream().filter(l -> !l.isRemoved()).sorted(CHAIN_ORDER).forEach(this::add);
            nextBlock = to + 1; // per window: a node failing later keeps what earlier windows found
        }
        return List.copyOf(entries);
    }

    private void add(Log log) {
        Kind kind = KINDS.get(log.getTopics().get(0).toLowerCase(Locale.ROOT));
        BountyId bounty = BountyIds.fromBytes32(Numeric.hexStringToByteArray(log.getTopics().get(1)));
        if (kind == null || bounty == null) {
            return; // a bytes32 that is not a bounty id of ours: someone else's call to the contract
        }
        entries.add(new EscrowEntry(kind, bounty, log.getTransactionHash(),
                new WalletAddress(EscrowAbi.indexedAddress(log.getTopics().get(2))),
                Usdc.fromOnChain(EscrowAbi.firstWord(log.getData()))));
    }
}
