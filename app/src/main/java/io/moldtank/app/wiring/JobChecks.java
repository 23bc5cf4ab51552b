package io.moldtank.app.wiring;

import io.helidon.config.Config;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.moldtank.adapters.sandbox.SandboxAdapters;
import io.moldtank.domain.job.CheckPolicy;
import io.moldtank.domain.job.JobAccounts;
import io.moldtank.ports.in.job.JobCheckUseCases;
import io.moldtank.ports.out.storage.PendingJobChecks;
import io.moldtank.ports.out.validation.Sandbox;
import io.moldtank.ports.service.CheckingJobs;
import io.moldtank.ports.service.RegistryStorage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14 §1: jobs verified in the sandbox. A checked job's check is queued with the job (its own
 * row, so H2 and PostgreSQL alike); {@code moldtank.job-checks.workers} threads run the due ones in the
 * sandbox the validator panel uses (or {@code moldtank.job-checks.sandbox}). Every step is one JSON log
 * line and counts in {@code moldtank_job_checks_total{outcome}}; the queue's depth, its oldest wait and
 * its dead letters are gauges the alert rules watch.
 */
final class JobChecks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("io.moldtank.jobchecks");
    static final List<String> OUTCOMES = List.of("passed", "failed", "retried", "dead-lettered", "superseded");

    /** The live queue and clock: gauges are registered once per JVM and must not read a closed wiring's. */
    private record Live(PendingJobChecks pending, Clock clock) {
    }

    private static final AtomicReference<Live> CURRENT = new AtomicReference<>();

    static {
        MeterRegistry registry = Metrics.globalRegistry();
        OUTCOMES.forEach(JobChecks::outcomes);
        registry.getOrCreate(Gauge.builder("moldtank.job.checks.waiting", () -> read(l -> l.pending().waitingChecks()))
                .description("job checks queued or running in the sandbox"));
        registry.getOrCreate(Gauge.builder("moldtank.job.checks.oldest.age.seconds", () -> read(l -> l.pending()
                        .oldestWaitingCheck().map(at -> Math.max(0, Duration.between(at, l.clock().instant()).toSeconds()))
                        .orElse(0L))).description("how long the longest-waiting job check has waited"));
        registry.getOrCreate(Gauge.builder("moldtank.job.checks.dead.lettered", () -> read(l -> l.pending()
                        .deadLetteredCount())).description("job checks the sandbox failed every attempt of (alert when > 0)"));
    }

    private final CheckingJobs checking;
    private final Live live;
    private final List<PollingLoop> workers = new ArrayList<>();

    private JobChecks(CheckingJobs checking, Live live) {
        this.checking = checking;
        this.live = live;
    }

    /** Wired over the registry's storage (with its webhook fanout) and the SQL queue; workers start with {@link #start}. */
    static JobChecks wire(Config c, RegistryStorage registry, PendingJobChecks pending, Wiring wiring) {
        CheckPolicy policy = new CheckPolicy(c.get("max-attempts").asInt().orElse(CheckPolicy.STANDARD.maxAttempts()),
                c.get("lease").as(Duration.class).orElse(CheckPolicy.STANDARD.lease()),
                c.get("retry-delay").as(Duration.class).orElse(CheckPolicy.STANDARD.retryDelay()));
        Sandbox sandbox = c.get("sandbox").exists() ? Validators.sandbox(c.get("sandbox"), wiring, "job-check-sandbox")
                : wiring.find(Sandbox.class).orElseGet(() -> Validators.sandbox(c.get("sandbox"), wiring, "job-check-sandbox"));
        var checking = new CheckingJobs(registry, pending, SandboxAdapters.jobChecks(sandbox, wiring.clock()), policy,
                JobAccounts.STANDARD, wiring.clock(), JobChecks::report);
        Live live = new Live(pending, wiring.clock());
        CURRENT.set(live);
        JobChecks checks = new JobChecks(checking, live);
        int threads = c.get("workers").asInt().orElse(1);
        if (threads < 0 || threads > 64) {
            throw new IllegalArgumentException("moldtank.job-checks.workers must be 0..64");
        }
        Duration idle = c.get("interval").as(Duration.class).orElse(Duration.ofSeconds(1));
        for (int i = 1; i <= threads; i++) {
            checks.workers.add(new PollingLoop("job-checks-" + i, () -> checking.checkDue(10), idle));
        }
        wiring.chose("job-checks", threads + " worker(s), " + policy.maxAttempts() + " attempts, every " + idle
                + " when idle, sandbox " + sandbox.getClass().getSimpleName());
        return checks;
    }

    JobCheckUseCases useCases() {
        return checking;
    }

    JobChecks start() {
        workers.forEach(PollingLoop::start);
        return this;
    }

    private static void report(CheckingJobs.CheckReport r) {
        outcomes(r.outcome()).increment();
        var line = r.outcome().equals("retried") || r.outcome().equals("dead-lettered") ? LOG.atWarn() : LOG.atInfo();
        line.addKeyValue("event", "job-check").addKeyValue("jobId", r.jobId().toString())
                .addKeyValue("attempt", r.attempt()).addKeyValue("outcome", r.outcome())
                .addKeyValue("reason", r.reason()).addKeyValue("durationMs", r.took().toMillis())
                .log("job check {} of job {}: {}", r.attempt(), r.jobId(), r.outcome());
    }

    private static Counter outcomes(String outcome) {
        return Metrics.globalRegistry().getOrCreate(Counter.builder("moldtank.job.checks")
                .description("steps of jobs' sandbox checks by outcome (passed, failed: verdicts; retried, "
                        + "dead-lettered: the sandbox failed; superseded: a lapsed worker's late result)")
                .tags(List.of(Metrics.tag("outcome", outcome))));
    }

    private static long read(java.util.function.ToLongFunction<Live> value) {
        Live l = CURRENT.get();
        try {
            return l == null ? 0 : value.applyAsLong(l);
        } catch (RuntimeException e) { // a scrape during shutdown: the storage is closing
            return 0;
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (PollingLoop w : workers) {
            w.close();
        }
        CURRENT.compareAndSet(live, null);
    }
}
