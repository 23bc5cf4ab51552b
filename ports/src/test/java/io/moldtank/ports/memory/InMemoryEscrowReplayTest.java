package io.moldtank.ports.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.ports.memory.InMemoryEscrow.Entry;
import io.moldtank.ports.memory.InMemoryEscrow.Tx;
import io.moldtank.ports.out.chain.EscrowGateway.DepositCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The mock chain rebuilt from its journal is the same chain, and keeps journalling. */
class InMemoryEscrowReplayTest {
    private static final WalletAddress POSTER = new WalletAddress("0x" + "11".repeat(20));
    private static final WalletAddress WINNER = new WalletAddress("0x" + "22".repeat(20));

    /** Collects what a chain tells its journal. */
    private static final class Recorder implements InMemoryEscrow.Journal {
        final List<Entry> entries = new ArrayList<>();

        @Override
        public void minted(WalletAddress to, Usdc amount) {
            entries.add(Entry.mint(to, amount));
        }

        @Override
        public void mined(Tx tx) {
            entries.add(Entry.mined(tx));
        }
    }

    @Test
    void a_replayed_chain_has_the_same_balances_deals_and_transactions_and_journals_what_follows() {
        Recorder first = new Recorder();
        InMemoryEscrow chain = InMemoryEscrow.replay(List.of(), first);
        BountyId paid = new BountyId(UUID.randomUUID());
        BountyId refunded = new BountyId(UUID.randomUUID());
        BountyId held = new BountyId(UUID.randomUUID());
        String deposit = chain.simulatedWallet().orElseThrow().deposit(paid, POSTER, Usdc.parse("5"));
        chain.mint(POSTER, Usdc.parse("10"));
        chain.deposit(refunded, POSTER, Usdc.parse("3"));
        chain.deposit(held, POSTER, Usdc.parse("4"));
        chain.release(new PayoutId(UUID.randomUUID()), paid, WINNER, Usdc.parse("5"));
        chain.refund(refunded, POSTER);

        Recorder second = new Recorder();
        InMemoryEscrow again = InMemoryEscrow.replay(first.entries, second);

        assertThat(again.transactions()).isEqualTo(chain.transactions());
        assertThat(again.balanceOf(POSTER)).isEqualTo(chain.balanceOf(POSTER)).isEqualTo(Usdc.parse("6"));
        assertThat(again.balanceOf(WINNER)).isEqualTo(Usdc.parse("5"));
        assertThat(again.held()).isEqualTo(Usdc.parse("4"));
        assertThat(again.minted()).isEqualTo(chain.minted());
        assertThat(again.checkDeposit(paid, deposit)).isInstanceOf(DepositCheck.Confirmed.class);
        assertThat(again.findRelease(paid)).isPresent();
        assertThatThrownBy(() -> again.release(new PayoutId(UUID.randomUUID()), paid, WINNER, Usdc.parse("5")))
                .as("released once, even after a restart").hasMessageContaining("NotReleasable");
        assertThat(second.entries).as("replaying writes nothing").isEmpty();

        again.release(new PayoutId(UUID.randomUUID()), held, WINNER, Usdc.parse("4"));
        assertThat(second.entries).singleElement().satisfies(e -> assertThat(e.tx().hash())
                .isEqualTo(String.format("0x%064x", chain.transactions().size() + 1)));
    }

    @Test
    void a_journal_that_does_not_add_up_is_refused() {
        BountyId bounty = new BountyId(UUID.randomUUID());
        Tx overdraft = new Tx(String.format("0x%064x", 1), InMemoryEscrow.Kind.DEPOSIT, bounty, POSTER, null,
                Usdc.parse("5"));
        assertThatThrownBy(() -> InMemoryEscrow.replay(List.of(Entry.mined(overdraft)), new Recorder()))
                .hasMessageContaining("InsufficientBalance");
        Tx outOfOrder = new Tx(String.format("0x%064x", 7), InMemoryEscrow.Kind.DEPOSIT, bounty, POSTER, null,
                Usdc.parse("5"));
        assertThatThrownBy(() -> InMemoryEscrow.replay(List.of(Entry.mint(POSTER, Usdc.parse("5")),
                Entry.mined(outOfOrder)), new Recorder())).hasMessageContaining("out of order");
    }
}
