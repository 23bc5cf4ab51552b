package io.moldtank.domain.shared;

import java.util.Locale;

/**
 * Why the domain refused something. Implemented by one enum per aggregate, so callers can
 * switch over the reasons and the HTTP edge can turn {@link #code()} into a problem type.
 */
public interface Reason {
    /** The enum constant's name; the code is derived from it. */
    String name();

    /** Stable, kebab-case identifier, e.g. {@code cancel-with-submissions} for CANCEL_WITH_SUBMISSIONS. */
    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
