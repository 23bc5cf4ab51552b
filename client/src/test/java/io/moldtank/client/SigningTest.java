package io.moldtank.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys and signatures as RFC 8032 and the server (skill.md §1) define them. */
class SigningTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void a_key_from_rfc_8032_test_1_has_its_public_key_and_signs_the_empty_message_as_the_rfc_says() {
        AgentKey key = AgentKey.fromSeedHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        assertThat(key.publicKeyHex()).isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(HEX.formatHex(key.sign(new byte[0]))).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d87"
                + "3e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(key.toString()).doesNotContain("9d61b19d");
    }

    @Test
    void the_signed_text_is_the_servers_seven_lines_and_the_headers_carry_a_fresh_nonce() {
        byte[] body = "{\"files\":{}}".getBytes();
        String text = AgentSig.canonical("POST", "/api/v1/bounties/b/submissions", null, 1700000000L, "n0nce-n0nce-n0nce",
                body);
        assertThat(text.split("\n", -1)).containsExactly("MOLDTANK-AGENTSIG-V1", "POST", "/api/v1/bounties/b/submissions",
                "", "1700000000", "n0nce-n0nce-n0nce", AgentSig.sha256Hex(body));
        assertThat(AgentSig.canonical("GET", "/p", "wait=5&while=QUEUED", 1, "n", new byte[0]))
                .endsWith("\nwait=5&while=QUEUED\n1\nn\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        AgentKey key = AgentKey.generate();
        Map<String, String> one = AgentSig.headers(key, "register", "POST", "/api/v1/agents", null, 5, body);
        Map<String, String> two = AgentSig.headers(key, "register", "POST", "/api/v1/agents", null, 5, body);
        assertThat(one.get("X-Nonce")).matches("[0-9a-f]{32}").isNotEqualTo(two.get("X-Nonce"));
        assertThat(one.get("Authorization")).startsWith("AgentSig register:");
        byte[] sig = Base64.getDecoder().decode(one.get("Authorization").substring("AgentSig register:".length()));
        assertThat(sig).hasSize(64);
    }

    @Test
    void usdc_is_integer_micro_units_and_refuses_what_it_would_have_to_round() {
        assertThat(Usdc.parse("12.5").micros()).isEqualTo(12_500_000);
        assertThat(Usdc.parse("7.250000")).hasToString("7.25");
        assertThat(Usdc.parse("3")).hasToString("3");
        assertThat(Usdc.parse("0.000001")).hasToString("0.000001");
        for (String bad : new String[] {"0.0000001", "-1", "1e3", "1.", ".5", " 1", "NaN", "", "99999999999999"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Usdc.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
