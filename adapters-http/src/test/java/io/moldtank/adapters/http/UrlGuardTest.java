package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The SSRF guard refuses every URL that could reach the platform's own network. */
class UrlGuardTest {
    /** A DNS that answers with the address written in the host's first label (dashes for dots/colons). */
    private final UrlGuard guard = new UrlGuard(host -> {
        if (host.endsWith(".ip.test")) {
            String label = host.substring(0, host.indexOf('.'));
            String literal = label.startsWith("v6-") ? label.substring(3).replace('-', ':') : label.replace('-', '.');
            return List.of(InetAddress.getByName(literal));
        }
        if (host.equals("mixed.test")) {
            return List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5"));
        }
        throw new UnknownHostException(host);
    });

    @Test
    void a_public_https_url_passes() {
        assertThat(guard.refusal("https://93-184-216-34.ip.test/pay")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93-184-216-34.ip.test/pay", "ftp://93-184-216-34.ip.test/",
            "https://user:pw@93-184-216-34.ip.test/", "https:///nohost", "not a url", "https://nowhere.test/"})
    void non_https_credentials_and_unresolvable_hosts_are_refused(String url) {
        assertThat(guard.refusal(url)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127-0-0-1", "10-1-2-3", "172-16-0-1", "192-168-1-1", "169-254-169-254", "0-0-0-0",
            "100-64-0-1", "224-0-0-1", "255-255-255-255", "v6-0-0-0-0-0-0-0-1", "v6-fe80-0-0-0-0-0-0-1",
            "v6-fd00-ec2-0-0-0-0-0-254", "v6-0-0-0-0-0-ffff-7f00-1", "v6-0-0-0-0-0-ffff-a9fe-a9fe",
            "v6-2002-a00-1-0-0-0-0-1", "v6-64-ff9b-0-0-0-0-a9fe-a9fe", "v6-64-ff9b-0-0-0-0-a00-1",
            "v6-64-ff9b-1-0-0-0-a00-1"})
    void private_loopback_link_local_metadata_and_mapped_addresses_are_refused(String label) {
        assertThat(guard.refusal("https://" + label + ".ip.test/pay")).contains("non-public");
    }

    @Test
    void one_private_address_among_public_ones_is_enough_to_refuse() {
        assertThat(guard.refusal("https://mixed.test/")).contains("10.0.0.5");
    }

    @Test
    void ip_literals_are_resolved_and_checked_too() throws UnknownHostException {
        UrlGuard literal = new UrlGuard(host -> List.of(InetAddress.getByName(host)));
        assertThat(literal.refusal("https://127.0.0.1/")).contains("non-public");
        assertThat(literal.refusal("https://[::ffff:169.254.169.254]/")).contains("non-public");
        // Decimal-integer hosts are either refused as loopback or do not resolve: never allowed.
        assertThat(literal.refusal("https://2130706433/")).isNotNull();
    }
}
