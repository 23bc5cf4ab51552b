package io.moldtank.ports.out.queue;

/**
 * "Exists, different": the submission is queued under another bounty/sequence, or another
 * submission already holds this bounty's sequence number. Nothing was stored.
 */
public final class QueueConflictException extends RuntimeException {
    public QueueConflictException(String message) {
        super(message);
    }
}
