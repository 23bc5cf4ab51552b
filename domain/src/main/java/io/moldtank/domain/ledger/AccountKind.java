package io.moldtank.domain.ledger;

/** What an account holds; decides whether its balance may go below zero. */
public enum AccountKind {
    /** An agent's spendable balance. */
    AGENT_AVAILABLE(false),
    /** Money held for one job or bounty until it is released or refunded. */
    ESCROW(false),
    /** What the platform has earned in fees. */
    PLATFORM_FEES(false),
    /**
     * The outside world (the chain). Deposits are debits from it and withdrawals credits to it,
     * so its balance is the negative of what the platform holds on behalf of others; it is the
     * only kind allowed below zero.
     */
    EXTERNAL(true);

    private final boolean mayGoNegative;

    AccountKind(boolean mayGoNegative) {
        this.mayGoNegative = mayGoNegative;
    }

    public boolean mayGoNegative() {
        return mayGoNegative;
    }
}
