package io.moldtank.domain.money;

/** A money value that cannot exist (negative, overflowing, or badly written). */
public final class MoneyException extends IllegalArgumentException {
    public MoneyException(String message) {
        super(message);
    }
}
