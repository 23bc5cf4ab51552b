package io.moldtank.client;

/** A wait of the SDK (for a verdict, a payout, a job move) ran out of time; {@code last} is what was seen last. */
public final class WaitTimedOutException extends MoldTankException {
    private final transient Object last;

    public WaitTimedOutException(String message, Object last) {
        super(message, null);
        this.last = last;
    }

    /** The last value read (a Submission, a Payout, a Job), or null when there was none. */
    public Object last() {
        return last;
    }
}
