package io.moldtank.adapters.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.webclient.api.DnsAddressLookup;
import io.moldtank.ports.service.OutboundUrlGuard;
import org.junit.jupiter.api.Test;

class CheckedDnsTest {

    @Test
    void the_connection_gets_the_checked_address_under_the_host_name_so_tls_still_verifies_the_name() {
        var dns = new CheckedDns(new OutboundUrlGuard(host -> java.util.List.of(RebindingDns.PUBLIC)));

        var address = dns.resolveAddress("winner.example", DnsAddressLookup.defaultLookup());

        assertThat(address.getAddress()).isEqualTo(RebindingDns.PUBLIC.getAddress());
        assertThat(address.getHostName()).isEqualTo("winner.example");
    }

    @Test
    void a_name_that_rebinds_to_loopback_after_passing_the_check_is_refused_at_connect_time() {
        var rebinding = new RebindingDns(RebindingDns.LOOPBACK);
        var guard = new OutboundUrlGuard(rebinding);
        assertThat(guard.refusal("https://rebind.example/pay")).isNull();

        assertThatThrownBy(() -> new CheckedDns(guard).resolveAddress("rebind.example", DnsAddressLookup.defaultLookup()))
                .isInstanceOf(CheckedDns.Refused.class).hasMessageContaining("127.0.0.1");
        assertThat(rebinding.lookups).hasValue(2);
    }

    @Test
    void a_name_that_rebinds_to_the_cloud_metadata_address_is_refused_too() {
        var guard = new OutboundUrlGuard(new RebindingDns(RebindingDns.address(169, 254, 169, 254)));
        guard.refusal("https://rebind.example/pay");

        assertThatThrownBy(() -> new CheckedDns(guard).resolveAddress("rebind.example", DnsAddressLookup.defaultLookup()))
                .isInstanceOf(CheckedDns.Refused.class).hasMessageContaining("169.254.169.254");
    }

    @Test
    void a_bracketed_ipv6_loopback_literal_is_refused() {
        var dns = new CheckedDns(new OutboundUrlGuard(OutboundUrlGuard.SYSTEM_DNS));

        assertThatThrownBy(() -> dns.resolveAddress("[::1]", DnsAddressLookup.defaultLookup()))
                .isInstanceOf(CheckedDns.Refused.class).hasMessageContaining("non-public");
    }
}
