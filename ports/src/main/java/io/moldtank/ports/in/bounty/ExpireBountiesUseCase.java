package io.moldtank.ports.in.bounty;


/** Closes open bounties whose deadline passed without a winner; returns how many. */
public interface ExpireBountiesUseCase {
    int expireDue(int limit);
}
