package io.moldtank.ports.in.job;

import io.moldtank.domain.money.FeeSchedule;

/** The fee schedule a job proposed now would copy (seed 003: platform cut, storage and verification fees). */
public interface GetFeeScheduleQuery {
    FeeSchedule currentFees();
}
