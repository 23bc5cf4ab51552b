package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Random;
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
    void it_answers_as_the_jdk_verifier_does_for_real_signatures_and_for_tampered_ones() throws Exception {
        KeyPairGenerator keys = KeyPairGenerator.getInstance("Ed25519");
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            KeyPair kp = keys.generateKeyPair();
            byte[] encoded = kp.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
            byte[] message = new byte[random.nextInt(200)];
            random.nextBytes(message);
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(kp.getPrivate());
            s.update(message);
            byte[] sig = s.sign();
            assertThat(AgentSignatures.verify(raw, message, sig)).isTrue().isEqualTo(jdk(encoded, message, sig));
            byte[] flipped = sig.clone();
            flipped[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
            assertThat(AgentSignatures.verify(raw, message, flipped)).isFalse().isEqualTo(jdk(encoded, message, flipped));
            byte[] otherKey = raw.clone();
            otherKey[random.nextInt(32)] ^= 1;
            assertThat(AgentSignatures.verify(otherKey, message, sig)).isFalse();
        }
    }

    @Test
    void a_signature_whose_s_is_not_reduced_mod_l_is_refused() {
        // S + L verifies the same equation, so only the S < L check (RFC 8032 §5.1.7) refuses this malleated copy.
        BigInteger l = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
        byte[] s = Arrays.copyOfRange(SIGNATURE, 32, 64);
        BigInteger big = new BigInteger(1, reversed(s)).add(l);
        byte[] malleated = SIGNATURE.clone();
        byte[] le = reversed(big.toByteArray());
        System.arraycopy(le, 0, malleated, 32, Math.min(32, le.length));
        assertThat(AgentSignatures.verify(PUBLIC, new byte[0], malleated)).isFalse();
    }

    @Test
    void a_small_order_key_cannot_be_satisfied_by_a_trivial_signature() {
        // The identity point as key with R = identity, S = 0 passes the bare equation for every message.
        byte[] identity = new byte[32];
        identity[0] = 1;
        byte[] trivial = new byte[64];
        trivial[0] = 1;
        assertThat(AgentSignatures.verify(identity, "any message".getBytes(), trivial)).isFalse();
    }

    @Test
    void the_decoded_key_cache_answers_per_key_and_stays_bounded() {
        byte[] notAPoint = new byte[32];
        java.util.Arrays.fill(notAPoint, (byte) 0xff);
        notAPoint[31] = 0x7f;
        for (int round = 0; round < 2; round++) {
            assertThat(AgentSignatures.verify(notAPoint, new byte[0], SIGNATURE)).isFalse();
            assertThat(AgentSignatures.verify(PUBLIC, new byte[0], SIGNATURE)).isTrue();
        }
        // The caller's array is copied: changing it afterwards does not change what the cache holds.
        byte[] mine = PUBLIC.clone();
        assertThat(AgentSignatures.verify(mine, new byte[0], SIGNATURE)).isTrue();
        mine[0] ^= 1;
        assertThat(AgentSignatures.verify(mine, new byte[0], SIGNATURE)).isFalse();
        assertThat(AgentSignatures.verify(PUBLIC, new byte[0], SIGNATURE)).isTrue();
        Random random = new Random(3);
        for (int i = 0; i <= AgentSignatures.MAX_POINTS; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            AgentSignatures.verify(key, new byte[0], SIGNATURE);
        }
        assertThat(AgentSignatures.cachedKeys()).isBetween(1, AgentSignatures.MAX_POINTS);
        assertThat(AgentSignatures.verify(PUBLIC, new byte[0], SIGNATURE)).isTrue();
    }

    /** The JDK verifier as this class used it before: an exception (e.g. R not a curve point) means invalid. */
    private static boolean jdk(byte[] x509, byte[] message, byte[] sig) throws Exception {
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
        v.update(message);
        try {
            return v.verify(sig);
        } catch (java.security.SignatureException e) {
            return false;
        }
    }

    private static byte[] reversed(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
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
