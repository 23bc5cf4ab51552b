package io.moldtank.adapters.persistence.storage;

import static io.moldtank.ports.contract.StorageFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.bounty.*;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.domain.payout.RetrySchedule;
import io.moldtank.domain.shared.DomainEvent;
import io.moldtank.domain.validation.QuorumPolicy;
import io.moldtank.ports.contract.StorageContract;
import io.moldtank.ports.out.storage.BountyQuery;
import io.moldtank.ports.out.storage.Page;
import io.moldtank.ports.out.storage.StaleWrite;
import io.moldtank.ports.out.storage.UnstorableValue;
import io.moldtank.ports.service.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.*;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What a SQL store must do beyond the shared contract: refuse bad values with a typed error and write
 * nothing of them, keep a caller's transaction usable after a refused write, settle concurrent saves
 * with exactly one winner, commit an award with its payout and events or none of them, and page with
 * keyset cursors. Each test starts from emptied tables.
 */
interface SqlStorageChecks extends StorageContract, SqlStorageFlowChecks {

    @Override
    MigratedDatabase database();

    @Override
    default Storage storage() {
        return Storage.of(fresh());
    }

    @Override
    default SqlStorage fresh() {
        database().wipe();
        return SqlStorage.on(database().dataSource());
    }

    private long rows(String table) {
        return database().count("SELECT COUNT(*) FROM " + table);
    }

    private static Agent registered(SqlStorage s, int n) {
        Agent a = agent(n);
        s.saveAgent(a);
        return s.agentById(a.id()).orElseThrow();
    }

    private static Bounty fundedWith(Agent poster, String depositTx) {
        Bounty b = Bounty.draft(new BountyId(UUID.randomUUID()), poster.id(),
                terms(10, Duration.ofDays(1), "go", QuorumPolicy.ONE_OF_ONE), T0);
        b.requestDeposit(poster.id(), T0);
        b.confirmDeposit(Usdc.ofWhole(10), depositTx, T0);
        b.pullEvents();
        return b;
    }

    @Test
    default void an_over_long_value_is_refused_with_a_typed_error_and_nothing_of_it_is_written() {
        SqlStorage s = fresh();
        Bounty b = fundedWith(registered(s, 1), "0x" + "d".repeat(300));
        assertThatThrownBy(() -> s.saveBounty(b)).isInstanceOf(UnstorableValue.class)
                .hasMessageContaining("bounty.deposit_tx");
        assertThat(s.loadBounty(b.id())).isEmpty();
        assertThat(rows("bounty_tags") + rows("escrow_deposits") + rows("bounties")).isZero();
    }

    @Test
    default void text_with_a_nul_or_an_unpaired_surrogate_is_refused_on_every_database() {
        SqlStorage s = fresh();
        Agent a = registered(s, 1);
        Bounty b = openBounty(a.id(), 10, T0, "go");
        s.saveBounty(b);
        assertThatThrownBy(() -> s.appendComment(new Comment(UUID.randomUUID(), b.id(), a.id(), "nul \u0000 here", T0)))
                .isInstanceOf(UnstorableValue.class).hasMessageContaining("comment.body");
        var broken = new SubmissionContent(Map.of("main.py", "half a pair \uD83D"));
        var slot = b.submit(new SubmissionId(UUID.randomUUID()), agent(2).id(), broken.hash(), T0);
        assertThatThrownBy(() -> s.saveSubmission(Submission.received(b.id(), slot, broken)))
                .isInstanceOf(UnstorableValue.class).hasMessageContaining("unpaired surrogate");
        assertThat(rows("comments") + rows("submissions")).isZero();

        var fine = new SubmissionContent(Map.of("main.py", "NUL inside JSON is fine: \u0000, emoji \uD83E\uDD9E"));
        var ok = b.submit(new SubmissionId(UUID.randomUUID()), agent(3).id(), fine.hash(), T0);
        s.saveSubmission(Submission.received(b.id(), ok, fine));
        assertThat(s.loadSubmission(ok.submissionId()).orElseThrow().content()).isEqualTo(fine);
    }

    @Test
    default void an_over_long_payout_error_is_refused_and_the_stored_payout_is_unchanged() {
        SqlStorage s = fresh();
        Agent a = registered(s, 1);
        Bounty b = openBounty(a.id(), 10, T0, "go");
        s.saveBounty(b);
        s.addPayout(payout(b.id(), a.id()));
        Payout stored = s.payoutOf(b.id()).orElseThrow();
        Payout noisy = stored.failed("x".repeat(20_001), RetrySchedule.STANDARD, T0);
        assertThatThrownBy(() -> s.savePayout(noisy)).isInstanceOf(UnstorableValue.class)
                .hasMessageContaining("payout.last_error");
        assertThat(s.payoutOf(b.id())).contains(stored);
    }

    @Test
    default void a_refused_write_inside_a_transaction_leaves_the_rest_of_the_transaction_usable() {
        SqlStorage s = fresh();
        Agent poster = registered(s, 1);
        Bounty good = openBounty(poster.id(), 10, T0, "go");
        Bounty bad = fundedWith(poster, "0x" + "d".repeat(300));
        Agent later = agent(2);
        s.inTransaction(() -> {
            s.saveBounty(good);
            assertThatThrownBy(() -> s.saveBounty(bad)).isInstanceOf(UnstorableValue.class);
            assertThatThrownBy(() -> s.saveBounty(good)).isInstanceOf(StaleWrite.class);
            assertThat(s.addPayout(payout(good.id(), poster.id()))).isTrue();
            assertThat(s.addPayout(payout(good.id(), poster.id()))).isFalse();
            s.saveAgent(later);
            return null;
        });
        assertThat(s.loadBounty(good.id())).isPresent();
        assertThat(s.loadBounty(bad.id())).isEmpty();
        assertThat(s.agentById(later.id())).isPresent();
        assertThat(rows("payouts")).isEqualTo(1);
    }

    @Test
    default void two_threads_saving_the_same_loaded_bounty_one_wins_and_the_other_gets_a_stale_write()
            throws Exception {
        SqlStorage s = fresh();
        Agent poster = registered(s, 1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Bounty b = openBounty(poster.id(), 10, T0, "go");
                s.saveBounty(b);
                CyclicBarrier bothLoaded = new CyclicBarrier(2);
                Callable<String> saver = () -> {
                    try {
                        return s.inTransaction(() -> {
                            Bounty mine = s.loadBounty(b.id()).orElseThrow();
                            await(bothLoaded);
                            mine.submit(new SubmissionId(UUID.randomUUID()), agent(7).id(), content("mine").hash(), T0);
                            s.saveBounty(mine);
                            return "saved";
                        });
                    } catch (StaleWrite e) {
                        return "stale";
                    }
                };
                List<Future<String>> outcomes = pool.invokeAll(List.of(saver, saver), 20, TimeUnit.SECONDS);
                List<String> results = new ArrayList<>();
                for (Future<String> f : outcomes) {
                    results.add(f.get());
                }
                assertThat(results).containsExactlyInAnyOrder("saved", "stale");
                Bounty stored = s.loadBounty(b.id()).orElseThrow();
                assertThat(stored.version()).isEqualTo(2);
                assertThat(stored.slots()).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the other saver never loaded", e);
        }
    }

    @Test
    default void the_award_its_payout_row_and_its_events_commit_together_or_not_at_all() {
        SqlStorage s = fresh();
        Agent poster = registered(s, 1);
        Agent solver = registered(s, 2);
        Bounty b = openBounty(poster.id(), 25, T0, "go");
        SubmissionSlot slot = b.submit(new SubmissionId(UUID.randomUUID()), solver.id(), content("ok").hash(), T0);
        s.saveBounty(b);
        s.publish(b.pullEvents());
        List<DomainEvent> delivered = new CopyOnWriteArrayList<>();
        List<Long> loggedWhenDelivered = new CopyOnWriteArrayList<>();
        s.subscribe(e -> {
            delivered.add(e);
            loggedWhenDelivered.add(rows("events"));
        });
        long eventsBefore = rows("events");

        Function<Boolean, Object> award = crash -> s.inTransaction(() -> {
            Bounty mine = s.loadBounty(b.id()).orElseThrow();
            var awarded = mine.recordVerdict(slot.submissionId(), true, T0.plusSeconds(60)).orElseThrow();
            s.saveBounty(mine);
            s.addPayout(Payout.schedule(new PayoutId(UUID.randomUUID()), b.id(), awarded.submissionId(),
                    awarded.winner(), solver.wallet(), awarded.reward(), null, T0.plusSeconds(60)));
            s.publish(mine.pullEvents());
            if (crash) {
                throw new IllegalStateException("crash after the award");
            }
            return null;
        });
        assertThatThrownBy(() -> award.apply(true)).hasMessageContaining("crash");
        assertThat(s.loadBounty(b.id()).orElseThrow().status()).isEqualTo(BountyStatus.OPEN);
        assertThat(s.payoutOf(b.id())).isEmpty();
        assertThat(rows("events")).isEqualTo(eventsBefore);
        assertThat(delivered).isEmpty();

        award.apply(false);
        assertThat(s.loadBounty(b.id()).orElseThrow().status()).isEqualTo(BountyStatus.AWARDED);
        assertThat(s.payoutOf(b.id())).isPresent();
        assertThat(delivered).hasExactlyElementsOfTypes(BountyEvent.VerdictRecorded.class, BountyEvent.Awarded.class);
        assertThat(loggedWhenDelivered).allMatch(n -> n == eventsBefore + 2); // delivered only once committed
        assertThat(database().count("SELECT COUNT(*) FROM events WHERE type = 'bounty.awarded' AND bounty_id = ? "
                + "AND payload LIKE '%\"reward\":\"25.000000\"%'", b.id().value())).isEqualTo(1);
    }

    @Test
    default void a_nested_transaction_joins_the_outer_one_and_rolls_back_with_it() {
        SqlStorage s = fresh();
        Agent poster = registered(s, 1);
        Bounty b = openBounty(poster.id(), 10, T0, "go");
        assertThatThrownBy(() -> s.inTransaction(() -> {
            s.inTransaction(() -> {
                s.saveBounty(b);
                return null;
            });
            assertThat(s.loadBounty(b.id())).isPresent(); // visible inside: same connection
            throw new IllegalStateException("outer fails");
        })).hasMessageContaining("outer fails");
        assertThat(s.loadBounty(b.id())).isEmpty();
    }

    @Test
    default void keyset_pages_neither_skip_nor_repeat_in_every_order_even_with_ties_and_new_arrivals() {
        SqlStorage s = fresh();
        Agent poster = registered(s, 1);
        List<BountyId> all = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            // rewards and creation times repeat; every deadline is the same (StorageFixtures.terms)
            Bounty b = openBounty(poster.id(), 10 + i % 3, T0.plusSeconds(i % 4), "go");
            s.saveBounty(b);
            all.add(b.id());
        }
        for (BountyQuery.Sort sort : BountyQuery.Sort.values()) {
            List<BountyId> whole = s.findBounties(new BountyQuery(null, null, null, null, sort, null, 100)).items()
                    .stream().map(BountySnapshot::id).toList();
            assertThat(whole).containsExactlyInAnyOrderElementsOf(all);
            List<BountyId> paged = new ArrayList<>();
            String cursor = null;
            do {
                Page<BountySnapshot> page = s.findBounties(new BountyQuery(null, null, null, null, sort, cursor, 2));
                page.items().forEach(x -> paged.add(x.id()));
                cursor = page.next();
                if (paged.size() == 4 && sort == BountyQuery.Sort.NEWEST) {
                    Bounty newest = openBounty(poster.id(), 99, T0.plusSeconds(100), "go"); // sorts before the cursor
                    s.saveBounty(newest);
                    all.add(newest.id());
                }
            } while (cursor != null);
            assertThat(paged).containsExactlyElementsOf(whole);
        }
        String reward = s.findBounties(new BountyQuery(null, null, null, null, BountyQuery.Sort.REWARD_DESC, null, 1))
                .next();
        assertThatThrownBy(() -> s.findBounties(new BountyQuery(null, null, null, null, BountyQuery.Sort.NEWEST,
                reward, 1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another");
        assertThatThrownBy(() -> s.findBounties(new BountyQuery(null, null, null, null, null, "not*a*cursor", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> s.comments(all.getFirst(), reward, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
