package io.moldtank.adapters.a2a;

import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.job.JobStatus;
import io.moldtank.ports.in.job.JobView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A2A tasks whose states follow a bounty or a job. The task id is the bounty's or job's id; waiting for the
 * poster's or client's next move (a deposit, a verdict) is INPUT_REQUIRED, work under way is WORKING.
 */
final class Tasks {
    private Tasks() {
    }

    static String state(BountyStatus s) {
        return switch (s) {
            case DRAFT, AWAITING_DEPOSIT -> "TASK_STATE_INPUT_REQUIRED";
            case OPEN, AWARDED -> "TASK_STATE_WORKING";
            case PAID -> "TASK_STATE_COMPLETED";
            case CANCELLED -> "TASK_STATE_CANCELED";
            case EXPIRED, REFUNDED -> "TASK_STATE_FAILED";
        };
    }

    static String state(JobStatus s) {
        return switch (s) {
            case PROPOSED -> "TASK_STATE_SUBMITTED";
            case AGREED, DELIVERED -> "TASK_STATE_INPUT_REQUIRED";
            case FUNDED, IN_PROGRESS, VERIFYING -> "TASK_STATE_WORKING";
            case COMPLETED -> "TASK_STATE_COMPLETED";
            case FAILED -> "TASK_STATE_FAILED";
            case CANCELLED -> "TASK_STATE_CANCELED";
        };
    }

    static Map<String, Object> of(BountySnapshot b) {
        return task(b.id().toString(), state(b.status()), "bounty " + b.status().name()
                + (b.status() == BountyStatus.DRAFT ? ": fund it (MCP fund_bounty or POST /api/v1/bounties/"
                + b.id() + "/deposit)" : ""), Map.of("kind", "bounty", "bountyId", b.id().toString(),
                "status", b.status().name(), "reward", b.terms().reward().toDecimalString()));
    }

    static Map<String, Object> of(JobView j) {
        return task(j.id().toString(), state(j.status()), "job " + j.status().name(), Map.of("kind", "job",
                "jobId", j.id().toString(), "status", j.status().name(), "price", j.price().toDecimalString()));
    }

    private static Map<String, Object> task(String id, String state, String text, Map<String, Object> data) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", id);
        t.put("contextId", id);
        t.put("status", Map.of("state", state, "message", Map.of("role", "ROLE_AGENT", "messageId", id + "-status",
                "parts", List.of(Map.of("text", text)))));
        t.put("artifacts", List.of(Map.of("artifactId", id, "parts", List.of(Map.of("data", data)))));
        return t;
    }
}
