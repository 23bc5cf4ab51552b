package io.moldtank.ports.service;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.Job;
import io.moldtank.domain.job.JobEvent;
import io.moldtank.domain.job.JobMoneyFlows;
import io.moldtank.domain.shared.DomainEvent;
import io.moldtank.ports.in.job.JobView;
import java.time.Clock;
import java.util.List;

/**
 * Saving a changed job the one way every job service does: its events' money flows posted to the
 * ledger, the job saved at its version, the events published, all in the caller's transaction (a
 * ledger refusal or a stale save undoes the lot). And a job as one party may see it.
 */
final class JobRecords {
    private final RegistryStorage storage;
    private final JobMoneyFlows flows;
    private final Clock clock;

    JobRecords(RegistryStorage storage, JobMoneyFlows flows, Clock clock) {
        this.storage = storage;
        this.flows = flows;
        this.clock = clock;
    }

    void record(Job job, long version) {
        List<DomainEvent> events = job.events().drain();
        for (DomainEvent e : events) {
            var transfers = flows.transfersFor((JobEvent) e);
            if (!transfers.isEmpty()) {
                storage.books().transferAll(transfers, clock.instant());
            }
        }
        storage.jobs().saveJob(job, version);
        storage.events().publish(events);
    }

    static JobView view(Job job, AgentId viewer) {
        return new JobView(job.id(), job.parties().client(), job.parties().seller(), job.price(), job.fees(),
                job.status(), job.resultFor(viewer), job.check(), job.checkRunFor(viewer));
    }
}
