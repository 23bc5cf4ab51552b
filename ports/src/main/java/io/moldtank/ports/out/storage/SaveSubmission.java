package io.moldtank.ports.out.storage;

import io.moldtank.domain.bounty.Submission;

public interface SaveSubmission {
    /** Inserts or version-checked update, as {@link SaveBounty}. */
    void saveSubmission(Submission submission);
}
