package io.moldtank.adapters.chain;

import io.moldtank.adapters.chain.ChainAdapters.ChainFailure;
import io.moldtank.adapters.chain.ChainAdapters.ChainSettings;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.out.chain.TreasuryGateway;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * TreasuryGateway over JSON-RPC. Incoming transfers are read from their receipt's USDC Transfer log;
 * withdrawals are USDC {@code transfer} calls signed by the treasury key, journalled by withdrawal id
 * before broadcast, so a retried or restarted withdrawal adopts the transaction already signed for it.
 */
final class Web3jTreasuryGateway implements TreasuryGateway {
    private final ChainSettings settings;
    private final Node node;
    private final QaWallet wallet;
    private final WithdrawalJournal journal;
    private final IncomingTransfers incoming;

    Web3jTreasuryGateway(ChainSettings settings, Node node, QaWallet wallet, WithdrawalJournal journal) {
        this.settings = settings;
        this.node = node;
        this.wallet = wallet;
        this.journal = journal;
        this.incoming = new IncomingTransfers(settings, node, wallet.address());
    }

    String address() {
        return wallet.address();
    }

    @Override
    public Incoming checkIncoming(String txHash) {
        return incoming.check(txHash);
    }

    /** Synchronized: the journal check and the send must not interleave for two calls of one withdrawal. */
    @Override
    public synchronized String send(UUID withdrawalId, WalletAddress to, Usdc amount) {
        Objects.requireNonNull(withdrawalId, "withdrawalId");
        Objects.requireNonNull(to, "to");
        if (amount.isZero()) {
            throw new IllegalArgumentException("a withdrawal must move some USDC");
        }
        Optional<String> earlier = earlierTransfer(withdrawalId);
        if (earlier.isPresent()) {
            // adopted (pending or sent again after a crash): waited for like a fresh send, so the caller sees
            // the same thing either way — mined, or broadcast and still pending at the wait's end
            return awaited(earlier.get());
        }
        String hash = wallet.send(settings.usdcAddress(), EscrowAbi.transfer(to.hex(), amount.toOnChain()),
                s -> journal.record(new WithdrawalJournal.Entry(withdrawalId, s.nonce(), s.txHash(), s.signedTx())));
        return awaited(hash);
    }

    private String awaited(String hash) {
        Optional<TransactionReceipt> receipt = wallet.awaitReceipt(hash);
        if (receipt.isPresent() && !receipt.get().isStatusOK()) {
            throw ChainFailure.reverted("withdrawal " + hash, "a failed status in block " + receipt.get().getBlockNumber());
        }
        return hash; // without a receipt yet: broadcast; a retry adopts it from the journal
    }

    /**
     * A transfer already signed for this withdrawal that is mined, pending, or can be sent again with
     * its original nonce. Reverted ones moved nothing and unsendable ones lost their nonce to another
     * transaction, so neither can still pay: a new transfer is then safe.
     */
    private Optional<String> earlierTransfer(UUID withdrawalId) {
        for (WithdrawalJournal.Entry e : journal.forWithdrawal(withdrawalId)) {
            Optional<TransactionReceipt> receipt = node.receipt(e.txHash());
            if (receipt.isPresent()) {
                if (receipt.get().isStatusOK()) {
                    return Optional.of(e.txHash());
                }
            } else if (node.knowsTransaction(e.txHash()) || wallet.rebroadcast(e.signedTx(), e.txHash())) {
                return Optional.of(e.txHash());
            }
        }
        return Optional.empty();
    }
}
