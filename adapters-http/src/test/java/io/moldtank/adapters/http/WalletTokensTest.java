package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JWT rules: fixed algorithm, pinned audience, expiry, rotation by kid, and the classic forgeries. */
class WalletTokensTest {
    private static final byte[] OLD = "old-secret-old-secret-old-secret-0".getBytes();
    private static final byte[] NEW = "new-secret-new-secret-new-secret-1".getBytes();
    private static final String WALLET = "0x" + "ab".repeat(20);
    private final Clock now = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private final WalletTokens tokens = new WalletTokens("k2", Map.of("k1", OLD, "k2", NEW), now);

    private static String sign(JWSAlgorithm alg, String kid, byte[] key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private JWTClaimsSet.Builder valid() {
        return new JWTClaimsSet.Builder().subject(WALLET).audience(WalletTokens.AUDIENCE).issuer(WalletTokens.ISSUER)
                .expirationTime(Date.from(now.instant().plusSeconds(60)));
    }

    @Test
    void an_issued_token_names_its_wallet_and_an_older_key_still_verifies_after_rotation() throws Exception {
        assertThat(tokens.walletOf(tokens.issue(WALLET).token())).isEqualTo(WALLET);
        assertThat(tokens.walletOf(sign(JWSAlgorithm.HS256, "k1", OLD, valid().build()))).isEqualTo(WALLET);
    }

    @Test
    void alg_none_another_algorithm_an_unknown_kid_and_a_wrong_key_are_refused() throws Exception {
        String none = new PlainJWT(valid().build()).serialize();
        String hs512 = sign(JWSAlgorithm.HS512, "k2", (new String(NEW) + new String(NEW)).getBytes(), valid().build());
        String unknownKid = sign(JWSAlgorithm.HS256, "k9", NEW, valid().build());
        String wrongKey = sign(JWSAlgorithm.HS256, "k2", OLD, valid().build());
        for (String t : new String[]{none, hs512, unknownKid, wrongKey}) {
            assertThatThrownBy(() -> tokens.walletOf(t)).isInstanceOf(ApiProblem.class)
                    .extracting(e -> ((ApiProblem) e).status()).isEqualTo(401);
        }
    }

    @Test
    void expired_tokens_and_tokens_for_another_audience_are_refused() throws Exception {
        String expired = sign(JWSAlgorithm.HS256, "k2", NEW,
                valid().expirationTime(Date.from(now.instant().minusSeconds(1))).build());
        String noExpiry = sign(JWSAlgorithm.HS256, "k2", NEW, valid().expirationTime(null).build());
        String otherAudience = sign(JWSAlgorithm.HS256, "k2", NEW, valid().audience("someone-else").build());
        for (String t : new String[]{expired, noExpiry, otherAudience}) {
            assertThatThrownBy(() -> tokens.walletOf(t)).isInstanceOf(ApiProblem.class);
        }
        WalletTokens later = new WalletTokens("k2", Map.of("k2", NEW), Clock.offset(now, Duration.ofMinutes(16)));
        String issued = tokens.issue(WALLET).token();
        assertThatThrownBy(() -> later.walletOf(issued)).hasMessageContaining("expired");
    }

    @Test
    void an_expired_challenge_is_refused_even_when_correctly_signed() {
        WalletLogin then = new WalletLogin(TestSystem.CHALLENGE_SECRET, 84532L, now);
        WalletLogin.Challenge c = then.challenge(new WalletSigner("cow").address);
        WalletLogin later = new WalletLogin(TestSystem.CHALLENGE_SECRET, 84532L,
                Clock.offset(now, WalletLogin.CHALLENGE_LIFETIME.plusSeconds(1)));
        byte[] sig = new WalletSigner("cow").sign(later.digest(c));
        then.verify(c, sig);
        assertThatThrownBy(() -> later.verify(c, sig)).hasMessageContaining("expired");
    }
}
