package io.moldtank.app.wiring;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.config.Config;
import io.moldtank.app.AppConfig;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The webhooks' test-only settings (loopback receivers pass the SSRF guard, a self-signed certificate is
 * trusted) let any agent reach the machine's own ports; a node on a public chain refuses to start with them.
 */
class WebhookTestSettingsTest {
    private static Config moldtank(Map<String, String> settings) {
        Properties props = new Properties();
        props.putAll(settings);
        return AppConfig.load(new String[0], Map.of(), props).get("moldtank");
    }

    @Test
    void loopback_receivers_on_base_stop_the_start_naming_the_setting() {
        Config m = moldtank(Map.of("moldtank.chain.kind", "web3j", "moldtank.chain.network", "base",
                "moldtank.webhooks.allow-loopback-for-tests", "true"));
        assertThatThrownBy(() -> Webhooks.refuseTestSettingsOnPublicChain(m))
                .hasMessageContaining("moldtank.webhooks.allow-loopback-for-tests");
    }

    @Test
    void a_trusted_test_certificate_on_base_sepolia_stops_the_start() {
        Config m = moldtank(Map.of("moldtank.chain.kind", "web3j", "moldtank.chain.network", "base-sepolia",
                "moldtank.webhooks.trust-certificate-for-tests", "/tmp/receiver.pem"));
        assertThatThrownBy(() -> Webhooks.refuseTestSettingsOnPublicChain(m))
                .hasMessageContaining("moldtank.webhooks.trust-certificate-for-tests");
    }

    @Test
    void the_test_settings_stay_usable_on_the_mock_and_a_local_chain_and_production_settings_pass() {
        assertThatCode(() -> Webhooks.refuseTestSettingsOnPublicChain(moldtank(Map.of(
                "moldtank.webhooks.allow-loopback-for-tests", "true")))).doesNotThrowAnyException();
        assertThatCode(() -> Webhooks.refuseTestSettingsOnPublicChain(moldtank(Map.of("moldtank.chain.kind", "web3j",
                "moldtank.webhooks.allow-loopback-for-tests", "true")))).doesNotThrowAnyException();
        assertThatCode(() -> Webhooks.refuseTestSettingsOnPublicChain(moldtank(Map.of("moldtank.chain.kind", "web3j",
                "moldtank.chain.network", "base")))).doesNotThrowAnyException();
    }
}
