package io.moldtank.adapters.chain;

import io.moldtank.adapters.chain.ChainAdapters.ChainFailure;
import io.moldtank.adapters.chain.ChainAdapters.ChainSettings;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.ports.out.chain.EscrowGateway;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * EscrowGateway over JSON-RPC. Deposits are verified from the Deposited log of their receipt; releases
 * are signed by the QA wallet, journalled before broadcast, and found again by their Released log, so a
 * payout retried after a crash adopts the release already on chain instead of sending another.
 */
final class Web3jEscrowGateway implements EscrowGateway {
    private final ChainSettings settings;
    private final Node node;
    private final QaWallet qa;
    private final ReleaseJournal journal;
    private final ReleaseLogs releases;
    private final DepositReceipts deposits;

    Web3jEscrowGateway(ChainSettings settings, Node node, QaWallet qa, ReleaseJournal journal) {
        this.settings = settings;
        this.node = node;
        this.qa = qa;
        this.journal = journal;
        this.releases = new ReleaseLogs(settings, node, journal);
        this.deposits = new DepositReceipts(settings, node);
    }

    @Override
    public List<UnsignedTx> depositTransactions(BountyId bountyId, WalletAddress payer, Usdc amount,
                                                Instant bountyDeadline) {
        if (amount.isZero()) {
            throw new IllegalArgumentException("a deposit must be more than zero USDC");
        }
        // The contract refuses deadlines past its MAX_DEADLINE; depositWindow mirrors it, checked against block time.
        long deadline = bountyDeadline.getEpochSecond();
        long latest = node.latestTimestamp();
        if (deadline <= latest || deadline > latest + settings.depositWindow().toSeconds()) {
            throw new IllegalArgumentException("bounty deadline " + bountyDeadline + " must be after the chain's time and"
                    + " within " + settings.depositWindow() + " of it");
        }
        return List.of(
                new UnsignedTx(settings.usdcAddress(), EscrowAbi.approve(settings.escrowAddress(), amount.toOnChain()),
                        "0x0", "approve the escrow to take " + amount.toDecimalString() + " USDC"),
                new UnsignedTx(settings.escrowAddress(),
                        EscrowAbi.deposit(BountyIds.toBytes32(bountyId), amount.toOnChain(), deadline),
                        "0x0", "deposit " + amount.toDecimalString() + " USDC for bounty " + bountyId.value()
                        + "; refundable to you from deadline " + deadline + " + 24 h if not released"));
    }

    @Override
    public DepositCheck checkDeposit(BountyId bountyId, String txHash) {
        return deposits.check(bountyId, txHash);
    }

    /** Synchronized: the journal check and the send must not interleave for two payouts of one bounty. */
    @Override
    public synchronized String release(PayoutId payoutId, BountyId bountyId, WalletAddress to, Usdc amount) {
        Optional<String> earlier = earlierRelease(bountyId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String hash = qa.send(payoutId, bountyId, settings.escrowAddress(),
                EscrowAbi.release(BountyIds.toBytes32(bountyId), to.hex(), amount.toOnChain()));
        Optional<TransactionReceipt> receipt = qa.awaitReceipt(hash);
        if (receipt.isPresent() && !receipt.get().isStatusOK()) {
            throw ChainFailure.reverted("release " + hash, "a failed status in block " + receipt.get().getBlockNumber());
        }
        return hash; // without a receipt yet: broadcast, and findRelease will see it land
    }

    /**
     * A release this wallet already signed for the bounty that is mined, pending, or can be sent again
     * with its original nonce. Reverted or unsendable ones are dead and do not count.
     */
    private Optional<String> earlierRelease(BountyId bountyId) {
        for (ReleaseJournal.Entry e : journal.forBounty(bountyId)) {
            Optional<TransactionReceipt> receipt = node.receipt(e.txHash());
            if (receipt.isPresent()) {
                if (receipt.get().isStatusOK()) {
                    return Optional.of(e.txHash());
                }
            } else if (node.knowsTransaction(e.txHash()) || qa.rebroadcast(e)) {
                return Optional.of(e.txHash());
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<ReleaseOnChain> findRelease(BountyId bountyId) {
        return releases.find(bountyId);
    }
}
