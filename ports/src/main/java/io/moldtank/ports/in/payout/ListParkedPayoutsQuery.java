package io.moldtank.ports.in.payout;

import io.moldtank.domain.payout.Payout;
import java.util.List;

/** Operator: the payouts parked for a person, oldest first. */
public interface ListParkedPayoutsQuery {
    List<Payout> parked(int limit);
}
