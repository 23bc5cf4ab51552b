package io.moldtank.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.config.Config;
import io.moldtank.adapters.http.HttpAdapters;
import io.moldtank.app.AppConfig;
import io.moldtank.ports.out.guard.RateLimiter.BucketSpec;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The rate-limit buckets come from moldtank.http.limits, with seed 003's sizes as defaults. */
class RateLimitSettingsTest {
    private static HttpAdapters.Buckets buckets(Map<String, String> env, Properties props) {
        Config config = AppConfig.load(new String[0], env, props);
        return Api.buckets(config.get("moldtank.http.limits"));
    }

    @Test
    void the_defaults_are_the_seeds_sizes() {
        assertThat(buckets(Map.of(), new Properties())).isEqualTo(HttpAdapters.Buckets.SEED_003);
        assertThat(Api.buckets(Config.empty().get("moldtank.http.limits"))).isEqualTo(HttpAdapters.Buckets.SEED_003);
    }

    @Test
    void one_setting_changes_one_bucket_and_leaves_the_others_at_the_seeds() {
        Properties props = new Properties();
        props.setProperty("moldtank.http.limits.write.capacity", "5000");
        HttpAdapters.Buckets b = buckets(Map.of("MOLDTANK_HTTP_LIMITS_READ_REFILL", "600"), props);
        assertThat(b.write()).isEqualTo(new BucketSpec(5000, 10));
        assertThat(b.read()).isEqualTo(new BucketSpec(120, 600));
        assertThat(b.discovery()).isEqualTo(HttpAdapters.Buckets.SEED_003.discovery());
    }

    @Test
    void a_bucket_of_zero_stops_the_start_naming_the_key() {
        Properties props = new Properties();
        props.setProperty("moldtank.http.limits.read.capacity", "0");
        assertThatThrownBy(() -> buckets(Map.of(), props)).hasMessageContaining("moldtank.http.limits.read");
    }
}
