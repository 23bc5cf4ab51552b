package io.moldtank.domain.payout;

/**
 * PENDING (due, maybe after a back-off) → SENT (release broadcast, tx hash kept) → CONFIRMED.
 * After the last failed try: PARKED, until an operator retries or resolves it.
 */
public enum PayoutStatus { PENDING, SENT, CONFIRMED, PARKED }
