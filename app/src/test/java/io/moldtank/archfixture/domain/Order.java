package io.moldtank.archfixture.domain;

import java.util.UUID;

/** Legal: domain code that uses only the JDK and itself. */
public record Order(UUID id, long amount) {
}
