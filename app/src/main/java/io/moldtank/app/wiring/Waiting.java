package io.moldtank.app.wiring;

import io.helidon.config.Config;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.moldtank.ports.in.waiting.AwaitChangeQuery;
import io.moldtank.ports.in.waiting.AwaitChangeUseCase;
import io.moldtank.ports.in.waiting.Awaited;
import io.moldtank.ports.out.events.EventFeed;
import io.moldtank.ports.service.WaitingForChanges;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issue 18 §1: {@code ?wait=} on GETs, woken by the event feed, from {@code moldtank.http.wait}
 * ({@code max-waiters}, {@code recheck}, {@code fed-recheck}). Counted in
 * {@code moldtank_waits_total{outcome}}; {@code moldtank_waiters} is how many wait now, beside the bound
 * {@code moldtank_waiters_max}.
 */
final class Waiting implements AwaitChangeUseCase, AutoCloseable {
    /** The live service: the gauges are registered once per JVM and must not read a closed wiring's. */
    private static final AtomicReference<WaitingForChanges> CURRENT = new AtomicReference<>();
    private static final Map<Awaited.Ending, Counter> ENDINGS = new EnumMap<>(Awaited.Ending.class);

    static {
        MeterRegistry registry = Metrics.globalRegistry();
        for (Awaited.Ending ending : Awaited.Ending.values()) {
            ENDINGS.put(ending, registry.getOrCreate(Counter.builder("moldtank.waits")
                    .description("GETs held with ?wait=, by how they ended (busy: refused at the bound)")
                    .tags(List.of(Metrics.tag("outcome", ending.name().toLowerCase(Locale.ROOT))))));
        }
        registry.getOrCreate(Gauge.builder("moldtank.waiters", () -> {
            WaitingForChanges live = CURRENT.get();
            return live == null ? 0 : live.waiting();
        }).description("GETs held with ?wait= right now"));
        registry.getOrCreate(Gauge.builder("moldtank.waiters.max", () -> {
            WaitingForChanges live = CURRENT.get();
            return live == null ? 0 : live.maxWaiters();
        }).description("the bound on GETs held at once (moldtank.http.wait.max-waiters)"));
    }

    private final WaitingForChanges waiting;

    private Waiting(WaitingForChanges waiting) {
        this.waiting = waiting;
    }

    static Waiting wire(Config node, EventFeed feed, Wiring wiring) {
        WaitingForChanges.Settings d = WaitingForChanges.Settings.DEFAULTS;
        WaitingForChanges.Settings settings;
        try {
            settings = new WaitingForChanges.Settings(node.get("max-waiters").asInt().orElse(d.maxWaiters()),
                    node.get("recheck").as(Duration.class).orElse(d.recheck()),
                    node.get("fed-recheck").as(Duration.class).orElse(d.fedRecheck()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("moldtank.http.wait: " + e.getMessage(), e);
        }
        WaitingForChanges service = new WaitingForChanges(feed, settings);
        CURRENT.set(service);
        wiring.chose("waiting", "event feed, at most " + settings.maxWaiters() + " waiters");
        return new Waiting(service);
    }

    @Override
    public <T> Awaited<T> await(AwaitChangeQuery<T> query) {
        Awaited<T> answer = waiting.await(query);
        ENDINGS.get(answer.ending()).increment();
        return answer;
    }

    @Override
    public void close() {
        waiting.close();
        CURRENT.compareAndSet(waiting, null);
    }
}
