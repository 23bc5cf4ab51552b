package io.moldtank.app.wiring;

import io.helidon.config.Config;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.moldtank.adapters.persistence.storage.SqlReputation;
import io.moldtank.adapters.persistence.storage.SqlStorage;
import io.moldtank.domain.reputation.Reckoning;
import io.moldtank.ports.in.reputation.ReputationUseCases;
import io.moldtank.ports.service.ReckoningReputation;
import io.moldtank.ports.service.RegistryStorage;
import io.moldtank.ports.service.ReputationOnEvents;
import io.moldtank.ports.service.ReputationOnReviews;
import io.moldtank.ports.service.Storage;
import java.time.Duration;
import java.util.List;

/**
 * Issue 14 §6: reputation. Profiles and exports reckon from the facts on every read; the kept scores
 * discovery sorts by are refreshed in the transaction of each job verdict, bounty payment and review,
 * and a background sweep reckons {@code moldtank.reputation.sweep-batch} agents every
 * {@code moldtank.reputation.sweep-interval} for what no event announces. Refreshes count in
 * {@code moldtank_reputation_refreshes_total{trigger}}.
 */
final class Reputation implements AutoCloseable {
    private static final List<String> TRIGGERS = List.of("event", "review", "sweep");

    static {
        TRIGGERS.forEach(Reputation::refreshes);
    }

    private final ReckoningReputation reputation;
    private final SqlStorage storage;
    private final PollingLoop sweep;

    private Reputation(ReckoningReputation reputation, SqlStorage storage, int batch, Duration interval) {
        this.reputation = reputation;
        this.storage = storage;
        // one batch per interval: the sweep is a safety net, not a second writer competing with requests
        this.sweep = new PollingLoop("reputation-sweep", () -> {
            reputation.sweep(batch);
            return 0;
        }, interval);
    }

    static Reputation wire(Config c, SqlStorage storage, Wiring wiring) {
        SqlReputation sql = storage.reputation();
        var reputation = new ReckoningReputation(storage, storage, sql, sql, Reckoning.STANDARD, wiring.clock(),
                trigger -> refreshes(trigger).increment());
        int batch = c.get("sweep-batch").asInt().orElse(100);
        if (batch < 1 || batch > 10_000) {
            throw new IllegalArgumentException("moldtank.reputation.sweep-batch must be 1..10000");
        }
        Duration interval = c.get("sweep-interval").as(Duration.class).orElse(Duration.ofSeconds(10));
        wiring.chose("reputation", "kept scores refreshed per verdict, payment and review; swept " + batch
                + " agents every " + interval);
        return new Reputation(reputation, storage, batch, interval);
    }

    /** The bounty storage with payments refreshing both parties' scores (events already wrapped by webhooks). */
    Storage wrap(Storage s) {
        return new Storage(s.tx(), s.loadBounty(), s.saveBounty(), s.findBounties(), s.loadSubmission(),
                s.saveSubmission(), s.agents(), s.comments(), s.payouts(),
                new ReputationOnEvents(s.events(), reputation, storage, storage));
    }

    /** The registry storage with verdicts and reviews refreshing the parties' scores. */
    RegistryStorage wrap(RegistryStorage r) {
        return new RegistryStorage(r.tx(), r.agents(), r.listings(), r.jobs(),
                new ReputationOnReviews(r.reviews(), reputation), r.books(),
                new ReputationOnEvents(r.events(), reputation, storage, storage));
    }

    ReputationUseCases useCases() {
        return reputation;
    }

    Reputation start() {
        sweep.start();
        return this;
    }

    private static Counter refreshes(String trigger) {
        return Metrics.globalRegistry().getOrCreate(Counter.builder("moldtank.reputation.refreshes")
                .description("agents whose kept reputation score was reckoned again, by what asked")
                .tags(List.of(Metrics.tag("trigger", trigger))));
    }

    @Override
    public void close() throws InterruptedException {
        sweep.close();
    }
}
