package io.moldtank.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.ports.memory.SharedMockChain;
import io.moldtank.ports.out.chain.EscrowGateway.DepositCheck;
import io.moldtank.ports.out.chain.MockChainLog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MockChainLog} promises (in memory, H2, PostgreSQL), and that mock chains of several
 * nodes on one log never fork: a deposit made on one node is seen by the others, a bounty is funded and
 * released once however many nodes race for it, and a node opened later replays the same chain.
 */
public interface MockChainLogContract {

    /** An empty log; each call a fresh one. */
    MockChainLog newLog();

    /** A second handle on the same store as {@code log} (another node): the same object in memory. */
    MockChainLog sameStore(MockChainLog log);

    WalletAddress POSTER = new WalletAddress("0x" + "a1".repeat(20));
    WalletAddress SOLVER = new WalletAddress("0x" + "b2".repeat(20));

    @Test
    default void lines_come_back_in_order_after_any_number_already_seen() {
        MockChainLog log = newLog();
        assertThat(log.after(0)).isEmpty();
        assertThat(log.append(0, List.of("mint a 1", "mint b 2"))).isTrue();
        assertThat(log.append(2, List.of("mint c 3"))).isTrue();
        assertThat(log.after(0)).containsExactly("mint a 1", "mint b 2", "mint c 3");
        assertThat(log.after(2)).containsExactly("mint c 3");
        assertThat(log.after(3)).isEmpty();
        assertThat(sameStore(log).after(1)).as("another node reads the same lines").containsExactly("mint b 2", "mint c 3");
    }

    @Test
    default void an_append_from_a_writer_that_has_not_seen_the_last_line_is_refused_and_stores_nothing() {
        MockChainLog log = newLog();
        assertThat(log.append(0, List.of("first"))).isTrue();
        assertThat(sameStore(log).append(0, List.of("racing", "racing too"))).isFalse();
        assertThat(log.after(0)).containsExactly("first");
    }

    @Test
    default void a_gap_no_line_or_an_unstorable_line_is_refused_and_nothing_is_stored() {
        MockChainLog log = newLog();
        assertThat(log.append(0, List.of("one"))).isTrue();
        assertThatThrownBy(() -> log.append(3, List.of("after a gap"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.append(1, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.append(-1, List.of("x"))).isInstanceOf(IllegalArgumentException.class);
        for (String bad : List.of("", "two\nlines", "x".repeat(MockChainLog.MAX_LINE + 1), "nul\u0000", "é")) {
            assertThatThrownBy(() -> log.append(1, List.of("fine", bad))).as("line %s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(log.after(0)).containsExactly("one");
        assertThat(log.append(1, List.of("x".repeat(MockChainLog.MAX_LINE)))).isTrue();
    }

    @Test
    default void writers_racing_for_the_next_line_each_win_exactly_once_per_line_and_lose_nothing() throws Exception {
        MockChainLog log = newLog();
        int writers = 4;
        int each = 15;
        Concurrently.run(writers, w -> {
            MockChainLog mine = sameStore(log);
            for (int n = 0; n < each; n++) {
                while (true) {
                    long seen = mine.after(0).size();
                    if (mine.append(seen, List.of("w" + w + "-" + n))) {
                        break;
                    }
                }
            }
            return null;
        });
        List<String> all = log.after(0);
        assertThat(all).hasSize(writers * each).doesNotHaveDuplicates();
        for (int w = 0; w < writers; w++) {
            String prefix = "w" + w + "-";
            List<String> own = all.stream().filter(l -> l.startsWith(prefix)).toList();
            List<String> expected = new ArrayList<>();
            for (int n = 0; n < each; n++) {
                expected.add(prefix + n);
            }
            assertThat(own).as("a writer's lines in its own order").isEqualTo(expected);
        }
    }

    @Test
    default void mock_chains_of_two_nodes_on_one_log_share_deposits_and_release_each_bounty_once() throws Exception {
        MockChainLog log = newLog();
        SharedMockChain a = SharedMockChain.open(log);
        SharedMockChain b = SharedMockChain.open(sameStore(log));
        BountyId funded = new BountyId(UUID.randomUUID());
        String tx = a.simulatedWallet().orElseThrow().deposit(funded, POSTER, Usdc.parse("5"));
        assertThat(b.checkDeposit(funded, tx)).as("node b sees node a's deposit")
                .isEqualTo(new DepositCheck.Confirmed(Usdc.parse("5"), POSTER));

        // both nodes race to fund and to release the same bounties: the chain takes each once
        List<BountyId> bounties = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bounties.add(new BountyId(UUID.randomUUID()));
        }
        List<Integer> deposits = Concurrently.run(2, n -> {
            SharedMockChain node = n == 0 ? a : b;
            int won = 0;
            for (BountyId bounty : bounties) {
                try {
                    node.simulatedWallet().orElseThrow().deposit(bounty, POSTER, Usdc.parse("2"));
                    won++;
                } catch (IllegalStateException revert) {
                    assertThat(revert).hasMessageContaining("DealExists");
                }
            }
            return won;
        });
        assertThat(deposits.get(0) + deposits.get(1)).as("each bounty funded once").isEqualTo(bounties.size());
        List<Integer> releases = Concurrently.run(2, n -> {
            SharedMockChain node = n == 0 ? a : b;
            int won = 0;
            for (BountyId bounty : bounties) {
                try {
                    node.release(new PayoutId(UUID.randomUUID()), bounty, SOLVER, Usdc.parse("2"));
                    won++;
                } catch (IllegalStateException revert) {
                    assertThat(revert).hasMessageContaining("NotReleasable");
                }
            }
            return won;
        });
        assertThat(releases.get(0) + releases.get(1)).as("each bounty released once").isEqualTo(bounties.size());

        // the treasury of the same chain: a transfer in on one node is confirmed on the other, a withdrawal
        // sent twice (a retry on another node) is sent once
        String in = a.treasury().simulatedWallet().orElseThrow().transfer(POSTER, Usdc.parse("9"));
        assertThat(b.treasury().checkIncoming(in))
                .isEqualTo(new io.moldtank.ports.out.chain.TreasuryGateway.Incoming.Confirmed(POSTER, Usdc.parse("9")));
        UUID withdrawal = UUID.randomUUID();
        String out = b.treasury().send(withdrawal, SOLVER, Usdc.parse("4"));
        assertThat(a.treasury().send(withdrawal, SOLVER, Usdc.parse("4"))).isEqualTo(out);

        SharedMockChain later = SharedMockChain.open(sameStore(log));
        assertThat(later.treasuryBalance()).isEqualTo(Usdc.parse("5"));
        assertThat(later.treasury().checkIncoming(in)).isInstanceOf(
                io.moldtank.ports.out.chain.TreasuryGateway.Incoming.Confirmed.class);
        assertThat(later.transactions()).as("a node started later replays the same chain")
                .isEqualTo(a.transactions()).isEqualTo(b.transactions());
        assertThat(later.balanceOf(SOLVER)).isEqualTo(Usdc.parse("12"));
        assertThat(later.held()).isEqualTo(Usdc.parse("5"));
        assertThat(new HashSet<>(later.transactions().stream().map(t -> t.hash()).toList()))
                .as("no hash mined twice").hasSize(later.transactions().size());
    }
}
