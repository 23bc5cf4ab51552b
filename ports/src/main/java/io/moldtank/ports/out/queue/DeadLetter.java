package io.moldtank.ports.out.queue;

import java.time.Instant;

/** An item that used up its attempts and now waits for a person. */
public record DeadLetter(QueuedSubmission item, int attempts, String lastError, Instant deadAt) {
}
