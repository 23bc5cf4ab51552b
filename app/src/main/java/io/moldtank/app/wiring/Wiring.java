package io.moldtank.app.wiring;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.moldtank.domain.shared.IdGenerator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The composition root's shared state: what every adapter needs ({@link Clock}, {@link IdGenerator})
 * and what adapters hand back (resources to close on shutdown, readiness checks, the adapter chosen
 * for each port). Adapters are plugged in here by {@code app}, selected by configuration.
 *
 * <p>Filled while the application is wired (one thread), read afterwards; not meant for use from
 * request threads while it is still being filled.
 */
public final class Wiring {

    private final Clock clock;
    private final IdGenerator ids;
    private final List<OwnedResource> resources = new ArrayList<>();
    private final List<HealthCheck> readinessChecks = new ArrayList<>();
    private final Map<String, String> choices = new LinkedHashMap<>();
    private final Map<Class<?>, Object> provided = new LinkedHashMap<>();

    private Wiring(Clock clock, IdGenerator ids, String clockName, String idsName) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        choices.put("clock", clockName);
        choices.put("ids", idsName);
    }

    /** Production defaults: the UTC system clock and random (version 4) UUIDs. */
    public static Wiring withSystemDefaults() {
        return new Wiring(Clock.systemUTC(), UUID::randomUUID, "system-utc", "uuid-v4");
    }

    /** For tests and embedders that control time and identity. */
    public static Wiring with(Clock clock, IdGenerator ids) {
        return new Wiring(clock, ids, "given", "given");
    }

    public Clock clock() {
        return clock;
    }

    public IdGenerator ids() {
        return ids;
    }

    /**
     * Takes ownership of a resource: it is closed on shutdown, after the HTTP server stops and
     * in the reverse order of registration (so whatever was opened later, and may use earlier
     * resources, is closed first).
     */
    public <T extends AutoCloseable> T own(String name, T resource) {
        resources.add(new OwnedResource(name, resource));
        return resource;
    }

    /**
     * Adds a check to the readiness endpoint; the instance is not ready while any check is down.
     * Checks are read when the server is set up, so add them while wiring, before it starts.
     */
    public void addReadinessCheck(String name, Supplier<HealthCheckResponse> check) {
        Objects.requireNonNull(check, "check");
        readinessChecks.add(new NamedCheck(name, check));
    }

    /** Records which adapter serves a port (e.g. {@code storage -> h2}); logged at start-up. */
    public void chose(String port, String adapter) {
        choices.put(Objects.requireNonNull(port, "port"), Objects.requireNonNull(adapter, "adapter"));
    }

    /** Makes a wired component (e.g. the application core) available to the routes set up later. */
    public <T> T provide(Class<T> type, T value) {
        provided.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(value, "value"));
        return value;
    }

    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(type.cast(provided.get(type)));
    }

    public Map<String, String> choices() {
        return Collections.unmodifiableMap(choices);
    }

    public List<HealthCheck> readinessChecks() {
        return List.copyOf(readinessChecks);
    }

    /** Owned resources, last registered first. */
    public List<OwnedResource> resourcesInCloseOrder() {
        List<OwnedResource> reversed = new ArrayList<>(resources);
        Collections.reverse(reversed);
        return reversed;
    }

    /** A resource the application closes on shutdown. */
    public record OwnedResource(String name, AutoCloseable resource) {
        public OwnedResource {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(resource, "resource");
        }
    }

    private record NamedCheck(String name, Supplier<HealthCheckResponse> check) implements HealthCheck {
        NamedCheck {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public HealthCheckType type() {
            return HealthCheckType.READINESS;
        }

        @Override
        public HealthCheckResponse call() {
            return check.get();
        }
    }
}
