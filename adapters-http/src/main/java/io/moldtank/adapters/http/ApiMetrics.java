package io.moldtank.adapters.http;

import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * API latency as one Prometheus histogram, {@code moldtank_api_request_seconds}, tagged by method, route
 * family and status class (2xx, 4xx, …) so the series count stays bounded whatever clients send.
 */
final class ApiMetrics {
    static final String NAME = "moldtank.api.request";

    private final MeterRegistry registry;
    /**
     * The timers already registered, by method, family and status class: a registry lookup builds a
     * builder, tags and an id on every call. Bounded like the series themselves (known families only).
     */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    static ApiMetrics global() {
        return new ApiMetrics(Metrics.globalRegistry());
    }

    void record(String method, String family, int status, long nanos) {
        String statusClass = status / 100 + "xx";
        timers.computeIfAbsent(method + ' ' + family + ' ' + statusClass, k -> timer(method, family, statusClass))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String method, String family, String statusClass) {
        return registry.getOrCreate(Timer.builder(NAME)
                .baseUnit("seconds")
                .description("API request latency by route family")
                .publishPercentileHistogram(true)
                .maximumExpectedValue(Duration.ofSeconds(10))
                .tags(List.of(Tag.create("method", method), Tag.create("route", family),
                        Tag.create("status", statusClass))));
    }
}
