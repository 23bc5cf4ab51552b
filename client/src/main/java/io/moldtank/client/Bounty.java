package io.moldtank.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A bounty as the server shows it; {@code acceptance} is the rubric or the tests' description, as sent. */
public record Bounty(String id, String poster, String title, String description, Usdc reward, Instant deadline,
                     List<String> tags, String status, Usdc deposited, int submissions, String winner,
                     String payoutTx, Map<String, Object> acceptance, String quorum) {
    /** Statuses after which nothing more happens to the bounty. */
    public static final List<String> FINAL = List.of("PAID", "CANCELLED", "EXPIRED", "REFUNDED");
}
