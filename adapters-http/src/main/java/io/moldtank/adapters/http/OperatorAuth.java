package io.moldtank.adapters.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks {@code Authorization: Bearer <operator token>} against the configured token.
 *
 * <p>Why a static bearer token and not an agent signature or a wallet JWT: an operator is not an
 * agent, so no agent key may ever reach these routes; a wallet JWT would tie platform operations to
 * a hot wallet login and to the JWT key agents' tokens are signed with. One long random secret in
 * configuration needs no key infrastructure, is rotated by a restart and is easy to keep out of logs.
 * Both sides are hashed before a constant-time comparison, so neither content nor length leaks by timing.
 * Without a configured token the routes answer 404 like any unknown route: the surface does not exist.
 */
final class OperatorAuth {
    private static final String BEARER = "Bearer ";

    /** Null when no operator is configured. */
    private final HttpAdapters.Operator operator;
    private final byte[] tokenDigest;

    OperatorAuth(HttpAdapters.Operator operator) {
        this.operator = operator;
        this.tokenDigest = operator == null ? null : sha256(operator.token());
    }

    /** The operator's name, or a problem: 404 when operator access is off, 401 for a missing or wrong token. */
    String operator(ServerRequest req) {
        if (operator == null) {
            throw ApiProblem.notFound("route", req.prologue().method().text() + " " + req.path().path());
        }
        String auth = RequestHeaders.single(req.headers(), HeaderNames.AUTHORIZATION).orElse("");
        if (!auth.startsWith(BEARER)) {
            throw ApiProblem.unauthorized("operator routes need Authorization: Bearer <operator token>");
        }
        if (!MessageDigest.isEqual(tokenDigest, sha256(auth.substring(BEARER.length()).strip()))) {
            throw ApiProblem.unauthorized("wrong operator token");
        }
        return operator.name();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
