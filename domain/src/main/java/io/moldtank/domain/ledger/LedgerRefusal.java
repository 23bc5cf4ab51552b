package io.moldtank.domain.ledger;

import io.moldtank.domain.shared.Reason;

public enum LedgerRefusal implements Reason {
    UNKNOWN_ACCOUNT("unknown-account"),
    ACCOUNT_EXISTS_DIFFERENT("account-exists-different"),
    SAME_ACCOUNT("same-account"),
    ZERO_AMOUNT("zero-amount"),
    INSUFFICIENT_FUNDS("insufficient-funds"),
    BALANCE_OVERFLOW("balance-overflow"),
    TRANSFER_EXISTS_DIFFERENT("transfer-exists-different"),
    HOLD_NOT_FOUND("hold-not-found"),
    NOT_A_HOLD("not-a-hold"),
    HOLD_ALREADY_POSTED("hold-already-posted"),
    HOLD_ALREADY_VOIDED("hold-already-voided");

    private final String code;

    LedgerRefusal(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
