package io.moldtank.app.wiring;

import io.helidon.config.Config;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.moldtank.adapters.persistence.storage.SqlReconciliation;
import io.moldtank.domain.reconciliation.Repair;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.reconciliation.AcknowledgeDifferenceUseCase.AcknowledgeDifferenceCommand;
import io.moldtank.ports.in.reconciliation.ReconciliationReport;
import io.moldtank.ports.in.reconciliation.ReconciliationUseCases;
import io.moldtank.ports.out.storage.DifferenceLog.DifferenceRecord;
import io.moldtank.ports.out.chain.EscrowHistory;
import io.moldtank.ports.service.ReconcilingEscrow;
import io.moldtank.ports.service.Storage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 22: the escrow on chain reconciled with the books once at start and then every
 * {@code moldtank.reconciliation.interval} (one node at a time, through a lease in the database).
 * Every run is a JSON log line and counts in {@code moldtank_reconciliation_runs_total{outcome}};
 * repairs in {@code moldtank_reconciliation_repairs_total{kind}}; open differences in the gauge
 * {@code moldtank_reconciliation_differences_open} that the alert rules watch.
 */
final class Reconciliation implements ReconciliationUseCases, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    private final ReconcilingEscrow service;
    private final Duration interval;
    private final Duration check;
    private final MeterRegistry registry = Metrics.globalRegistry();

    private Reconciliation(ReconcilingEscrow service, Duration interval, Duration check) {
        this.service = service;
        this.interval = interval;
        this.check = check;
        for (String outcome : List.of("ok", "skipped", "failed")) {
            runs(outcome);
        }
        for (String kind : List.of("open-bounty", "mark-paid", "mark-refunded")) {
            repairs(kind);
        }
        CURRENT.set(service);
    }

    /**
     * The gauge is registered once per JVM (the registry is global) and reads the live service, so a
     * second wiring in the same JVM (tests, a restart in place) is not shadowed by a closed one. Read from
     * the database: another node's run may have found or cleared differences.
     */
    private static final AtomicReference<ReconcilingEscrow> CURRENT = new AtomicReference<>();

    static {
        Metrics.globalRegistry().getOrCreate(Gauge.builder("moldtank.reconciliation.differences.open", () -> {
            ReconcilingEscrow live = CURRENT.get();
            return live == null ? 0 : live.openDifferences(10_000).size();
        }).description("differences between the escrow on chain and the books that wait for an operator"));
    }

    /**
     * The service; empty (and said in the log) when the chain cannot list its escrow history. Its periodic
     * runs are {@link #pass}es of the {@link Scheduler} on the node that leads.
     */
    static Optional<Reconciliation> start(Config c, Storage storage, SqlReconciliation books,
                                          Optional<EscrowHistory> history, Wiring wiring) {
        if (c.get("enabled").asBoolean().orElse(true) && history.isPresent()) {
            String node = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
            var service = new ReconcilingEscrow(storage, books, books, books, history.get(), wiring.clock(), node,
                    c.get("max-run").as(Duration.class).orElse(Duration.ofMinutes(10)));
            var r = new Reconciliation(service, c.get("interval").as(Duration.class).orElse(Duration.ofMinutes(10)),
                    c.get("check-interval").as(Duration.class).orElse(Duration.ofSeconds(30)));
            wiring.chose("reconciliation", "every " + r.interval + ", node " + node);
            return Optional.of(r);
        }
        wiring.chose("reconciliation", history.isEmpty() ? "off: the mock chain without a journal lives in this"
                + " process only (lost on restart, one per node), so it is no source of truth to reconcile with"
                : "off: moldtank.reconciliation.enabled=false");
        return Optional.empty();
    }

    @Override
    public Optional<ReconciliationReport> reconcileNow() {
        return observed(service::reconcileNow);
    }

    @Override
    public Optional<ReconciliationReport> reconcileIfDue(Duration every) {
        return observed(() -> service.reconcileIfDue(every));
    }

    @Override
    public Optional<ReconciliationReport> lastRun() {
        return service.lastRun();
    }

    @Override
    public List<DifferenceRecord> openDifferences(int limit) {
        return service.openDifferences(limit);
    }

    @Override
    public Outcome<DifferenceRecord> acknowledge(AcknowledgeDifferenceCommand command) {
        return service.acknowledge(command);
    }

    /** Every run, scheduled or asked for by an operator, is logged and counted. */
    private Optional<ReconciliationReport> observed(Supplier<Optional<ReconciliationReport>> run) {
        try {
            Optional<ReconciliationReport> report = run.get();
            report.ifPresentOrElse(this::ran, () -> runs("skipped").increment());
            return report;
        } catch (RuntimeException e) {
            runs("failed").increment();
            LOG.atError().addKeyValue("event", "reconciliation-failed").setCause(e).log("reconciliation run failed");
            throw e;
        }
    }

    /** How often the scheduler asks {@link #pass} whether a run is due. */
    Duration checkInterval() {
        return check;
    }

    /**
     * A run at once when this node has just become the scheduler (a node that crashed, or took over
     * from one, has the most to repair); else one when it is due. Failures are counted and logged.
     */
    int pass(boolean newTerm) {
        try {
            if (newTerm) {
                reconcileNow();
            } else {
                reconcileIfDue(interval);
            }
        } catch (RuntimeException logged) {
            // counted and logged by observed(); the next pass tries again
        }
        return 0;
    }

    private void ran(ReconciliationReport r) {
        runs("ok").increment();
        for (Repair repair : r.repaired()) {
            repairs(ReconciliationKinds.of(repair)).increment();
            LOG.atWarn().addKeyValue("event", "reconciliation-repair").addKeyValue("kind", ReconciliationKinds.of(repair))
                    .addKeyValue("bountyId", repair.bountyId().toString()).addKeyValue("txHash", repair.txHash())
                    .log("the books now record what the chain did");
        }
        r.differences().forEach(d -> LOG.atError().addKeyValue("event", "reconciliation-difference")
                .addKeyValue("kind", d.kind().code()).addKeyValue("bountyId", d.bountyId().toString())
                .addKeyValue("txHash", d.txHash()).log(d.detail()));
        LOG.atInfo().addKeyValue("event", "reconciliation-run").addKeyValue("chainEntries", r.chainEntries())
                .addKeyValue("bountiesCompared", r.bountiesCompared()).addKeyValue("repaired", r.repaired().size())
                .addKeyValue("differences", r.differences().size()).addKeyValue("open", r.openDifferences())
                .addKeyValue("ms", Duration.between(r.startedAt(), r.finishedAt()).toMillis())
                .log("reconciled the escrow on chain with the books");
    }

    private Counter runs(String outcome) {
        return registry.getOrCreate(Counter.builder("moldtank.reconciliation.runs").description("reconciliation runs")
                .tags(List.of(Metrics.tag("outcome", outcome))));
    }

    private Counter repairs(String kind) {
        return registry.getOrCreate(Counter.builder("moldtank.reconciliation.repairs")
                .description("books repaired to say what the chain did").tags(List.of(Metrics.tag("kind", kind))));
    }

    @Override
    public void close() {
        CURRENT.compareAndSet(service, null);
    }

    /** Repair kinds as labels and log values (a closed list). */
    private static final class ReconciliationKinds {
        static String of(Repair r) {
            return switch (r) {
                case Repair.OpenBounty o -> "open-bounty";
                case Repair.MarkPaid p -> "mark-paid";
                case Repair.MarkRefunded f -> "mark-refunded";
            };
        }
    }
}
