package io.moldtank.adapters.chain;

import io.moldtank.adapters.chain.ChainAdapters.ChainFailure;
import io.moldtank.adapters.chain.ChainAdapters.ChainSettings;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.out.chain.TreasuryGateway.Incoming;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Decides whether a transaction paid USDC into the treasury: a successful receipt on the configured
 * chain with exactly one ERC-20 Transfer log from the configured USDC contract to the treasury, buried
 * under as many blocks as a deposit. Several such logs are refused rather than summed: one hash credits
 * one transfer, and a batch is for a person to look at, not for the registry to guess.
 */
final class IncomingTransfers {
    private final ChainSettings settings;
    private final Node node;
    private final String treasuryTopic;

    IncomingTransfers(ChainSettings settings, Node node, String treasuryAddress) {
        this.settings = settings;
        this.node = node;
        this.treasuryTopic = "0x" + "0".repeat(24) + Numeric.cleanHexPrefix(treasuryAddress).toLowerCase(java.util.Locale.ROOT);
    }

    Incoming check(String txHash) {
        // Lower-case only: the registry credits a deposit once per hash string, and the node would
        // answer "0xAB…" and "0xab…" alike, so a second spelling must not be a second deposit.
        if (txHash == null || !txHash.matches("0x[0-9a-f]{64}")) {
            return new Incoming.Invalid("not a transaction hash (0x and 64 lower-case hex characters): " + txHash);
        }
        long chainId = node.chainId();
        if (chainId != settings.chainId()) {
            throw ChainFailure.wrongChain(settings.chainId(), chainId);
        }
        Optional<TransactionReceipt> found = node.receipt(txHash);
        if (found.isEmpty()) {
            return node.knowsTransaction(txHash) ? new Incoming.Pending(0, settings.confirmations())
                    : new Incoming.Invalid("no transaction " + txHash + " on chain " + chainId);
        }
        TransactionReceipt receipt = found.get();
        if (!receipt.isStatusOK()) {
            return new Incoming.Invalid("transaction " + txHash + " reverted");
        }
        List<Log> toTreasury = receipt.getLogs().stream()
                .filter(l -> settings.usdcAddress().equalsIgnoreCase(l.getAddress()))
                .filter(l -> l.getTopics().size() == 3 && EscrowAbi.TRANSFER_TOPIC.equalsIgnoreCase(l.getTopics().get(0)))
                .filter(l -> treasuryTopic.equalsIgnoreCase(l.getTopics().get(2)))
                .toList();
        if (toTreasury.size() != 1) {
            return new Incoming.Invalid(toTreasury.isEmpty()
                    ? "transaction " + txHash + " is no USDC transfer to the treasury"
                    : "transaction " + txHash + " holds " + toTreasury.size() + " USDC transfers to the treasury; "
                    + "only a single transfer is credited");
        }
        long confirmations = node.blockNumber().subtract(receipt.getBlockNumber()).longValueExact() + 1;
        if (confirmations < settings.confirmations()) {
            return new Incoming.Pending((int) confirmations, settings.confirmations());
        }
        Log log = toTreasury.get(0);
        BigInteger value = EscrowAbi.firstWord(log.getData());
        if (value.signum() == 0 || value.bitLength() > 63) {
            return new Incoming.Invalid("transaction " + txHash + " transferred " + value + " units, not a creditable amount");
        }
        return new Incoming.Confirmed(new WalletAddress(EscrowAbi.indexedAddress(log.getTopics().get(1))),
                Usdc.fromOnChain(value));
    }
}
