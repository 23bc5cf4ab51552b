package io.moldtank.ports.memory;

import io.moldtank.domain.job.CheckRun;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.JobSnapshot;
import io.moldtank.ports.out.storage.PendingJobChecks;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** The reference {@link PendingJobChecks}: a scan of the in-memory storage's jobs (they carry their check runs). */
public final class InMemoryPendingJobChecks implements PendingJobChecks {
    private final InMemoryStorage storage;

    public InMemoryPendingJobChecks(InMemoryStorage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    @Override
    public List<JobId> dueChecks(Instant now, int limit) {
        PendingJobChecks.checkLimit(limit);
        return waiting().filter(j -> !j.run().orElseThrow().dueAt().isAfter(now))
                .sorted(Comparator.comparing((JobSnapshot j) -> j.run().orElseThrow().dueAt()))
                .limit(limit).map(JobSnapshot::id).toList();
    }

    @Override
    public long waitingChecks() {
        return waiting().count();
    }

    @Override
    public Optional<Instant> oldestWaitingCheck() {
        return waiting().map(j -> j.run().orElseThrow().queuedAt()).min(Comparator.naturalOrder());
    }

    @Override
    public long deadLetteredCount() {
        return deadLettered().count();
    }

    @Override
    public List<JobSnapshot> deadLetteredChecks(int limit) {
        PendingJobChecks.checkLimit(limit);
        return deadLettered().sorted(Comparator.comparing((JobSnapshot j) -> j.run().orElseThrow().queuedAt()))
                .limit(limit).toList();
    }

    private Stream<JobSnapshot> deadLettered() {
        return storage.jobSnapshots().stream()
                .filter(j -> j.run().map(r -> r.state() == CheckRun.State.DEAD_LETTERED).orElse(false));
    }

    private Stream<JobSnapshot> waiting() {
        return storage.jobSnapshots().stream().filter(j -> j.run().map(r -> r.state().waiting()).orElse(false));
    }
}
