package io.moldtank.adapters.persistence.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.bounty.BountyEvent;
import io.moldtank.domain.job.JobEvent;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutEvent;
import io.moldtank.domain.shared.DomainEvent;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The reverse of {@link EventJson}: a stored type name and payload back to the event record. Reads the
 * record's components reflectively, so it follows the records as they are; an unknown type name or a
 * payload that does not fit its record is an {@link UnreadableEvent}.
 */
final class EventJsonReader {
    private static final Map<String, Class<? extends DomainEvent>> CLASSES = classes();

    private EventJsonReader() {
    }

    static DomainEvent decode(String type, String payload) {
        Class<? extends DomainEvent> kind = CLASSES.get(type);
        if (kind == null) {
            throw new UnreadableEvent(type, "unknown type", null);
        }
        try {
            JsonNode node = Json.MAPPER.readTree(payload);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("payload is not a JSON object");
            }
            return kind.cast(record(kind, node));
        } catch (Exception e) { // malformed JSON, a missing field, a value the record refuses
            throw new UnreadableEvent(type, String.valueOf(e.getMessage()), e);
        }
    }

    private static Object value(JsonNode node, Type type) throws ReflectiveOperationException {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (node == null) { // the writer spells out nulls, so an absent field means a foreign payload
            throw new IllegalArgumentException("a field is missing");
        }
        if (node.isNull()) {
            if (raw.isPrimitive()) {
                throw new IllegalArgumentException("missing " + raw.getName());
            }
            return null;
        }
        if (raw == String.class) {
            return text(node);
        } else if (raw == boolean.class || raw == Boolean.class) {
            if (!node.isBoolean()) {
                throw new IllegalArgumentException("not a boolean: " + node);
            }
            return node.booleanValue();
        } else if (raw == int.class || raw == Integer.class) {
            return integral(node, node.canConvertToInt()).intValue();
        } else if (raw == long.class || raw == Long.class) {
            return integral(node, node.canConvertToLong()).longValue();
        } else if (raw == UUID.class) {
            return UUID.fromString(text(node));
        } else if (raw == Usdc.class) { // before records: USDC is stored as its decimal string
            return Usdc.parse(text(node));
        } else if (raw == Instant.class) {
            return Instant.parse(text(node));
        } else if (raw == Duration.class) {
            return Duration.parse(text(node));
        } else if (raw.isEnum()) {
            return enumValue(raw, text(node));
        } else if (Map.class.isAssignableFrom(raw) && node.isObject()) {
            Type item = ((ParameterizedType) type).getActualTypeArguments()[1];
            Map<String, Object> map = new LinkedHashMap<>();
            for (var field : node.properties()) {
                map.put(field.getKey(), value(field.getValue(), item));
            }
            return map;
        } else if (List.class.isAssignableFrom(raw) && node.isArray()) {
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            for (JsonNode element : node) {
                list.add(value(element, item));
            }
            return list;
        } else if (raw.isRecord()) {
            return record(raw, node);
        }
        throw new IllegalArgumentException("cannot read a " + raw.getName() + " from " + node.getNodeType());
    }

    /** A record of one component (an id, a wallet) was stored as its value; others as objects. */
    private static Object record(Class<?> kind, JsonNode node) throws ReflectiveOperationException {
        RecordComponent[] parts = kind.getRecordComponents();
        Object[] args = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        boolean bare = parts.length == 1 && !DomainEvent.class.isAssignableFrom(kind);
        if (!bare && !node.isObject()) {
            throw new IllegalArgumentException(kind.getSimpleName() + " is not a JSON object");
        }
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            args[i] = value(bare ? node : node.get(parts[i].getName()), parts[i].getGenericType());
        }
        Constructor<?> constructor = kind.getDeclaredConstructor(types);
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(kind.getSimpleName() + " refused: " + e.getCause().getMessage(), e);
        }
    }

    private static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("not a string: " + node);
        }
        return node.textValue();
    }

    private static Number integral(JsonNode node, boolean fits) {
        if (!node.isIntegralNumber() || !fits) {
            throw new IllegalArgumentException("not an integer in range: " + node);
        }
        return node.numberValue();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> kind, String name) {
        return Enum.valueOf((Class<? extends Enum>) kind, name);
    }

    /** Names spelled as {@link EventJson#type} spells them; the round-trip test holds the two together. */
    private static Map<String, Class<? extends DomainEvent>> classes() {
        Map<String, Class<? extends DomainEvent>> byName = new HashMap<>();
        for (Class<?> c : BountyEvent.class.getPermittedSubclasses()) {
            byName.put("bounty." + kebab(c.getSimpleName()), c.asSubclass(DomainEvent.class));
        }
        for (Class<?> c : JobEvent.class.getPermittedSubclasses()) {
            byName.put("job." + c.getSimpleName().substring("Job".length()).toLowerCase(Locale.ROOT),
                    c.asSubclass(DomainEvent.class));
        }
        byName.put("payout.progressed", PayoutEvent.class);
        byName.put("agent.registered", Agent.Registered.class);
        byName.put("agent.updated", Agent.Updated.class);
        byName.put("agent.deactivated", Agent.Deactivated.class);
        byName.put("agent.reactivated", Agent.Reactivated.class);
        return Map.copyOf(byName);
    }

    /** DepositRequested -> deposit-requested. */
    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
