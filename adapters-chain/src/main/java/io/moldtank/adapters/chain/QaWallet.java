package io.moldtank.adapters.chain;

import io.moldtank.adapters.chain.ChainAdapters.ChainFailure;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.payout.PayoutId;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;

/**
 * The QA key: estimates gas (a doomed call fails here, for free, with its error name), keeps its own
 * nonce (re-read from the node after any doubt), signs EIP-1559 transactions, journals them, then
 * broadcasts and polls for the receipt. One transaction at a time: releases are rare, and a single
 * sender keeps nonces gap-free.
 */
final class QaWallet {
    private static final BigInteger GAS_MARGIN_PERCENT = BigInteger.valueOf(120);

    private final Node node;
    private final Credentials credentials;
    private final RawTransactionManager signer;
    private final long chainId;
    private final ReleaseJournal journal;
    private final Duration receiptTimeout;
    private final Duration pollInterval;
    private BigInteger nextNonce;

    QaWallet(Node node, Credentials credentials, RawTransactionManager signer, long chainId, ReleaseJournal journal,
             Duration receiptTimeout, Duration pollInterval) {
        this.node = node;
        this.credentials = credentials;
        this.signer = signer;
        this.chainId = chainId;
        this.journal = journal;
        this.receiptTimeout = receiptTimeout;
        this.pollInterval = pollInterval;
    }

    String address() {
        return credentials.getAddress();
    }

    /** A signed transaction, known (hash included) before it is broadcast. */
    record Signed(BigInteger nonce, String txHash, String signedTx) {
    }

    /** Signs, journals a release, broadcasts; returns the hash (known before broadcast). */
    synchronized String send(PayoutId payoutId, BountyId bountyId, String to, String data) {
        return send(to, data, s -> journal.record(new ReleaseJournal.Entry(payoutId, bountyId, s.nonce(), s.txHash(),
                s.signedTx())));
    }

    /** Signs, hands the signed transaction to {@code beforeBroadcast} (a durable journal), broadcasts; returns the hash. */
    synchronized String send(String to, String data, Consumer<Signed> beforeBroadcast) {
        BigInteger gas = node.estimateGas(address(), to, data).multiply(GAS_MARGIN_PERCENT).divide(BigInteger.valueOf(100));
        BigInteger tip = node.priorityFee();
        BigInteger maxFee = node.baseFee().multiply(BigInteger.TWO).add(tip);
        boolean cached = nextNonce != null;
        try {
            return signAndSend(to, data, gas, tip, maxFee, beforeBroadcast);
        } catch (ChainFailure e) {
            // Another process used this key since we counted: our transaction was not taken (the node
            // does not know its hash), so signing again with the node's count cannot pay twice.
            if (cached && String.valueOf(e.getMessage()).contains("nonce too low")) {
                return signAndSend(to, data, gas, tip, maxFee, beforeBroadcast);
            }
            throw e;
        }
    }

    private String signAndSend(String to, String data, BigInteger gas, BigInteger tip, BigInteger maxFee,
                               Consumer<Signed> beforeBroadcast) {
        BigInteger nonce = nextNonce != null ? nextNonce : node.pendingNonce(address());
        String signed = signer.sign(RawTransaction.createTransaction(chainId, nonce, gas, to, BigInteger.ZERO, data,
                tip, maxFee));
        String hash = Hash.sha3(signed);
        beforeBroadcast.accept(new Signed(nonce, hash, signed));
        broadcast(signed, hash);
        nextNonce = nonce.add(BigInteger.ONE);
        return hash;
    }

    /** Sends already-signed bytes again (a dropped transaction); false when the node refuses them now. */
    synchronized boolean rebroadcast(ReleaseJournal.Entry entry) {
        return rebroadcast(entry.signedTx(), entry.txHash());
    }

    synchronized boolean rebroadcast(String signedTx, String txHash) {
        try {
            broadcast(signedTx, txHash);
            return true;
        } catch (ChainFailure e) {
            return false;
        }
    }

    private void broadcast(String signed, String hash) {
        try {
            node.sendRaw(signed);
        } catch (ChainFailure e) {
            // The node may have taken it before the connection broke; only its own answer settles that.
            if (!safelyKnows(hash)) {
                nextNonce = null;
                throw e;
            }
        }
    }

    private boolean safelyKnows(String hash) {
        try {
            return node.knowsTransaction(hash);
        } catch (ChainFailure e) {
            return false;
        }
    }

    /** The receipt, or empty when none arrived within the timeout (the transaction may still land). */
    Optional<TransactionReceipt> awaitReceipt(String hash) {
        long deadline = System.nanoTime() + receiptTimeout.toNanos();
        while (true) {
            Optional<TransactionReceipt> receipt = node.receipt(hash);
            if (receipt.isPresent() || System.nanoTime() > deadline) {
                return receipt;
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
