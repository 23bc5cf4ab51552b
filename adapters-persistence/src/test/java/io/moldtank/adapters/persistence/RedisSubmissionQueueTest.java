package io.moldtank.adapters.persistence;

import static io.moldtank.ports.contract.QueueFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.ports.contract.QueueConcurrencyContract;
import io.moldtank.ports.contract.QueueHandoffContract;
import io.moldtank.ports.contract.SubmissionQueueContract;
import io.moldtank.ports.contract.TestClock;
import io.moldtank.ports.out.queue.QueueClaim;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The queue contract on the real Redis, under a key prefix of its own. */
class RedisSubmissionQueueTest implements SubmissionQueueContract, QueueConcurrencyContract, QueueHandoffContract {

    private static final String PREFIX = TestServers.redisPrefix(RedisSubmissionQueueTest.class);
    private static PersistenceAdapters.RedisStore store;

    static synchronized PersistenceAdapters.RedisStore store() {
        if (store == null) {
            store = TestServers.redis(RedisSubmissionQueueTest.class, PREFIX);
        }
        return store;
    }

    @Override
    public SubmissionQueue newQueue(Clock clock, int maxAttempts) {
        PersistenceAdapters.RedisStore redis = store();
        TestServers.deleteKeys(PREFIX);
        return redis.submissionQueue(clock, maxAttempts);
    }

    @Test
    void a_claim_sent_again_with_its_token_gets_the_same_item_and_strands_none() {
        RedisSubmissionQueue queue = (RedisSubmissionQueue) newQueue(new TestClock(), 3);
        queue.enqueue(submission(1, 1));
        queue.enqueue(submission(2, 1));
        QueueClaim first = queue.claim("w", Duration.ofMinutes(1), "token-1").orElseThrow();
        QueueClaim again = queue.claim("w", Duration.ofMinutes(1), "token-1").orElseThrow();
        assertThat(again.item()).isEqualTo(first.item());
        assertThat(again.attempt()).isEqualTo(1);
        assertThat(again.leaseUntil()).isEqualTo(first.leaseUntil());
        assertThat(queue.claim("w", Duration.ofMinutes(1)).orElseThrow().item()).isEqualTo(submission(2, 1));
        assertThat(queue.ack(first)).isEqualTo(SubmissionQueue.Outcome.ACKED);
        assertThat(queue.claim("w", Duration.ofMinutes(1), "token-1")).as("acked: nothing to hand back").isEmpty();
    }

    @Test
    void an_ack_re_sent_after_a_reconnect_gets_its_first_answer_but_a_second_ack_is_refused() {
        RedisSubmissionQueue queue = (RedisSubmissionQueue) newQueue(new TestClock(), 3);
        queue.enqueue(submission(1, 1));
        QueueClaim claim = queue.claim("w", Duration.ofSeconds(30)).orElseThrow();
        assertThat(queue.ack(claim, "call-1")).isEqualTo(SubmissionQueue.Outcome.ACKED);
        assertThat(queue.ack(claim, "call-1")).as("the same call, re-sent").isEqualTo(SubmissionQueue.Outcome.ACKED);
        assertThat(queue.ack(claim, "call-2")).as("another call").isEqualTo(SubmissionQueue.Outcome.LEASE_LOST);
        assertThat(queue.ack(claim)).isEqualTo(SubmissionQueue.Outcome.LEASE_LOST);
        assertThat(queue.depth()).isZero();
    }

    @Test
    void an_enqueue_re_sent_after_the_item_was_already_acked_does_not_queue_it_again() {
        SubmissionQueue queue = newQueue(new TestClock(), 3);
        queue.enqueue(submission(1, 1));
        assertThat(queue.ack(queue.claim("w", Duration.ofSeconds(30)).orElseThrow()))
                .isEqualTo(SubmissionQueue.Outcome.ACKED);
        assertThat(queue.enqueue(submission(1, 1))).as("the late re-send of the first enqueue").isFalse();
        assertThat(queue.depth()).isZero();
        assertThat(queue.claim("w", Duration.ofSeconds(30))).isEmpty();
    }
}
