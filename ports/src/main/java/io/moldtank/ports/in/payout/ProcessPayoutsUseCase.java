package io.moldtank.ports.in.payout;


/** The payout worker drives due payouts one step; returns how many it touched. */
public interface ProcessPayoutsUseCase {
    int processDue(int limit);
}
