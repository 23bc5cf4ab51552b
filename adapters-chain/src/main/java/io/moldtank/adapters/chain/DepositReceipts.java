package io.moldtank.adapters.chain;

import io.moldtank.adapters.chain.ChainAdapters.ChainFailure;
import io.moldtank.adapters.chain.ChainAdapters.ChainSettings;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.out.chain.EscrowGateway.DepositCheck;
import java.math.BigInteger;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Decides whether a poster's transaction funded a bounty: a successful receipt on the configured chain
 * whose escrow Deposited log names this bounty, buried under enough blocks. The amount is the log's,
 * which is what the escrow actually received, not what the poster asked to send.
 */
final class DepositReceipts {
    private final ChainSettings settings;
    private final Node node;

    DepositReceipts(ChainSettings settings, Node node) {
        this.settings = settings;
        this.node = node;
    }

    DepositCheck check(BountyId bountyId, String txHash) {
        if (txHash == null || !txHash.matches("0x[0-9a-fA-F]{64}")) {
            return new DepositCheck.Invalid("not a transaction hash (0x and 64 hex characters): " + txHash);
        }
        long chainId = node.chainId();
        if (chainId != settings.chainId()) {
            throw ChainFailure.wrongChain(settings.chainId(), chainId);
        }
        Optional<TransactionReceipt> found = node.receipt(txHash);
        if (found.isEmpty()) {
            return node.knowsTransaction(txHash) ? new DepositCheck.Pending(0, settings.confirmations())
                    : new DepositCheck.Invalid("no transaction " + txHash + " on chain " + chainId);
        }
        TransactionReceipt receipt = found.get();
        if (!receipt.isStatusOK()) {
            return new DepositCheck.Invalid("transaction " + txHash + " reverted");
        }
        Optional<Log> deposited = receipt.getLogs().stream()
                .filter(l -> settings.escrowAddress().equalsIgnoreCase(l.getAddress()))
                .filter(l -> l.getTopics().size() == 3 && EscrowAbi.DEPOSITED_TOPIC.equalsIgnoreCase(l.getTopics().get(0)))
                .filter(l -> BountyIds.toTopic(bountyId).equalsIgnoreCase(l.getTopics().get(1)))
                .findFirst();
        if (deposited.isEmpty()) {
            return new DepositCheck.Invalid("transaction " + txHash + " is not an escrow deposit for bounty "
                    + bountyId.value());
        }
        long confirmations = node.blockNumber().subtract(receipt.getBlockNumber()).longValueExact() + 1;
        if (confirmations < settings.confirmations()) {
            return new DepositCheck.Pending((int) confirmations, settings.confirmations());
        }
        Log log = deposited.get();
        BigInteger amount = EscrowAbi.firstWord(log.getData());
        return new DepositCheck.Confirmed(Usdc.fromOnChain(amount),
                new WalletAddress(EscrowAbi.indexedAddress(log.getTopics().get(2))));
    }
}
