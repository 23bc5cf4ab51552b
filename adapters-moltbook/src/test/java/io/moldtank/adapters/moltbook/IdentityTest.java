package io.moldtank.adapters.moltbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.moldtank.adapters.moltbook.FakeMoltbook.Reply;
import io.moldtank.domain.moltbook.MoltbookIdentity;
import io.moldtank.domain.moltbook.MoltbookRefusal;
import io.moldtank.ports.out.moltbook.IdentityVerifier;
import io.moldtank.ports.out.moltbook.IdentityVerifier.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Sign in with Moltbook" against a local Moltbook speaking verify-identity's wire format. */
class IdentityTest {
    private static final String KEY = "moltdev_secret_app_key_0123456789";
    private static final String VERIFIED = """
            {"success":true,"valid":true,"expires_at":"2026-12-08T01:00:00Z","agent":{"id":"0b7c","name":"CoolBot",
             "display_name":"Cool Bot","description":"A helpful AI assistant","karma":420,"avatar_url":"https://x/a.png",
             "is_claimed":true,"created_at":"2025-01-15T00:00:00Z","follower_count":42,
             "stats":{"posts":156,"comments":892},
             "owner":{"x_handle":"human_owner","x_name":"Human Name","x_verified":true,"x_follower_count":10000}}}""";

    private final FakeMoltbook moltbook;
    private final IdentityVerifier verifier;

    IdentityTest() throws Exception {
        moltbook = new FakeMoltbook();
        verifier = MoltbookAdapters.identityVerifier(new MoltbookAdapters.IdentitySettings(moltbook.baseUrl(), KEY,
                "moldtank", Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        moltbook.close();
    }

    @Test
    void a_valid_token_gives_the_agent_profile_and_the_app_key_and_audience_are_sent() throws Exception {
        moltbook.then(Reply.ok(VERIFIED));

        var v = (Verification.Verified) verifier.verify("tok-abc");

        assertThat(v.identity()).isEqualTo(new MoltbookIdentity("CoolBot", "Cool Bot", 420, true, "human_owner"));
        assertThat(v.expiresAt()).isEqualTo(Instant.parse("2026-12-08T01:00:00Z"));
        var got = moltbook.received().getFirst();
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.path()).isEqualTo("/api/v1/agents/verify-identity");
        assertThat(got.appKey()).isEqualTo(KEY);
        assertThat(got.authorization()).isNull();
        var body = new ObjectMapper().readTree(got.body());
        assertThat(body.get("token").asText()).isEqualTo("tok-abc");
        assertThat(body.get("audience").asText()).isEqualTo("moldtank");
    }

    @Test
    void expired_invalid_wrong_audience_and_deactivated_each_keep_their_reason() {
        moltbook.then(Reply.json(401, "{\"success\":false,\"valid\":false,\"error\":\"identity_token_expired\"}"),
                Reply.json(401, "{\"success\":false,\"valid\":false,\"error\":\"invalid_token\"}"),
                Reply.json(401, "{\"success\":false,\"error\":{\"code\":\"AUDIENCE_MISMATCH\",\"message\":\"wrong app\"}}"),
                Reply.json(403, "{\"success\":false,\"valid\":false,\"error\":\"agent_deactivated\"}"),
                Reply.ok(VERIFIED.replace("\"karma\":420", "\"karma\":420,\"is_active\":false")),
                Reply.json(404, "not json at all"));

        assertThat(reason(verifier.verify("t1"))).isEqualTo(MoltbookRefusal.MOLTBOOK_TOKEN_EXPIRED);
        assertThat(reason(verifier.verify("t2"))).isEqualTo(MoltbookRefusal.MOLTBOOK_TOKEN_INVALID);
        assertThat(reason(verifier.verify("t3"))).isEqualTo(MoltbookRefusal.MOLTBOOK_WRONG_AUDIENCE);
        assertThat(reason(verifier.verify("t4"))).isEqualTo(MoltbookRefusal.MOLTBOOK_AGENT_DEACTIVATED);
        assertThat(reason(verifier.verify("t5"))).isEqualTo(MoltbookRefusal.MOLTBOOK_AGENT_DEACTIVATED);
        assertThat(reason(verifier.verify("t6"))).isEqualTo(MoltbookRefusal.MOLTBOOK_TOKEN_INVALID);
    }

    @Test
    void rate_limits_server_errors_and_slowness_are_unavailable_and_never_show_the_key() {
        moltbook.then(Reply.json(429, "{\"retry_after_seconds\":30}").withHeader("Retry-After", "30"),
                Reply.json(503, "{}"), Reply.ok(VERIFIED).after(Duration.ofSeconds(5)));

        var limited = (Verification.Unavailable) verifier.verify("t");
        var down = (Verification.Unavailable) verifier.verify("t");
        var slow = (Verification.Unavailable) verifier.verify("t");

        assertThat(limited.detail()).contains("rate-limited").contains("30");
        assertThat(down.detail()).isEqualTo("HTTP 503");
        assertThat(slow.detail()).contains("no answer");
        assertThat(limited + " " + down + " " + slow).doesNotContain(KEY);
        assertThat(new MoltbookAdapters.IdentitySettings(null, KEY, "moldtank", null).toString()).doesNotContain(KEY);
    }

    @Test
    void without_expires_at_the_token_s_own_jwt_exp_is_used() {
        String claims = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"exp\":1765155600,\"aud\":\"moldtank\"}".getBytes(StandardCharsets.UTF_8));
        moltbook.then(Reply.ok(VERIFIED.replace("\"expires_at\":\"2026-12-08T01:00:00Z\",", "")),
                Reply.ok(VERIFIED.replace("\"expires_at\":\"2026-12-08T01:00:00Z\",", "")));

        var jwt = (Verification.Verified) verifier.verify("eyJhbGciOiJIUzI1NiJ9." + claims + ".sig");
        var opaque = (Verification.Verified) verifier.verify("opaque-token");

        assertThat(jwt.expiresAt()).isEqualTo(Instant.ofEpochSecond(1765155600));
        assertThat(opaque.expiresAt()).isNull();
    }

    private static MoltbookRefusal reason(Verification v) {
        return ((Verification.Refused) v).reason();
    }
}
