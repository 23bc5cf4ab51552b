package io.moldtank.ports.service;

import io.moldtank.domain.bounty.Submission;
import io.moldtank.ports.out.queue.QueuedSubmission;
import io.moldtank.ports.out.queue.SubmissionQueue;
import io.moldtank.ports.out.storage.LoadSubmission;
import java.time.Clock;
import java.time.Duration;

/**
 * A submission is stored, then queued (SubmittingSolution: the queue may be Redis, outside the database
 * transaction). A crash between the two leaves it undecided with no queue item, and nothing would ever
 * validate it. This sweep queues such submissions again: enqueueing is idempotent (an item already
 * queued is left alone) and a worker acks, without votes, one that was decided meanwhile. {@code grace}
 * keeps it off submissions whose own request is still between commit and enqueue.
 */
public final class RequeueingSubmissions {
    private final LoadSubmission submissions;
    private final SubmissionQueue queue;
    private final Clock clock;

    public RequeueingSubmissions(LoadSubmission submissions, SubmissionQueue queue, Clock clock) {
        this.submissions = submissions;
        this.queue = queue;
        this.clock = clock;
    }

    /** Returns how many stranded submissions it queued again. */
    public int requeueStranded(Duration grace, int limit) {
        int requeued = 0;
        for (Submission s : submissions.undecidedBefore(clock.instant().minus(grace), limit)) {
            var snapshot = s.snapshot();
            if (queue.enqueue(new QueuedSubmission(snapshot.bountyId(), snapshot.sequence(), snapshot.id()))) {
                requeued++;
            }
        }
        return requeued;
    }
}
