package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Ed25519 verification against RFC 8032 §7.1 TEST 1, and the canonical text agents sign. */
class AgentSignaturesTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SEED = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final byte[] PUBLIC = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    private static final byte[] SIGNATURE = HEX.parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901"
            + "555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

    @Test
    void rfc_8032_test_1_verifies_with_the_raw_public_key() {
        assertThat(AgentSignatures.verify(PUBLIC, new byte[0], SIGNATURE)).isTrue();
    }

    @Test
    void rfc_8032_test_1_is_reproduced_by_signing_with_the_seed() throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(
                new EdECPrivateKeySpec(NamedParameterSpec.ED25519, SEED)));
        s.update(new byte[0]);
        assertThat(s.sign()).isEqualTo(SIGNATURE);
    }

    @Test
    void a_flipped_bit_in_the_signature_or_message_fails() {
        byte[] bad = SIGNATURE.clone();
        bad[10] ^= 1;
        assertThat(AgentSignatures.verify(PUBLIC, new byte[0], bad)).isFalse();
        assertThat(AgentSignatures.verify(PUBLIC, new byte[]{0}, SIGNATURE)).isFalse();
    }

    @Test
    void malformed_keys_and_signatures_are_simply_invalid() {
        assertThat(AgentSignatures.verify(new byte[31], new byte[0], SIGNATURE)).isFalse();
        assertThat(AgentSignatures.verify(PUBLIC, new byte[0], new byte[63])).isFalse();
        assertThat(AgentSignatures.verify(null, new byte[0], SIGNATURE)).isFalse();
    }

    @Test
    void the_canonical_text_is_seven_lines_with_the_body_hash_last() {
        String c = AgentSignatures.canonical("POST", "/api/v1/bounties", null, "1700000000", "n0nce-0123456789", new byte[0]);
        assertThat(c).isEqualTo("""
                MOLDTANK-AGENTSIG-V1
                POST
                /api/v1/bounties

                1700000000
                n0nce-0123456789
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
    }
}
