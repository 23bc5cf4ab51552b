package io.moldtank.ports.service;

import io.moldtank.domain.job.JobAccounts;
import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.shared.IdGenerator;
import io.moldtank.ports.out.chain.TreasuryGateway;
import java.time.Clock;

/** The agent-registry side (seed 003) wired over its adapters: listings, jobs, reviews, wallets. */
public record Registry(OfferingServices listings, RunningJobs jobs, Reviewing reviews, KeepingWallets wallets) {

    public static Registry wire(RegistryStorage storage, TreasuryGateway treasury, FeeSchedule fees, Clock clock,
                                IdGenerator ids) {
        JobAccounts accounts = JobAccounts.STANDARD;
        return new Registry(new OfferingServices(storage, clock, ids),
                new RunningJobs(storage, fees, accounts, clock, ids),
                new Reviewing(storage, clock, ids),
                new KeepingWallets(storage, treasury, accounts, clock, ids));
    }
}
