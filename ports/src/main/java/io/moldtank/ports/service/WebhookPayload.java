package io.moldtank.ports.service;

import io.moldtank.domain.bounty.BountyEvent;
import io.moldtank.domain.job.JobEvent;
import io.moldtank.domain.payout.PayoutEvent;
import io.moldtank.domain.shared.DomainEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a delivery, Standard Webhooks style: {@code {"type", "timestamp", "data"}}. Data carries
 * ids and a few facts, never a job's result or a secret; the receiver fetches details over the API.
 */
final class WebhookPayload {
    private WebhookPayload() {
    }

    static String of(String type, DomainEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        switch (event) {
            case BountyEvent e -> {
                data.put("bountyId", e.bountyId().value());
                switch (e) {
                    case BountyEvent.SubmissionReceived s -> {
                        data.put("submissionId", s.submissionId().value());
                        data.put("sequence", s.sequence());
                    }
                    case BountyEvent.VerdictRecorded v -> {
                        data.put("submissionId", v.submissionId().value());
                        data.put("passed", v.passed());
                    }
                    case BountyEvent.Awarded a -> data.put("submissionId", a.submissionId().value());
                    case BountyEvent.Paid p -> data.put("txHash", p.txHash());
                    case BountyEvent.DeadLettered d -> data.put("submissionId", d.submissionId().value());
                    case BountyEvent.ManuallyResolved m -> {
                        data.put("submissionId", m.submissionId().value());
                        data.put("passed", m.passed());
                    }
                    default -> { }
                }
            }
            case PayoutEvent p -> {
                data.put("bountyId", p.bountyId().value());
                data.put("payoutId", p.payoutId().value());
                data.put("status", p.status().name());
                data.put("txHash", p.txHash());
            }
            case JobEvent j -> data.put("jobId", j.jobId().value());
            default -> { }
        }
        StringBuilder json = new StringBuilder("{\"type\":").append(quote(type)).append(",\"timestamp\":")
                .append(quote(event.occurredAt().toString())).append(",\"data\":{");
        String sep = "";
        for (var field : data.entrySet()) {
            json.append(sep).append(quote(field.getKey())).append(':');
            Object v = field.getValue();
            json.append(v == null ? "null" : v instanceof Number || v instanceof Boolean ? v.toString() : quote(v.toString()));
            sep = ",";
        }
        return json.append("}}").toString();
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
