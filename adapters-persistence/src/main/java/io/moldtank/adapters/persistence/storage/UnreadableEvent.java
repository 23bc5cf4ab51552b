package io.moldtank.adapters.persistence.storage;

/**
 * A row of the event log that does not decode to a domain event: an unknown type name, or a payload
 * that does not fit the event's record. Either means the log and the code disagree — a bug to fix,
 * never a value to skip silently.
 */
public final class UnreadableEvent extends RuntimeException {
    private final String type;

    UnreadableEvent(String type, String reason, Throwable cause) {
        super("event of type " + type + " is unreadable: " + reason, cause);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
