package io.moldtank.adapters.persistence;

import io.moldtank.ports.contract.QueueConcurrencyContract;
import io.moldtank.ports.contract.QueueHandoffContract;
import io.moldtank.ports.contract.SubmissionQueueContract;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.time.Clock;

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
}
