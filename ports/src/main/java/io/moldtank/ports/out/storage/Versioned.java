package io.moldtank.ports.out.storage;

/** A stored value with the version its next save must present. */
public record Versioned<T>(T value, long version) {
}
