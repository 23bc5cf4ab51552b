package io.moldtank.ports.in;

import io.moldtank.domain.shared.Reason;
import io.moldtank.domain.shared.Rejection;

/**
 * What a use case gives back: the value, or an expected refusal. Consumed with an exhaustive switch;
 * bugs and I/O failures remain exceptions.
 */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {
    }

    record NotFound<T>(String what, String id) implements Outcome<T> {
    }

    /** The domain refused the move; nothing was stored. */
    record Refused<T>(Reason reason, String detail) implements Outcome<T> {
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> notFound(String what, Object id) {
        return new NotFound<>(what, String.valueOf(id));
    }

    static <T> Outcome<T> refused(Rejection r) {
        return new Refused<>(r.reason(), r.getMessage());
    }

    /** The value, or an {@link IllegalStateException} naming the refusal — for tests and scripts. */
    default T orThrow() {
        return switch (this) {
            case Done<T> d -> d.value();
            case NotFound<T> n -> throw new IllegalStateException(n.what() + " not found: " + n.id());
            case Refused<T> r -> throw new IllegalStateException(r.detail());
        };
    }
}
