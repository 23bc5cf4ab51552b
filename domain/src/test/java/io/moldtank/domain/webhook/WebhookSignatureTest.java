package io.moldtank.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.agent.AgentId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final Instant T0 = Instant.parse("2021-02-25T15:02:10Z");

    @Test
    void signature_matches_the_standard_webhooks_test_vector() {
        // the vector of the Standard Webhooks spec's reference libraries
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String header = WebhookSignature.header("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}", List.of(secret));
        assertThat(header).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Property(tries = 50)
    void signature_is_hmac_sha256_of_id_dot_timestamp_dot_body_under_the_secret_bytes(
            @ForAll byte[] seed, @ForAll String body, @ForAll @IntRange(min = 0) int timestamp) throws Exception {
        byte[] key = new byte[32];
        System.arraycopy(seed, 0, key, 0, Math.min(seed.length, 32));
        WebhookSecret secret = new WebhookSecret(key);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal(("msg_1." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        assertThat(WebhookSignature.header("msg_1", timestamp, body, List.of(secret))).isEqualTo("v1," + expected);
        assertThat(WebhookSecret.parse(secret.text())).isEqualTo(secret);
    }

    @Test
    void during_the_rotation_overlap_both_secrets_sign_space_separated_then_only_the_new_one() {
        WebhookSecret old = new WebhookSecret(new byte[32]);
        WebhookSecret next = new WebhookSecret(new byte[24]);
        WebhookEndpoint e = WebhookEndpoint.create(UUID.randomUUID(), new AgentId(UUID.randomUUID()),
                "https://example.com/hook", Set.of("bounty.opened"), old, T0);
        WebhookEndpoint rotated = e.rotate(next, T0, Duration.ofHours(24));

        assertThat(rotated.signingSecrets(T0.plus(Duration.ofHours(23)))).containsExactly(next, old);
        assertThat(WebhookSignature.header("m", 1, "{}", rotated.signingSecrets(T0)).split(" ")).hasSize(2)
                .allMatch(s -> s.startsWith("v1,"));
        assertThat(rotated.signingSecrets(T0.plus(Duration.ofHours(24)))).containsExactly(next);
    }

    @Test
    void secrets_never_show_in_text_and_malformed_ones_are_refused() {
        assertThat(new WebhookSecret(new byte[32]).toString()).doesNotContain("AAAA");
        assertThatThrownBy(() -> WebhookSecret.parse("sk_abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookSecret(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknown_event_types_are_refused() {
        assertThatThrownBy(() -> WebhookEndpoint.create(UUID.randomUUID(), new AgentId(UUID.randomUUID()),
                "https://example.com", Set.of("bounty.everything"), new WebhookSecret(new byte[32]), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
