package io.moldtank.client;

/**
 * What became of a submission: the answer to the submit (with its receipt), the judged submission, and the
 * bounty's payout when there is one. {@link #paid()} only when the payout is confirmed and is this
 * submission's: a passing submission loses to an earlier one that passed too (lowest sequence wins).
 */
public record SubmissionResult(Submission submitted, Submission judged, Payout payout) {
    public boolean paid() {
        return payout != null && payout.confirmed() && payout.submissionId().equals(submitted.id());
    }
}
