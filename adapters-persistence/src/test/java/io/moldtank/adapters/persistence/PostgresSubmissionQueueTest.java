package io.moldtank.adapters.persistence;

import io.moldtank.ports.contract.QueueConcurrencyContract;
import io.moldtank.ports.contract.QueueHandoffContract;
import io.moldtank.ports.contract.SubmissionQueueContract;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.time.Clock;

/** The queue contract on the real PostgreSQL, in a schema of its own. */
class PostgresSubmissionQueueTest implements SubmissionQueueContract, QueueConcurrencyContract, QueueHandoffContract {

    private static PersistenceAdapters.SqlStore store;

    static synchronized PersistenceAdapters.SqlStore store() {
        if (store == null) {
            store = TestServers.postgres(PostgresSubmissionQueueTest.class);
        }
        return store;
    }

    @Override
    public SubmissionQueue newQueue(Clock clock, int maxAttempts) {
        TestServers.emptyQueueTables(store());
        return store().submissionQueue(clock, maxAttempts);
    }
}
