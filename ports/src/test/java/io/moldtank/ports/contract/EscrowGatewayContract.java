package io.moldtank.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.ports.out.chain.EscrowGateway;
import io.moldtank.ports.out.chain.EscrowGateway.DepositCheck;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every EscrowGateway must do, written once and run against the in-process mock chain
 * (InMemoryEscrow, the embedded default) and the web3j gateway on Anvil, so the mock cannot drift
 * from the contract's semantics the core relies on.
 */
public interface EscrowGatewayContract {
    EscrowGateway gateway();

    /** The poster funds the bounty on this chain; returns the deposit transaction's hash. */
    String deposit(BountyId bounty, Usdc amount);

    WalletAddress poster();

    WalletAddress winner();

    default BountyId newBounty() {
        return new BountyId(UUID.randomUUID());
    }

    @Test
    default void a_deposit_is_confirmed_for_its_bounty_with_amount_and_payer() {
        BountyId bounty = newBounty();
        String tx = deposit(bounty, Usdc.ofWhole(5));
        assertThat(gateway().checkDeposit(bounty, tx)).isEqualTo(new DepositCheck.Confirmed(Usdc.ofWhole(5), poster()));
    }

    @Test
    default void a_deposit_checked_against_another_bounty_or_an_unknown_hash_is_invalid() {
        String tx = deposit(newBounty(), Usdc.ofWhole(5));
        assertThat(gateway().checkDeposit(newBounty(), tx)).isInstanceOf(DepositCheck.Invalid.class);
        assertThat(gateway().checkDeposit(newBounty(), "0x" + "0f".repeat(32))).isInstanceOf(DepositCheck.Invalid.class);
    }

    @Test
    default void deposit_instructions_are_two_transactions_approve_then_deposit() {
        assertThat(gateway().depositTransactions(newBounty(), poster(), Usdc.ofWhole(5), java.time.Instant.now().plus(java.time.Duration.ofDays(2)))).hasSize(2);
    }

    @Test
    default void a_bounty_is_released_once_and_the_release_is_found_by_its_bounty() {
        BountyId bounty = newBounty();
        deposit(bounty, Usdc.ofWhole(5));
        assertThat(gateway().findRelease(bounty)).isEmpty();
        String hash = gateway().release(new PayoutId(UUID.randomUUID()), bounty, winner(), Usdc.ofWhole(5));
        assertThat(gateway().findRelease(bounty)).hasValueSatisfying(r -> {
            assertThat(r.txHash()).isEqualTo(hash);
            assertThat(r.to()).isEqualTo(winner());
            assertThat(r.amount()).isEqualTo(Usdc.ofWhole(5));
            assertThat(r.confirmed()).isTrue();
        });
    }

    @Test
    default void a_release_of_another_amount_than_held_fails_and_releases_nothing() {
        BountyId bounty = newBounty();
        deposit(bounty, Usdc.ofWhole(5));
        assertThatThrownBy(() -> gateway().release(new PayoutId(UUID.randomUUID()), bounty, winner(), Usdc.ofWhole(4)))
                .isInstanceOf(RuntimeException.class);
        assertThat(gateway().findRelease(bounty)).isEmpty();
    }

    @Test
    default void a_bounty_without_a_deposit_cannot_be_released() {
        BountyId bounty = newBounty();
        assertThatThrownBy(() -> gateway().release(new PayoutId(UUID.randomUUID()), bounty, winner(), Usdc.ofWhole(5)))
                .isInstanceOf(RuntimeException.class);
        assertThat(gateway().findRelease(bounty)).isEmpty();
    }
}
