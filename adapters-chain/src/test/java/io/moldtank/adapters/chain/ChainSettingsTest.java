package io.moldtank.adapters.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.adapters.chain.ChainAdapters.ChainSettings;
import io.moldtank.adapters.chain.ChainAdapters.Network;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChainSettingsTest {
    static final String KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    static final String ESCROW = "0x" + "12".repeat(20);

    @Test
    void base_and_base_sepolia_carry_their_chain_ids_and_usdc_addresses() {
        ChainSettings base = Network.BASE.settings("https://mainnet.base.org", ESCROW, KEY, 1);
        assertThat(base.chainId()).isEqualTo(8453);
        assertThat(base.usdcAddress()).isEqualTo("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913");
        ChainSettings sepolia = Network.BASE_SEPOLIA.settings("https://sepolia.base.org", ESCROW, KEY, 1);
        assertThat(sepolia.chainId()).isEqualTo(84532);
        assertThat(sepolia.usdcAddress()).isEqualTo("0x036CbD53842c5426634e7929541eC2318f3dCF7e");
        assertThat(sepolia.confirmations()).isEqualTo(2);
    }

    @Test
    void the_printed_settings_never_show_the_key() {
        assertThat(Network.BASE.settings("https://mainnet.base.org", ESCROW, KEY, 1).toString())
                .doesNotContain(KEY.substring(2)).contains("8453");
    }

    @Test
    void bad_settings_are_refused_with_the_field_named() {
        assertThatThrownBy(() -> ChainSettings.local("http://127.0.0.1:8545", 31337, "0x12", ESCROW, KEY))
                .hasMessageContaining("usdcAddress");
        assertThatThrownBy(() -> ChainSettings.local("http://127.0.0.1:8545", 31337, ESCROW, ESCROW, "0x1234"))
                .hasMessageContaining("qaPrivateKey");
        assertThatThrownBy(() -> ChainSettings.local("http://127.0.0.1:8545", 0, ESCROW, ESCROW, KEY))
                .hasMessageContaining("chainId");
        assertThatThrownBy(() -> new ChainSettings("http://x", 1, ESCROW, ESCROW, KEY, 1, 0, Duration.ofDays(400),
                Duration.ofSeconds(1), Duration.ofMillis(1), 1, null)).hasMessageContaining("depositWindow");
        assertThatThrownBy(() -> Network.LOCAL.settings("http://x", ESCROW, KEY, 0)).hasMessageContaining("LOCAL");
    }
}
