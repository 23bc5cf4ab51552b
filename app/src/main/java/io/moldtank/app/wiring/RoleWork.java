package io.moldtank.app.wiring;

import io.helidon.config.Config;
import io.moldtank.ports.out.storage.Leases;
import io.moldtank.ports.service.Core;
import io.moldtank.ports.service.ElectingScheduler;
import io.moldtank.ports.service.RequeueingSubmissions;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts what this node's roles run in the background: with {@code workers} the queue consumers
 * (validation, payouts, webhook deliveries); with {@code scheduler} the {@link Scheduler} and its periodic
 * jobs (expiry sweep, the sweep that queues stranded submissions again, reconciliation, the scraper's
 * slots, A2A card refresh), which run only on the node holding the scheduler lease.
 */
final class RoleWork {
    private static final Logger LOG = LoggerFactory.getLogger(RoleWork.class);
    /** Longer than any request takes from its commit to its enqueue. */
    static final Duration STRANDED_GRACE = Duration.ofSeconds(30);

    /** What the roles' work runs on. {@code singleProcess}: an H2 file, which one process opens at a time. */
    record Parts(Core core, Webhooks webhooks, AgentCards cards, JobChecks jobChecks, Reputation reputation,
                 Optional<Reconciliation> reconciliation,
                 Optional<Scraper> scraper, MarketMetrics metrics, boolean noValidators,
                 RequeueingSubmissions stranded, Leases leases, boolean singleProcess) {
    }

    private RoleWork() {
    }

    static void start(Roles roles, Config m, Parts p, Wiring wiring) {
        if (roles.has(Roles.Role.WORKERS)) {
            p.webhooks().start();
            p.jobChecks().start();
            wiring.own("workers", Workers.start(p.core(), m.get("workers"), p.noValidators(), p.metrics()));
        } else {
            wiring.chose("workers", "off: this node's moldtank.roles has no workers");
        }
        if (roles.has(Roles.Role.SCHEDULER)) {
            // The reputation sweep only rewrites kept scores that are wrong, so it needs no lease.
            p.reputation().start();
            wiring.own("scheduler", scheduler(m, p, wiring).start());
        } else {
            wiring.chose("scheduler", "off: this node's moldtank.roles has no scheduler");
        }
    }

    private static Scheduler scheduler(Config m, Parts p, Wiring wiring) {
        Duration ttl = m.get("scheduler.lease-ttl").as(Duration.class).orElse(Duration.ofSeconds(10));
        ElectingScheduler election = new ElectingScheduler(p.leases(), wiring.clock(), nodeName(), ttl);
        wiring.chose("scheduler", "lease " + ElectingScheduler.LEASE + " for " + ttl + ", node " + election.node());
        Scheduler s = new Scheduler(election);
        s.every("expiry", m.get("workers.expiry-interval").as(Duration.class).orElse(Duration.ofSeconds(30)),
                newTerm -> p.core().closing().expireDue(100));
        boolean[] firstTerm = {true};
        s.every("stranded-submissions", STRANDED_GRACE, newTerm -> {
            if (!newTerm) {
                return p.stranded().requeueStranded(STRANDED_GRACE, 100);
            }
            // A lone process (H2) has no request between commit and enqueue when it starts: sweep all at once.
            Duration grace = firstTerm[0] && p.singleProcess() ? Duration.ZERO : STRANDED_GRACE;
            firstTerm[0] = false;
            int requeued = p.stranded().requeueStranded(grace, 10_000);
            if (requeued > 0) {
                LOG.atWarn().addKeyValue("event", "stranded-submissions-requeued").addKeyValue("count", requeued)
                        .log("queued again submissions a crash left stored but not queued");
            }
            return 0; // a full sweep: nothing left to find at once
        });
        p.reconciliation().ifPresent(r -> s.every("reconciliation", r.checkInterval(), r::pass));
        p.scraper().ifPresent(sc -> s.every("scraper", sc.checkInterval(), sc::pass));
        s.every("a2a-cards", p.cards().interval(), newTerm -> p.cards().refreshDue());
        return s;
    }

    /** Names this process in the lease: host (a pod's name), pid and a random part (pids repeat in containers). */
    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            host = "unknown-host";
        }
        String name = host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() <= 200 ? name : name.substring(name.length() - 200);
    }
}
