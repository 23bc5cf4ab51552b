package io.moldtank.app;

import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/** The running build's version, exported as the gauge {@code moldtank_build_info{version="…"} 1}. */
final class BuildInfo {

    static final String METER_NAME = "moldtank.build.info";

    private BuildInfo() {
    }

    static String version() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read build.properties", e);
        }
    }

    /** Registers the gauge in Helidon's global registry, which the metrics endpoint serves. */
    static void register(String version) {
        MeterRegistry registry = Metrics.globalRegistry();
        registry.getOrCreate(Gauge.builder(METER_NAME, () -> 1)
                .description("MoldTank build; the value is always 1, the version is a tag")
                .tags(List.of(Metrics.tag("version", version))));
    }
}
