package io.moldtank.adapters.persistence.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.bounty.BountyEvent;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.job.JobEvent;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutEvent;
import io.moldtank.domain.shared.DomainEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Domain events as rows of the event log: a stable type name per event and a JSON payload of the
 * record's fields. Ids and wallet addresses become strings, USDC a decimal string with 6 places
 * (exact, never a float), instants and durations ISO-8601.
 */
final class EventJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventJson() {
    }

    static String type(DomainEvent event) {
        return switch (event) {
            case BountyEvent b -> "bounty." + switch (b) {
                case BountyEvent.Drafted e -> "drafted";
                case BountyEvent.DepositRequested e -> "deposit-requested";
                case BountyEvent.Opened e -> "opened";
                case BountyEvent.SubmissionReceived e -> "submission-received";
                case BountyEvent.VerdictRecorded e -> "verdict-recorded";
                case BountyEvent.Awarded e -> "awarded";
                case BountyEvent.Paid e -> "paid";
                case BountyEvent.Cancelled e -> "cancelled";
                case BountyEvent.Expired e -> "expired";
                case BountyEvent.Refunded e -> "refunded";
                case BountyEvent.CommentPosted e -> "comment-posted";
                case BountyEvent.ValidationStarted e -> "validation-started";
                case BountyEvent.VoteCast e -> "vote-cast";
                case BountyEvent.RetryScheduled e -> "retry-scheduled";
                case BountyEvent.DeadLettered e -> "dead-lettered";
                case BountyEvent.ManuallyResolved e -> "manually-resolved";
            };
            case PayoutEvent e -> "payout.progressed";
            case Agent.Registered e -> "agent.registered";
            case Agent.Updated e -> "agent.updated";
            case Agent.Deactivated e -> "agent.deactivated";
            case Agent.Reactivated e -> "agent.reactivated";
            // JobProposed -> job.proposed; no job event carries the delivered result
            case JobEvent e -> "job." + e.getClass().getSimpleName().substring("Job".length()).toLowerCase(Locale.ROOT);
            default -> "other." + event.getClass().getSimpleName();
        };
    }

    static BountyId bountyOf(DomainEvent event) {
        return switch (event) {
            case BountyEvent b -> b.bountyId();
            case PayoutEvent p -> p.bountyId();
            default -> null;
        };
    }

    static String payload(DomainEvent event) {
        JsonNode node = value(event);
        return Json.write(node.isObject() ? node : NODES.objectNode().set("value", node));
    }

    private static JsonNode value(Object v) {
        return switch (v) {
            case null -> NODES.nullNode();
            case String s -> NODES.textNode(Text.encodable("event text", s));
            case Boolean b -> NODES.booleanNode(b);
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case UUID u -> NODES.textNode(u.toString());
            case Usdc u -> NODES.textNode(u.toDecimalString());
            case Instant t -> NODES.textNode(t.toString());
            case Duration d -> NODES.textNode(d.toString());
            case Enum<?> e -> NODES.textNode(e.name());
            case Map<?, ?> m -> {
                ObjectNode o = NODES.objectNode();
                new TreeMap<>(m).forEach((k, x) -> o.set(String.valueOf(k), value(x)));
                yield o;
            }
            case Collection<?> c -> {
                ArrayNode a = NODES.arrayNode();
                c.forEach(x -> a.add(value(x)));
                yield a;
            }
            case Record r -> record(r);
            default -> NODES.textNode(v.toString());
        };
    }

    /** A record of one component (an id, a wallet, a hash) is its value; others become objects. */
    private static JsonNode record(Record r) {
        RecordComponent[] parts = r.getClass().getRecordComponents();
        if (parts.length == 1 && !(r instanceof DomainEvent)) {
            return value(component(r, parts[0]));
        }
        ObjectNode o = NODES.objectNode();
        for (RecordComponent part : parts) {
            o.set(part.getName(), value(component(r, part)));
        }
        return o;
    }

    private static Object component(Record r, RecordComponent part) {
        try {
            return part.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + part.getName() + " of " + r.getClass().getName(), e);
        }
    }
}
