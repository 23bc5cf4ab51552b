package io.moldtank.ports.in.job;

/** A worker's pass: runs the checks that are due, one after another; returns how many it took. */
public interface CheckDueJobsUseCase {
    int checkDue(int limit);
}
