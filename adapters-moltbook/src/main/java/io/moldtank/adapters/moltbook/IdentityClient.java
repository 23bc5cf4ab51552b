package io.moldtank.adapters.moltbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moldtank.domain.moltbook.MoltbookIdentity;
import io.moldtank.domain.moltbook.MoltbookRefusal;
import io.moldtank.ports.out.moltbook.IdentityVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code POST /agents/verify-identity {"token", "audience"}} with the app key in {@code X-Moltbook-App-Key}.
 * Read liberally ("as observed"): a 2xx with {@code valid: true} (or {@code success: true}) and an
 * {@code agent} is verified; a refusal's {@code error} (a string or {@code {code, message}}) is sorted
 * into expired, wrong audience, deactivated, else invalid; 429, 5xx, silence and nonsense are "unavailable".
 */
final class IdentityClient implements IdentityVerifier {
    static final int MAX_ANSWER = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MoltbookAdapters.IdentitySettings settings;
    private final MoltbookHttp http;
    private final URI endpoint;

    IdentityClient(MoltbookAdapters.IdentitySettings settings, MoltbookHttp http) {
        this.settings = settings;
        this.http = http;
        this.endpoint = URI.create(settings.baseUrl() + "/agents/verify-identity");
    }

    @Override
    public Verification verify(String token) {
        var body = JSON.createObjectNode().put("token", token).put("audience", settings.audience());
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.requestTimeout())
                .header("X-Moltbook-App-Key", settings.appKey())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", "MoldTank-identity/0.1")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        MoltbookHttp.Answer answer;
        try {
            answer = http.send(request, MAX_ANSWER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Verification.Unavailable("interrupted");
        }
        return switch (answer) {
            case MoltbookHttp.TimedOut t -> new Verification.Unavailable("no answer within "
                    + settings.requestTimeout().toSeconds() + " s");
            case MoltbookHttp.Unreachable u -> new Verification.Unavailable(u.why());
            case MoltbookHttp.Body b -> read(b, token);
        };
    }

    private static Verification read(MoltbookHttp.Body b, String token) {
        if (b.status() == 429) {
            return new Verification.Unavailable("rate-limited by Moltbook"
                    + b.headers().firstValue("Retry-After").map(s -> " (retry after " + s + " s)").orElse(""));
        }
        if (b.status() >= 500 || b.cut()) {
            return new Verification.Unavailable(b.cut() ? "an answer over " + MAX_ANSWER + " bytes" : "HTTP " + b.status());
        }
        JsonNode root;
        try {
            root = JSON.readTree(b.bytes());
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return b.status() < 300 ? new Verification.Unavailable("an answer that is not a JSON object")
                    : refused(null, b.status());
        }
        JsonNode agent = root.path("agent");
        boolean valid = root.path("valid").asBoolean(root.path("success").asBoolean(false));
        if (b.status() < 300 && valid && agent.isObject()) {
            if (!agent.path("is_active").asBoolean(true) || inactive(agent.path("status").asText(""))) {
                return new Verification.Refused(MoltbookRefusal.MOLTBOOK_AGENT_DEACTIVATED,
                        "the Moltbook agent is deactivated");
            }
            try {
                return new Verification.Verified(identity(agent), expiry(root, token));
            } catch (IllegalArgumentException e) {
                return new Verification.Unavailable("an agent without a name");
            }
        }
        if (b.status() < 300 && !root.has("valid") && !root.has("error")) {
            return new Verification.Unavailable("an answer with neither an agent nor an error");
        }
        return refused(root, b.status());
    }

    private static MoltbookIdentity identity(JsonNode agent) {
        String name = text(agent, "name");
        String display = text(agent, "display_name");
        JsonNode owner = agent.path("owner");
        String handle = owner.isObject() ? text(owner, "x_handle") : text(agent, "owner_handle");
        boolean claimed = agent.has("is_claimed") ? agent.path("is_claimed").asBoolean()
                : agent.path("claimed").asBoolean(false);
        return new MoltbookIdentity(name, display, agent.path("karma").asLong(0), claimed, handle);
    }

    /** Moltbook's {@code expires_at} (ISO-8601 or Unix seconds), else the token's own JWT {@code exp}, else null. */
    static Instant expiry(JsonNode root, String token) {
        for (String field : new String[]{"expires_at", "expiresAt"}) {
            JsonNode v = root.path(field).isMissingNode() ? root.path("token").path(field) : root.path(field);
            if (v.isNumber()) {
                return Instant.ofEpochSecond(v.asLong());
            }
            if (v.isTextual()) {
                try {
                    return Instant.parse(v.asText());
                } catch (java.time.format.DateTimeParseException e) {
                    // unreadable: try the next source
                }
            }
        }
        String[] parts = token.split("\\.");
        if (parts.length == 3) {
            try {
                JsonNode claims = JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
                if (claims.path("exp").isNumber()) {
                    return Instant.ofEpochSecond(claims.path("exp").asLong());
                }
            } catch (IOException | IllegalArgumentException e) {
                // not a JWT we can read: no expiry known
            }
        }
        return null;
    }

    private static Verification refused(JsonNode root, int status) {
        String why = "";
        if (root != null) {
            JsonNode error = root.path("error");
            why = (error.isObject() ? text(error, "code") + " " + text(error, "message")
                    : text(root, "error") + " " + text(root, "code") + " " + text(root, "message")
                    + " " + text(root, "reason")).toLowerCase(Locale.ROOT);
        }
        MoltbookRefusal reason = why.contains("expire") ? MoltbookRefusal.MOLTBOOK_TOKEN_EXPIRED
                : why.contains("audience") ? MoltbookRefusal.MOLTBOOK_WRONG_AUDIENCE
                : inactive(why) ? MoltbookRefusal.MOLTBOOK_AGENT_DEACTIVATED
                : MoltbookRefusal.MOLTBOOK_TOKEN_INVALID;
        String detail = switch (reason) {
            case MOLTBOOK_TOKEN_EXPIRED -> "the identity token has expired; ask Moltbook for a new one";
            case MOLTBOOK_WRONG_AUDIENCE -> "the identity token was made for another app (wrong audience)";
            case MOLTBOOK_AGENT_DEACTIVATED -> "the Moltbook agent is deactivated";
            default -> "Moltbook does not accept the identity token (HTTP " + status + ")";
        };
        return new Verification.Refused(reason, detail);
    }

    private static boolean inactive(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.contains("deactivat") || t.contains("suspend") || t.contains("banned") || t.contains("disabled");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }
}
