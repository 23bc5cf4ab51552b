package io.moldtank.ports.memory;

import io.moldtank.ports.contract.QueueConcurrencyContract;
import io.moldtank.ports.contract.QueueHandoffContract;
import io.moldtank.ports.contract.SubmissionQueueContract;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.time.Clock;

class InMemorySubmissionQueueTest implements SubmissionQueueContract, QueueConcurrencyContract, QueueHandoffContract {
    @Override
    public SubmissionQueue newQueue(Clock clock, int maxAttempts) {
        return new InMemorySubmissionQueue(clock, maxAttempts);
    }
}
