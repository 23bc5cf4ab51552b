package io.moldtank.adapters.chain;

import io.moldtank.adapters.chain.ChainAdapters.ChainSettings;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.out.chain.EscrowGateway.ReleaseOnChain;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Finds a bounty's Released event with eth_getLogs (topic 1 = the bounty id), scanning from the escrow's
 * deployment block in windows small enough for public RPC providers' range limits (after checking the
 * receipts of releases this wallet journalled, which is the common case). The contract emits
 * Released at most once per bounty, so the first hit is the only one.
 */
final class ReleaseLogs {
    private final ChainSettings settings;
    private final Node node;
    private final ReleaseJournal journal;

    ReleaseLogs(ChainSettings settings, Node node, ReleaseJournal journal) {
        this.settings = settings;
        this.node = node;
        this.journal = journal;
    }

    Optional<ReleaseOnChain> find(BountyId bountyId) {
        BigInteger head = node.blockNumber();
        // Our own releases are looked up by hash first: one receipt instead of a scan from deployment.
        for (ReleaseJournal.Entry e : journal.forBounty(bountyId)) {
            Optional<Log> mine = node.receipt(e.txHash()).stream().flatMap(r -> r.getLogs().stream())
                    .filter(l -> releasedLogOf(l, bountyId)).findFirst();
            if (mine.isPresent()) {
                return Optional.of(toRelease(mine.get(), head));
            }
        }
        BigInteger window = BigInteger.valueOf(settings.logWindow());
        for (BigInteger from = BigInteger.valueOf(settings.fromBlock()); from.compareTo(head) <= 0;
             from = from.add(window)) {
            BigInteger to = from.add(window).subtract(BigInteger.ONE).min(head);
            List<Log> logs = node.logs(settings.escrowAddress(), from, to, EscrowAbi.RELEASED_TOPIC,
                    BountyIds.toTopic(bountyId));
            Optional<Log> hit = logs.stream().filter(l -> !l.isRemoved()).findFirst();
            if (hit.isPresent()) {
                return Optional.of(toRelease(hit.get(), head));
            }
        }
        return Optional.empty();
    }

    private boolean releasedLogOf(Log l, BountyId bountyId) {
        return settings.escrowAddress().equalsIgnoreCase(l.getAddress()) && l.getTopics().size() == 3
                && EscrowAbi.RELEASED_TOPIC.equalsIgnoreCase(l.getTopics().get(0))
                && BountyIds.toTopic(bountyId).equalsIgnoreCase(l.getTopics().get(1));
    }

    private ReleaseOnChain toRelease(Log log, BigInteger head) {
        String winner = EscrowAbi.indexedAddress(log.getTopics().get(2));
        BigInteger amount = EscrowAbi.firstWord(log.getData());
        long confirmations = head.subtract(log.getBlockNumber()).longValueExact() + 1;
        return new ReleaseOnChain(log.getTransactionHash(), new WalletAddress(winner), Usdc.fromOnChain(amount),
                confirmations >= settings.confirmations());
    }
}
