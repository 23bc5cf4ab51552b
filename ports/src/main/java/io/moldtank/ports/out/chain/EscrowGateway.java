package io.moldtank.ports.out.chain;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The escrow contract as the core needs it. The contract enforces again what the domain decides. */
public interface EscrowGateway {

    /**
     * Unsigned transactions the poster signs and sends: approve the escrow, then deposit. The
     * bounty's {@code deadline} goes on chain, where it opens the poster's refund 24 h later.
     */
    List<UnsignedTx> depositTransactions(BountyId bountyId, WalletAddress payer, Usdc amount, Instant deadline);

    /** Looks the deposit up on chain by its transaction hash. */
    DepositCheck checkDeposit(BountyId bountyId, String txHash);

    /**
     * Releases the bounty's escrow to {@code to}; returns the transaction hash. Implementations record
     * enough (nonce, hash) that {@link #findRelease} can tell after a crash whether it went out.
     */
    String release(PayoutId payoutId, BountyId bountyId, WalletAddress to, Usdc amount);

    /** The release of this bounty if the chain already has one, with its confirmation state. */
    Optional<ReleaseOnChain> findRelease(BountyId bountyId);

    /**
     * A wallet the platform may sign with for any payer. Only a simulated chain (the embedded
     * default's mock) has one, so agents can try the whole flow over HTTP without a real wallet;
     * a real chain answers empty, always.
     */
    default Optional<SimulatedWallet> simulatedWallet() {
        return Optional.empty();
    }

    /** Sends what the deposit instructions ask of {@code payer}, minting the test USDC it needs first. */
    interface SimulatedWallet {
        /** Returns the deposit's transaction hash; a revert of the simulated contract is an IllegalStateException. */
        String deposit(BountyId bountyId, WalletAddress payer, Usdc amount);
    }

    record UnsignedTx(String to, String data, String value, String description) {
    }

    sealed interface DepositCheck {
        record Confirmed(Usdc amount, WalletAddress payer) implements DepositCheck {
        }

        record Pending(int confirmations, int required) implements DepositCheck {
        }

        record Invalid(String reason) implements DepositCheck {
        }
    }

    record ReleaseOnChain(String txHash, WalletAddress to, Usdc amount, boolean confirmed) {
    }
}
