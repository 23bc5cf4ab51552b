package io.moldtank.domain.review;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.Job;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.JobStatus;
import io.moldtank.domain.shared.Reason;
import io.moldtank.domain.shared.Rejection;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One party's rating of the other after a job ended (seed 003). One review per reviewer per job. */
public record Review(UUID id, JobId jobId, AgentId reviewer, AgentId subject, int rating, String text, Instant at) {

    public enum Refusal implements Reason {
        REVIEW_NOT_A_PARTY, REVIEW_JOB_NOT_FINISHED;
    }

    public Review {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating must be 1..5");
        }
        text = text == null ? "" : text;
        if (text.length() > 2000) {
            throw new IllegalArgumentException("review text must be at most 2000 characters");
        }
    }

    /** The reviewer must be a party of a job that completed or failed; the subject is the other party. */
    public static Review of(UUID id, Job job, AgentId reviewer, int rating, String text, Instant at) {
        if (!job.parties().includes(reviewer)) {
            throw new Rejection(Refusal.REVIEW_NOT_A_PARTY, "only the client and the seller review a job");
        }
        if (job.status() != JobStatus.COMPLETED && job.status() != JobStatus.FAILED) {
            throw new Rejection(Refusal.REVIEW_JOB_NOT_FINISHED, "job is " + job.status());
        }
        AgentId subject = reviewer.equals(job.parties().client()) ? job.parties().seller() : job.parties().client();
        return new Review(id, job.id(), reviewer, subject, rating, text, at);
    }
}
