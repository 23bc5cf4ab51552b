package io.moldtank.ports.out.storage;

/**
 * A value the store cannot keep as given — too long for its column, or not valid text (a NUL character,
 * an unpaired surrogate) — so the write was refused and nothing of it was stored. Bad input, not an
 * outage: the edge answers it as a client error. An {@link IllegalArgumentException}, like the domain's
 * own validation failures.
 */
public final class UnstorableValue extends IllegalArgumentException {
    private final String field;

    public UnstorableValue(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** Which value was refused, e.g. {@code payout.tx_hash}. */
    public String field() {
        return field;
    }
}
