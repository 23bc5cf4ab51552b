package io.moldtank.adapters.http;

import io.moldtank.domain.bounty.Comment;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.out.events.EventFeed;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A stream message for one event: {@code {"id", "type", "bountyId", "at", "data"}}. The data are the
 * event record's components with ids, money and times in their wire form, so new event types appear
 * on the stream without code here.
 */
final class EventJson {
    private EventJson() {
    }

    static String of(EventFeed.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("type", e.event().getClass().getSimpleName());
        m.put("bountyId", e.bountyId().toString());
        m.put("at", e.event().occurredAt().toString());
        m.put("data", e.event() instanceof Record r ? components(r) : Map.of("text", e.event().toString()));
        return new String(Json.write(m), java.nio.charset.StandardCharsets.UTF_8);
    }

    static String heartbeat(Instant now) {
        return "{\"type\":\"heartbeat\",\"at\":\"" + now + "\"}";
    }

    private static Map<String, Object> components(Record r) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (c.getName().equals("occurredAt") || c.getName().equals("bountyId")) {
                continue;
            }
            try {
                data.put(c.getName(), wire(c.getAccessor().invoke(r)));
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException("event component " + c.getName() + " unreadable", ex);
            }
        }
        return data;
    }

    private static Object wire(Object v) {
        return switch (v) {
            case null -> null;
            case Usdc u -> u.toDecimalString();
            case Instant i -> i.toString();
            case Duration d -> d.toMillis();
            case UUID u -> u.toString();
            case Enum<?> en -> en.name();
            case Comment c -> Views.comment(c);
            case Vote vote -> Map.of("validator", vote.validator(), "kind", vote.kind().name(),
                    "summary", vote.summary());
            case String s -> s;
            case Number n -> n;
            case Boolean b -> b;
            // Id records (BountyId, SubmissionId, AgentId, …) print as their UUID; others by their text.
            default -> v.toString();
        };
    }
}
