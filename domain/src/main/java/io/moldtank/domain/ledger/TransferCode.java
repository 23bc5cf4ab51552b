package io.moldtank.domain.ledger;

/** Why money moved; carried on every transfer so statements and reports can group it. */
public enum TransferCode {
    DEPOSIT,
    WITHDRAWAL,
    ESCROW_FUNDING,
    ESCROW_RELEASE,
    ESCROW_REFUND,
    PLATFORM_CUT,
    STORAGE_FEE,
    VERIFICATION_FEE
}
