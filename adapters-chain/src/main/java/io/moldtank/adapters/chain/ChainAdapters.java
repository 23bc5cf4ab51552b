package io.moldtank.adapters.chain;

import io.moldtank.ports.service.UrlPolicy;
import io.moldtank.ports.out.chain.EscrowGateway;
import io.moldtank.ports.out.chain.EscrowHistory;
import io.moldtank.ports.out.chain.PaymentRail;
import io.moldtank.ports.out.chain.TreasuryGateway;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The one entry into this module: connects to an EVM node over JSON-RPC (web3j) and hands out the
 * escrow gateway on the MoldTank escrow contract (and the treasury, x402 rail and facilitator beside it). {@code app} calls this to wire.
 */
public final class ChainAdapters {

    private ChainAdapters() {
    }

    /**
     * Connects and checks the node: refuses ({@link ChainFailure.Kind#WRONG_CHAIN}) a node whose
     * {@code eth_chainId} is not the configured one, so a mainnet key never signs for a test node or back.
     */
    public static Connection web3j(ChainSettings settings) {
        return Web3jConnection.open(settings);
    }

    /** An open connection; closing it stops web3j's HTTP client and schedulers. */
    public interface Connection extends AutoCloseable {
        EscrowGateway escrow();

        /**
         * The escrow's confirmed movements, for reconciliation. The same instance on every call: it keeps
         * what it has scanned, so later calls read only new blocks.
         */
        EscrowHistory escrowHistory();

        /**
         * Pays winners' x402 endpoints in USDC from the payout wallet with EIP-3009 authorizations. The
         * authorization nonce is derived from the payout id, so a retried payout can never settle twice.
         * Every endpoint is first put to {@code urls}, the platform's SSRF guard; redirects are never followed.
         */
        PaymentRail x402(String payoutPrivateKey, UrlPolicy urls);

        /**
         * The platform treasury wallet holding agents' USDC balances: incoming transfers are checked by
         * hash, withdrawals are signed with this key and recorded in {@code journal} (fsync'ed, before
         * broadcast; null: in memory only, for tests) so that a restart never pays a withdrawal twice.
         * Call once per key: the gateway keeps the key's nonce.
         */
        TreasuryGateway treasury(String treasuryPrivateKey, Path journal);

        /** A self-hosted x402 facilitator (CDP's /verify, /settle, /supported) settling with this key. */
        Facilitator startFacilitator(String settlerPrivateKey, InetSocketAddress bind);

        long chainId();

        @Override
        void close();
    }

    /** A running facilitator; closing it stops its HTTP server. */
    public interface Facilitator extends AutoCloseable {
        URI url();

        @Override
        void close();
    }

    /** Known networks and their USDC; {@code LOCAL} takes the chain id and token address from settings. */
    public enum Network {
        LOCAL(0, null),
        BASE_SEPOLIA(84532, "0x036CbD53842c5426634e7929541eC2318f3dCF7e"),
        BASE(8453, "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913");

        final long chainId;
        final String usdc;

        Network(long chainId, String usdc) {
            this.chainId = chainId;
            this.usdc = usdc;
        }

        /** Settings for this network with the defaults: 2 confirmations on Base, 1 locally. */
        public ChainSettings settings(String rpcUrl, String escrowAddress, String qaPrivateKey, long fromBlock) {
            if (this == LOCAL) {
                throw new IllegalArgumentException("LOCAL needs a chain id and token: use ChainSettings.local(...)");
            }
            return new ChainSettings(rpcUrl, chainId, usdc, escrowAddress, qaPrivateKey, 2, fromBlock,
                    Duration.ofDays(30), Duration.ofSeconds(60), Duration.ofMillis(500), 10_000, null);
        }
    }

    /**
     * How to reach the chain. {@code fromBlock} is the escrow's deployment block (where log searches start);
     * {@code depositWindow} is how far past the chain's time a deposit's deadline (the bounty's) may lie, mirroring the
     * contract's MAX_DEADLINE; {@code journal} is the file the QA wallet records each release in before
     * broadcasting it (null: in memory only, for tests and the embedded mode).
     */
    public record ChainSettings(String rpcUrl, long chainId, String usdcAddress, String escrowAddress,
                                String qaPrivateKey, int confirmations, long fromBlock, Duration depositWindow,
                                Duration receiptTimeout, Duration pollInterval, long logWindow, Path journal) {
        public ChainSettings {
            Objects.requireNonNull(rpcUrl, "rpcUrl");
            Objects.requireNonNull(depositWindow, "depositWindow");
            Objects.requireNonNull(receiptTimeout, "receiptTimeout");
            Objects.requireNonNull(pollInterval, "pollInterval");
            requireAddress("usdcAddress", usdcAddress);
            requireAddress("escrowAddress", escrowAddress);
            if (qaPrivateKey == null || !qaPrivateKey.matches("(0x)?[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("qaPrivateKey must be 32 bytes of hex");
            }
            if (chainId <= 0 || confirmations < 1 || fromBlock < 0 || logWindow < 1) {
                throw new IllegalArgumentException("chainId, confirmations and logWindow must be positive, fromBlock >= 0");
            }
            if (depositWindow.isNegative() || depositWindow.isZero() || depositWindow.compareTo(Duration.ofDays(365)) > 0) {
                throw new IllegalArgumentException("depositWindow must be in (0, 365 days] (the contract's MAX_DEADLINE)");
            }
        }

        /** A local node (Anvil, Hardhat) with its own token deployment; one confirmation. */
        public static ChainSettings local(String rpcUrl, long chainId, String usdcAddress, String escrowAddress,
                                          String qaPrivateKey) {
            return new ChainSettings(rpcUrl, chainId, usdcAddress, escrowAddress, qaPrivateKey, 1, 0,
                    Duration.ofDays(30), Duration.ofSeconds(10), Duration.ofMillis(50), 10_000, null);
        }

        public ChainSettings withConfirmations(int n) {
            return new ChainSettings(rpcUrl, chainId, usdcAddress, escrowAddress, qaPrivateKey, n, fromBlock,
                    depositWindow, receiptTimeout, pollInterval, logWindow, journal);
        }

        public ChainSettings withJournal(Path file) {
            return new ChainSettings(rpcUrl, chainId, usdcAddress, escrowAddress, qaPrivateKey, confirmations,
                    fromBlock, depositWindow, receiptTimeout, pollInterval, logWindow, file);
        }

        /** Never prints the key. */
        @Override
        public String toString() {
            return "ChainSettings[rpcUrl=" + rpcUrl + ", chainId=" + chainId + ", usdc=" + usdcAddress + ", escrow="
                    + escrowAddress + ", confirmations=" + confirmations + ", fromBlock=" + fromBlock + "]";
        }

        private static void requireAddress(String name, String value) {
            if (value == null || !value.matches("0x[0-9a-fA-F]{40}")) {
                throw new IllegalArgumentException(name + " must be 0x followed by 40 hex characters");
            }
        }
    }

    /**
     * Why a chain call failed, as a kind callers can switch on. Thrown (not returned) because the
     * EscrowGateway port reports failures as exceptions, which the payout worker turns into retries.
     */
    public static final class ChainFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public enum Kind {
            /** The node answered with another chain id than configured. */
            WRONG_CHAIN,
            /** The contract refused: {@link #revertReason()} names the custom error. */
            REVERTED,
            /** An x402 endpoint or facilitator refused the payment, or asked for terms we do not pay. */
        PAYMENT_REFUSED,
        /** No contract code at the configured escrow address on this chain. */
        NO_CONTRACT,
        /** The node could not be reached or answered with a JSON-RPC error. */
            NODE_UNAVAILABLE
        }

        private final Kind kind;
        private final String revertReason;

        ChainFailure(Kind kind, String message, String revertReason, Throwable cause) {
            super(kind + ": " + message, cause);
            this.kind = kind;
            this.revertReason = revertReason;
        }

        static ChainFailure reverted(String what, String reason) {
            return new ChainFailure(Kind.REVERTED, what + " reverted with " + reason, reason, null);
        }

        static ChainFailure paymentRefused(String message) {
            return new ChainFailure(Kind.PAYMENT_REFUSED, message, null, null);
        }

        static ChainFailure wrongChain(long expected, long actual) {
            return new ChainFailure(Kind.WRONG_CHAIN, "the node is on chain " + actual + ", configured for " + expected,
                    null, null);
        }

        static ChainFailure unavailable(String what, Throwable cause) {
            return new ChainFailure(Kind.NODE_UNAVAILABLE, what + ": " + cause, null, cause);
        }

        public Kind kind() {
            return kind;
        }

        /** The custom error's name (e.g. {@code NotHeld}), or null when the failure is not a revert. */
        public String revertReason() {
            return revertReason;
        }
    }
}
