package io.moldtank.ports.in.waiting;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What to wait for: {@code read} gives the current value (null for "not there yet"), {@code stateOf} names
 * its state (it must accept null). The wait ends as soon as the state is not in {@code through} (empty:
 * the state of the first read), at once when the state is {@code settled} (it can never change), and after
 * {@code atMost} at the latest. {@code wakeUp} says what may change the value, so a waiter is woken by it
 * rather than by re-reading alone.
 */
public record AwaitChangeQuery<T>(WakeUp wakeUp, Duration atMost, Supplier<T> read, Function<T, String> stateOf,
                                  Set<String> through, Set<String> settled) {
    public AwaitChangeQuery {
        Objects.requireNonNull(wakeUp, "wakeUp");
        Objects.requireNonNull(atMost, "atMost");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(stateOf, "stateOf");
        if (atMost.isNegative()) {
            throw new IllegalArgumentException("atMost must not be negative");
        }
        through = Set.copyOf(through);
        settled = Set.copyOf(settled);
    }
}
