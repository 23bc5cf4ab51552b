package io.moldtank.app.wiring;

import io.helidon.config.Config;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code moldtank.roles} ({@code MOLDTANK_ROLES}): what this node does. {@code api} serves the agent API,
 * the operator console and the WebSocket streams; {@code workers} drains the queues (validation, payouts,
 * webhook deliveries); {@code scheduler} runs the periodic work on whichever scheduler node holds the
 * lease. Every node serves health and metrics. Default: all three, one process as before.
 */
public record Roles(Set<Role> set) {
    public enum Role { API, WORKERS, SCHEDULER }

    public static final Roles ALL = new Roles(EnumSet.allOf(Role.class));

    public Roles {
        if (set.isEmpty()) {
            throw new IllegalArgumentException("moldtank.roles names no role: use api, workers and/or scheduler");
        }
        set = Set.copyOf(set);
    }

    /** A comma list ({@code api,workers}) or a YAML list; unset: all three. */
    public static Roles from(Config roles) {
        if (!roles.exists()) {
            return ALL;
        }
        List<String> names = new ArrayList<>();
        if (roles.isLeaf()) {
            roles.asString().ifPresent(s -> names.addAll(List.of(s.split(","))));
        } else {
            names.addAll(roles.asList(String.class).orElse(List.of()));
        }
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        for (String name : names) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (n.isEmpty()) {
                continue;
            }
            set.add(switch (n) {
                case "api" -> Role.API;
                case "workers" -> Role.WORKERS;
                case "scheduler" -> Role.SCHEDULER;
                default -> throw new IllegalArgumentException("moldtank.roles: unknown role '" + name.trim()
                        + "' (known: api, workers, scheduler)");
            });
        }
        return new Roles(set);
    }

    public boolean has(Role role) {
        return set.contains(role);
    }

    @Override
    public String toString() {
        return set.stream().sorted().map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }
}
