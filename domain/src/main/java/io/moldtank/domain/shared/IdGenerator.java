package io.moldtank.domain.shared;

import java.util.UUID;

/** Source of new identifiers; injected so the domain never calls {@code UUID.randomUUID()} itself. */
@FunctionalInterface
public interface IdGenerator {
    UUID next();
}
