package io.moldtank.app.wiring;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Timer;
import io.moldtank.domain.bounty.BountyEvent;
import io.moldtank.domain.payout.PayoutEvent;
import io.moldtank.domain.shared.DomainEvent;
import io.moldtank.ports.out.events.EventFeed;
import io.moldtank.ports.out.queue.SubmissionQueue;
import io.moldtank.ports.out.storage.PayoutOutbox;
import java.time.Duration;
import java.util.List;

/**
 * The metrics of seed 000 §7, fed by committed domain events: bounties and submissions per hour
 * (rates of the counters), QA latency, payment outcomes, queue depth and parked payouts.
 */
final class MarketMetrics {
    private final MeterRegistry registry = Metrics.globalRegistry();
    private final Counter created = counter("moldtank.bounties.created", "bounties drafted");
    private final Counter opened = counter("moldtank.bounties.opened", "bounties whose deposit was confirmed");
    private final Counter awarded = counter("moldtank.bounties.awarded", "bounties awarded to a winner");
    private final Counter paid = counter("moldtank.bounties.paid", "bounties whose payout was confirmed");
    private final Counter submissions = counter("moldtank.submissions.received", "submissions accepted");
    private final Counter paymentsOk = outcome("confirmed");
    private final Counter paymentsRetried = outcome("retry");
    private final Counter paymentsParked = outcome("parked");
    // with several nodes on one PostgreSQL, a node's live feed also carries what the others commit
    private final Counter live = counter("moldtank.events.live", "events delivered to this node's live streams");
    private final Timer qaLatency = registry.getOrCreate(Timer.builder("moldtank.qa.latency")
            .description("time of one validation round, claim to recorded verdict"));

    MarketMetrics(SubmissionQueue queue, PayoutOutbox payouts) {
        registry.getOrCreate(Gauge.builder("moldtank.queue.depth", queue::depth)
                .description("submissions waiting for or in validation"));
        registry.getOrCreate(Gauge.builder("moldtank.payouts.parked", () -> payouts.parked(1000).size())
                .description("payouts parked for manual intervention (alert when > 0)"));
    }

    void record(DomainEvent event) {
        switch (event) {
            case BountyEvent.Drafted d -> created.increment();
            case BountyEvent.Opened o -> opened.increment();
            case BountyEvent.Awarded a -> awarded.increment();
            case BountyEvent.Paid p -> paid.increment();
            case BountyEvent.SubmissionReceived s -> submissions.increment();
            case PayoutEvent p -> {
                switch (p.status()) {
                    case CONFIRMED -> paymentsOk.increment();
                    case PARKED -> paymentsParked.increment();
                    case PENDING -> {
                        if (p.attempts() > 0) {
                            paymentsRetried.increment();
                        }
                    }
                    case SENT -> { }
                }
            }
            default -> { }
        }
    }

    void live(EventFeed.Entry entry) {
        live.increment();
    }

    void qaRound(Duration took) {
        qaLatency.record(took);
    }

    private Counter counter(String name, String description) {
        return registry.getOrCreate(Counter.builder(name).description(description));
    }

    private Counter outcome(String outcome) {
        return registry.getOrCreate(Counter.builder("moldtank.payments").description("payout attempts by outcome")
                .tags(List.of(Metrics.tag("outcome", outcome))));
    }
}
