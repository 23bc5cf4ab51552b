package io.moldtank.ports.contract;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.ports.out.queue.QueuedSubmission;
import java.util.UUID;

/** Intention-revealing queue items: deterministic ids, so failures print readable values. */
public final class QueueFixtures {

    private QueueFixtures() {
    }

    public static BountyId bounty(int n) {
        return new BountyId(new UUID(0xB0B0_0000L, n));
    }

    /** Submission {@code sequence} of bounty {@code bounty}; its id encodes both numbers. */
    public static QueuedSubmission submission(int bounty, long sequence) {
        return new QueuedSubmission(bounty(bounty), sequence, new SubmissionId(new UUID(0x5AB0_0000L + bounty, sequence)));
    }

    /** Another submission claiming the same bounty/sequence slot. */
    public static QueuedSubmission impostor(int bounty, long sequence) {
        return new QueuedSubmission(bounty(bounty), sequence, new SubmissionId(new UUID(0x1111_0000L + bounty, sequence)));
    }

    public static int bountyOf(QueuedSubmission item) {
        return (int) item.bountyId().value().getLeastSignificantBits();
    }
}
