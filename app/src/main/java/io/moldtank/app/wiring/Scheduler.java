package io.moldtank.app.wiring;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Metrics;
import io.moldtank.ports.service.ElectingScheduler;
import io.moldtank.ports.service.ElectingScheduler.Change;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code scheduler} role: a heartbeat thread that keeps or takes the scheduler lease, and one thread
 * per periodic job that runs a pass only while this node leads. A job runs again at once while it finds
 * work, else after its own pause; a new term wakes every job, so a node that takes over starts at once.
 * Closing stops the jobs, then gives the lease up so another node takes over at its next heartbeat.
 * Metrics: {@code moldtank_scheduler_leader} (1 on the node that leads), {@code moldtank_scheduler_fence},
 * {@code moldtank_scheduler_terms_total} and {@code moldtank_scheduler_passes_total{job}}.
 */
final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    /** The live election: gauges are registered once per JVM and must read the current wiring's. */
    private static final AtomicReference<ElectingScheduler> CURRENT = new AtomicReference<>();

    static {
        Metrics.globalRegistry().getOrCreate(Gauge.builder("moldtank.scheduler.leader", () -> {
            ElectingScheduler e = CURRENT.get();
            return e != null && e.leads() ? 1 : 0;
        }).description("1 while this node holds the scheduler lease and runs the periodic work"));
        Metrics.globalRegistry().getOrCreate(Gauge.builder("moldtank.scheduler.fence", () -> {
            ElectingScheduler e = CURRENT.get();
            return e == null || !e.leads() ? 0 : e.term().map(ElectingScheduler.Term::fence).orElse(0L);
        }).description("fence of this node's scheduler term (0 while it does not lead); grows with each new leader"));
    }

    /** One pass of a periodic job; {@code newTerm} on its first pass since this node became leader. */
    @FunctionalInterface
    interface Pass {
        int run(boolean newTerm);
    }

    private record Job(String name, Duration idle, Pass pass) {
    }

    private final ElectingScheduler election;
    private final List<Job> jobs = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Object wakeUp = new Object();
    private final Counter terms = Metrics.globalRegistry().getOrCreate(Counter.builder("moldtank.scheduler.terms")
            .description("times this node became the scheduler"));
    private volatile boolean running = true;

    Scheduler(ElectingScheduler election) {
        this.election = election;
    }

    /** Adds a job; call before {@link #start}. */
    Scheduler every(String name, Duration idle, Pass pass) {
        jobs.add(new Job(name, idle, pass));
        passes(name);
        return this;
    }

    /** Beats once now (a lone node leads before its first request), then starts the heartbeat and the jobs. */
    Scheduler start() {
        CURRENT.set(election);
        beat();
        threads.add(Thread.ofPlatform().daemon().name("moldtank-scheduler-heartbeat").start(this::heartbeats));
        for (Job job : jobs) {
            threads.add(Thread.ofPlatform().daemon().name("moldtank-" + job.name()).start(() -> run(job)));
        }
        return this;
    }

    private void heartbeats() {
        while (pause(election.heartbeatInterval())) {
            beat();
        }
    }

    private void beat() {
        Change change = election.heartbeat();
        long fence = election.term().map(ElectingScheduler.Term::fence).orElse(0L);
        switch (change) {
            case ELECTED -> {
                terms.increment();
                LOG.atInfo().addKeyValue("event", "scheduler-elected").addKeyValue("node", election.node())
                        .addKeyValue("fence", fence).log("this node now runs the periodic work");
                synchronized (wakeUp) {
                    wakeUp.notifyAll();
                }
            }
            case LOST -> LOG.atWarn().addKeyValue("event", "scheduler-lost").addKeyValue("node", election.node())
                    .log("another node took the scheduler lease: periodic work stops here");
            case UNREACHABLE -> LOG.atWarn().addKeyValue("event", "scheduler-heartbeat-failed")
                    .addKeyValue("node", election.node()).log("could not renew the scheduler lease");
            case RENEWED, FOLLOWING -> { }
        }
    }

    private void run(Job job) {
        long term = 0;
        Counter passes = passes(job.name());
        while (running) {
            int found = 0;
            if (election.leads()) {
                long fence = election.term().map(ElectingScheduler.Term::fence).orElse(0L);
                try {
                    found = job.pass().run(fence != term);
                } catch (RuntimeException e) {
                    LOG.atError().addKeyValue("worker", job.name()).setCause(e).log(job.name() + " pass failed");
                }
                term = fence;
                passes.increment();
            }
            if (found == 0 && !pause(job.idle())) {
                return;
            }
        }
    }

    /** Waits {@code idle}, or less when a new term begins or the scheduler closes; false once it closes. */
    private boolean pause(Duration idle) {
        synchronized (wakeUp) {
            if (!running) {
                return false;
            }
            try {
                wakeUp.wait(Math.max(1, idle.toMillis()));
            } catch (InterruptedException e) {
                return false;
            }
            return running;
        }
    }

    private static Counter passes(String job) {
        return Metrics.globalRegistry().getOrCreate(Counter.builder("moldtank.scheduler.passes")
                .description("passes of periodic work run on this node, by job")
                .tags(List.of(Metrics.tag("job", job))));
    }

    @Override
    public void close() throws InterruptedException {
        // woken, not interrupted: an interrupt inside a pass would close the H2 file's channel under it
        synchronized (wakeUp) {
            running = false;
            wakeUp.notifyAll();
        }
        for (Thread t : threads) {
            t.join(5_000);
        }
        try {
            election.stepDown();
        } catch (RuntimeException e) {
            // best effort (an H2 file may already be closed by the JVM's own hook): the lease runs out by itself
            LOG.atInfo().addKeyValue("event", "scheduler-lease-kept").addKeyValue("node", election.node())
                    .log("could not give the scheduler lease up; another node takes it when it runs out");
        } finally {
            CURRENT.compareAndSet(election, null);
        }
    }
}
