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
 * What the core relies on from any escrow: deposits are recognised only for their own bounty, a
 * bounty's funds are released at most once, and a release can always be found again on chain.
 * The in-memory escrow and the web3j gateway on a local node both implement this.
 */
public interface EscrowGatewayContract {

    EscrowGateway escrow();

    /** A poster funds its wallet and deposits for the bounty, as its own wallet would; returns the tx hash. */
    String depositAsPoster(BountyId bounty, WalletAddress poster, Usdc amount);

    /** The token balance of a wallet, as the chain reports it. */
    Usdc balanceOf(WalletAddress wallet);

    /** A wallet the chain knows is allowed to hold tokens (on a real node: one of its accounts). */
    WalletAddress wallet(int n);

    @Test
    default void a_deposit_is_confirmed_for_its_own_bounty_only() {
        BountyId bounty = new BountyId(UUID.randomUUID());
        String tx = depositAsPoster(bounty, wallet(1), Usdc.parse("7.5"));
        assertThat(escrow().checkDeposit(bounty, tx)).isInstanceOfSatisfying(DepositCheck.Confirmed.class,
                c -> assertThat(c.amount()).isEqualTo(Usdc.parse("7.5")));
        assertThat(escrow().checkDeposit(new BountyId(UUID.randomUUID()), tx)).isInstanceOf(DepositCheck.Invalid.class);
        assertThat(escrow().checkDeposit(bounty, "0x" + "fe".repeat(32))).isInstanceOf(DepositCheck.Invalid.class);
    }

    @Test
    default void funds_are_released_once_and_the_release_is_found_again() {
        BountyId bounty = new BountyId(UUID.randomUUID());
        depositAsPoster(bounty, wallet(1), Usdc.ofWhole(3));
        WalletAddress winner = wallet(2);
        Usdc before = balanceOf(winner);
        assertThat(escrow().findRelease(bounty)).isEmpty();
        String tx = escrow().release(new PayoutId(UUID.randomUUID()), bounty, winner, Usdc.ofWhole(3));
        assertThat(balanceOf(winner)).isEqualTo(before.plus(Usdc.ofWhole(3)));
        assertThat(escrow().findRelease(bounty)).hasValueSatisfying(r -> {
            assertThat(r.txHash()).isEqualTo(tx);
            assertThat(r.to()).isEqualTo(winner);
        });
        assertThatThrownBy(() -> escrow().release(new PayoutId(UUID.randomUUID()), bounty, winner, Usdc.ofWhole(3)))
                .isInstanceOf(RuntimeException.class);
        assertThat(balanceOf(winner)).isEqualTo(before.plus(Usdc.ofWhole(3)));
    }

    @Test
    default void nothing_is_released_for_a_bounty_without_a_deposit() {
        BountyId bounty = new BountyId(UUID.randomUUID());
        assertThatThrownBy(() -> escrow().release(new PayoutId(UUID.randomUUID()), bounty, wallet(2), Usdc.ofWhole(1)))
                .isInstanceOf(RuntimeException.class);
        assertThat(escrow().findRelease(bounty)).isEmpty();
    }
}
