package io.moldtank.client;

import java.time.Instant;
import java.util.Map;

/**
 * One message of a bounty's live stream: {@code id} orders events and resumes a stream ({@code after});
 * {@code type} is e.g. SubmissionReceived, VoteCast, VerdictRecorded, Awarded, PayoutEvent, Paid.
 */
public record StreamEvent(long id, String type, String bountyId, Instant at, Map<String, Object> data) {
}
