package io.moldtank.ports.service;

import io.moldtank.domain.bounty.Submission;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.bounty.SubmissionSlot;
import io.moldtank.domain.bounty.SubmissionSnapshot;
import io.moldtank.domain.shared.IdGenerator;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.submission.SubmitSolutionCommand;
import io.moldtank.ports.in.submission.SubmitSolutionUseCase;
import io.moldtank.ports.out.queue.QueuedSubmission;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.time.Clock;

/**
 * The bounty stamps the sequence number and refuses duplicates; the submission is stored with it in
 * one transaction and then queued. Queueing after commit keeps a Redis queue out of the database
 * transaction; enqueueing is idempotent, so a submission left QUEUED by a crash between commit and enqueue can be queued again safely.
 */
public final class SubmittingSolution implements SubmitSolutionUseCase {
    private final Storage storage;
    private final BountyStore bounties;
    private final SubmissionQueue queue;
    private final Clock clock;
    private final IdGenerator ids;

    public SubmittingSolution(Storage storage, SubmissionQueue queue, Clock clock, IdGenerator ids) {
        this.storage = storage;
        this.bounties = storage.bounties();
        this.queue = queue;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Outcome<SubmissionSnapshot> submit(SubmitSolutionCommand c) {
        SubmissionId id = new SubmissionId(ids.next());
        Outcome<SubmissionSnapshot> outcome = Retrying.inTransaction(storage.tx(), () -> bounties.load()
                .loadBounty(c.bountyId())
                .<Outcome<SubmissionSnapshot>>map(b -> {
                    ActiveAgents.require(storage.agents(), c.agent());
                    SubmissionSlot slot = b.submit(id, c.agent(), c.content(), clock.instant());
                    Submission s = Submission.received(b.id(), slot, c.content());
                    bounties.store(b);
                    storage.saveSubmission().saveSubmission(s);
                    return Outcome.done(s.snapshot());
                })
                .orElseGet(() -> Outcome.notFound("bounty", c.bountyId())));
        if (outcome instanceof Outcome.Done<SubmissionSnapshot> done) {
            queue.enqueue(new QueuedSubmission(c.bountyId(), done.value().sequence(), id));
        }
        return outcome;
    }
}
