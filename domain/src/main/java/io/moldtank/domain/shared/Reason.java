package io.moldtank.domain.shared;

/**
 * Why the domain refused something. Implemented by one enum per aggregate, so callers can
 * switch over the reasons and the HTTP edge can turn {@link #code()} into a problem type.
 */
public interface Reason {
    /** Stable, kebab-case identifier, e.g. {@code cancel-with-submissions}. */
    String code();
}
