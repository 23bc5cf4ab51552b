package io.moldtank.adapters.persistence;

import io.moldtank.ports.contract.QueueConcurrencyContract;
import io.moldtank.ports.contract.QueueHandoffContract;
import io.moldtank.ports.contract.SubmissionQueueContract;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** The queue contract on H2 (in-memory database, PostgreSQL mode, the real migrations). */
class H2SubmissionQueueTest implements SubmissionQueueContract, QueueConcurrencyContract, QueueHandoffContract {

    private static final PersistenceAdapters.SqlStore STORE = PersistenceAdapters.sql(new PersistenceAdapters.SqlSettings(
            "jdbc:h2:mem:queue-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + PersistenceAdapters.H2_POSTGRES_MODE,
            "sa", "", "queue", 10, Duration.ofSeconds(10)));

    @Override
    public SubmissionQueue newQueue(Clock clock, int maxAttempts) {
        TestServers.emptyQueueTables(STORE);
        return STORE.submissionQueue(clock, maxAttempts);
    }
}
