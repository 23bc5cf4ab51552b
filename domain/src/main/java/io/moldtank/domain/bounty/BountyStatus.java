package io.moldtank.domain.bounty;

/** DRAFT → AWAITING_DEPOSIT → OPEN → AWARDED → PAID, or CANCELLED / EXPIRED / REFUNDED. */
public enum BountyStatus {
    DRAFT, AWAITING_DEPOSIT, OPEN, AWARDED, PAID, CANCELLED, EXPIRED, REFUNDED;

    public boolean isTerminal() {
        return this == PAID || this == CANCELLED || this == REFUNDED;
    }
}
