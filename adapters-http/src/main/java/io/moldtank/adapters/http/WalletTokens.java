package io.moldtank.adapters.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Short-lived wallet session tokens: HS256 only (the algorithm is fixed, never read from the token),
 * audience and issuer pinned, expiry required, and a {@code kid} naming the key so keys can rotate
 * (sign with the current one, accept every listed one). {@code alg: none}, other algorithms, unknown
 * keys, forged MACs and expired tokens are all refused the same way.
 */
final class WalletTokens {
    static final String AUDIENCE = "moldtank-api";
    static final String ISSUER = "moldtank";
    static final Duration LIFETIME = Duration.ofMinutes(15);

    private final String currentKid;
    private final Map<String, byte[]> keys;
    private final Clock clock;

    /** {@code keys}: kid → secret of at least 32 bytes; {@code currentKid} signs new tokens. */
    WalletTokens(String currentKid, Map<String, byte[]> keys, Clock clock) {
        keys.values().forEach(k -> {
            if (k.length < 32) {
                throw new IllegalArgumentException("HS256 keys must have at least 32 bytes");
            }
        });
        if (!keys.containsKey(currentKid)) {
            throw new IllegalArgumentException("the current kid has no key");
        }
        this.currentKid = currentKid;
        this.keys = Map.copyOf(keys);
        this.clock = Objects.requireNonNull(clock);
    }

    record Issued(String token, Instant expiresAt) {
    }

    Issued issue(String wallet) {
        Instant now = clock.instant();
        Instant exp = now.plus(LIFETIME);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(wallet).audience(AUDIENCE).issuer(ISSUER)
                .issueTime(Date.from(now)).expirationTime(Date.from(exp)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(currentKid).build(), claims);
        try {
            jwt.sign(new MACSigner(keys.get(currentKid)));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new Issued(jwt.serialize(), exp);
    }

    /** The wallet (lower-case 0x address) the token was issued to; 401 for any invalid token. */
    String walletOf(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader h = jwt.getHeader();
            if (!JWSAlgorithm.HS256.equals(h.getAlgorithm())) {
                throw ApiProblem.unauthorized("token algorithm must be HS256");
            }
            byte[] key = h.getKeyID() == null ? null : keys.get(h.getKeyID());
            if (key == null || !jwt.verify(new MACVerifier(key))) {
                throw ApiProblem.unauthorized("token signature invalid");
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            if (!List.of(AUDIENCE).equals(c.getAudience()) || !ISSUER.equals(c.getIssuer())) {
                throw ApiProblem.unauthorized("token audience or issuer invalid");
            }
            if (c.getExpirationTime() == null || !c.getExpirationTime().toInstant().isAfter(clock.instant())) {
                throw ApiProblem.unauthorized("token expired");
            }
            String wallet = c.getSubject();
            if (wallet == null || !wallet.matches("0x[0-9a-f]{40}")) {
                throw ApiProblem.unauthorized("token subject invalid");
            }
            return wallet;
        } catch (ParseException | JOSEException | ClassCastException e) {
            // SignedJWT.parse refuses unsecured (alg none) tokens with a ParseException.
            throw ApiProblem.unauthorized("token malformed");
        }
    }
}
