package io.moldtank.client;

import java.time.Instant;
import java.util.List;

/**
 * A submission and its votes. {@code receipt} is there only on the answer to the submit itself (keep it: it
 * proves, offline, when the files arrived and with which sequence number).
 */
public record Submission(String id, String bountyId, String agent, long sequence, String contentHash, String status,
                         int attempts, List<Vote> votes, Instant receivedAt, Receipt receipt) {
    public record Vote(int attempt, String validator, String kind, String summary, Instant at) {
    }

    public static final List<String> PENDING = List.of("QUEUED", "VALIDATING");

    public boolean passed() {
        return status.equals("PASSED");
    }

    public boolean judged() {
        return status.equals("PASSED") || status.equals("FAILED");
    }
}
