package io.moldtank.ports.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.ports.out.chain.MockChainLog;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How a node's replica of the shared mock chain behaves when the log refuses, fails or loses an answer. */
class SharedMockChainTest {
    private static final WalletAddress POSTER = new WalletAddress("0x" + "a1".repeat(20));
    private static final WalletAddress SOLVER = new WalletAddress("0x" + "b2".repeat(20));

    /** A log whose next appends fail, as a database that went away (optionally after storing the lines). */
    private static final class FlakyLog implements MockChainLog {
        final InMemoryMockChainLog store = new InMemoryMockChainLog();
        final AtomicBoolean down = new AtomicBoolean();
        final AtomicBoolean storeThenFail = new AtomicBoolean();
        final AtomicInteger appends = new AtomicInteger();

        @Override
        public List<String> after(long seen) {
            return store.after(seen);
        }

        @Override
        public boolean append(long seen, List<String> lines) {
            appends.incrementAndGet();
            if (storeThenFail.getAndSet(false)) {
                store.append(seen, lines);
                throw new IllegalStateException("connection reset after commit");
            }
            if (down.get()) {
                throw new IllegalStateException("database unreachable");
            }
            return store.append(seen, lines);
        }
    }

    private static BountyId bounty() {
        return new BountyId(UUID.randomUUID());
    }

    @Test
    void a_revert_appends_nothing() {
        FlakyLog log = new FlakyLog();
        SharedMockChain chain = SharedMockChain.open(log);
        assertThatThrownBy(() -> chain.deposit(bounty(), POSTER, Usdc.parse("1"))).hasMessageContaining("InsufficientBalance");
        assertThat(log.appends).hasValue(0);
        assertThat(log.after(0)).isEmpty();
    }

    @Test
    void a_change_the_log_did_not_take_fails_the_call_and_is_forgotten() {
        FlakyLog log = new FlakyLog();
        SharedMockChain chain = SharedMockChain.open(log);
        BountyId b = bounty();
        log.down.set(true);
        assertThatThrownBy(() -> chain.simulatedWallet().orElseThrow().deposit(b, POSTER, Usdc.parse("3")))
                .hasMessageContaining("node unavailable");
        log.down.set(false);
        assertThat(chain.held()).as("the replica follows the log, not its own unstored change").isEqualTo(Usdc.ZERO);
        String tx = chain.simulatedWallet().orElseThrow().deposit(b, POSTER, Usdc.parse("3"));
        assertThat(tx).isEqualTo(String.format("0x%064x", 1));
    }

    @Test
    void a_change_stored_whose_answer_was_lost_is_on_the_chain_at_the_next_call() {
        FlakyLog log = new FlakyLog();
        SharedMockChain chain = SharedMockChain.open(log);
        BountyId b = bounty();
        log.storeThenFail.set(true);
        assertThatThrownBy(() -> chain.simulatedWallet().orElseThrow().deposit(b, POSTER, Usdc.parse("3")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(chain.held()).isEqualTo(Usdc.parse("3"));
        assertThatThrownBy(() -> chain.simulatedWallet().orElseThrow().deposit(b, POSTER, Usdc.parse("3")))
                .as("the deposit is there: a second is a revert").hasMessageContaining("DealExists");
    }

    @Test
    void a_release_mined_whose_answer_is_lost_is_stored_before_the_error_reaches_the_caller() {
        InMemoryMockChainLog log = new InMemoryMockChainLog();
        SharedMockChain chain = SharedMockChain.open(log);
        BountyId b = bounty();
        chain.simulatedWallet().orElseThrow().deposit(b, POSTER, Usdc.parse("3"));
        chain.replica().loseNextReleaseAnswer();
        assertThatThrownBy(() -> chain.release(new PayoutId(UUID.randomUUID()), b, SOLVER, Usdc.parse("3")))
                .hasMessageContaining("connection reset");
        assertThat(SharedMockChain.open(log).findRelease(b)).as("another node finds the release").isPresent();
    }

    @Test
    void an_append_lost_to_another_node_is_decided_again_on_the_new_chain() {
        InMemoryMockChainLog log = new InMemoryMockChainLog();
        SharedMockChain a = SharedMockChain.open(log);
        SharedMockChain b = SharedMockChain.open(log);
        BountyId first = bounty();
        BountyId second = bounty();
        a.simulatedWallet().orElseThrow().deposit(first, POSTER, Usdc.parse("1"));
        String tx = b.simulatedWallet().orElseThrow().deposit(second, POSTER, Usdc.parse("1"));
        assertThat(tx).as("b caught up before mining: the next hash, not a fork").isEqualTo(String.format("0x%064x", 2));
        assertThat(log.after(0)).hasSize(4);
    }

    @Test
    void an_unreadable_log_line_stops_the_open_naming_the_line() {
        InMemoryMockChainLog log = new InMemoryMockChainLog();
        log.append(0, List.of("mint " + POSTER.hex() + " 5", "nonsense here"));
        assertThatThrownBy(() -> SharedMockChain.open(log)).hasMessageContaining("line 2");
    }
}
