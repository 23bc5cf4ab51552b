package io.moldtank.adapters.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.webhook.WebhookSecret;
import io.moldtank.domain.webhook.WebhookSignature;
import io.moldtank.ports.service.OutboundUrlGuard;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpsSenderTest {
    private static final String BODY = "{\"type\":\"bounty.opened\",\"data\":{}}";
    private static final WebhookSecret SECRET = new WebhookSecret(new byte[32]);

    private TlsReceiver receiver;
    private LoopbackPolicy policy;
    private HttpsSender sender;

    @BeforeEach
    void start() throws Exception {
        receiver = new TlsReceiver();
        policy = new LoopbackPolicy();
        sender = new HttpsSender(policy, new HttpsSender.Limits(Duration.ofSeconds(3), Duration.ofSeconds(2), 4096),
                receiver.clientTls());
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private Map<String, String> signed() {
        return Map.of("webhook-id", "msg_1", "webhook-timestamp", "1700000000", "content-type", "application/json",
                "webhook-signature", WebhookSignature.header("msg_1", 1700000000L, BODY, List.of(SECRET)));
    }

    @Test
    void a_2xx_is_delivered_and_the_signature_headers_arrive_and_verify_with_a_plain_hmac() throws Exception {
        var reply = sender.post(receiver.url("/hook"), signed(), BODY);

        assertThat(reply.delivered()).isTrue();
        assertThat(reply.error()).isNull();
        var got = receiver.next(5);
        assertThat(got.body()).isEqualTo(BODY);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.key(), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(
                (got.headers().get("webhook-id") + "." + got.headers().get("webhook-timestamp") + "." + got.body())
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(got.headers().get("webhook-signature")).isEqualTo("v1," + expected);
    }

    @Test
    void every_delivery_asks_the_guard_again_on_a_fresh_connection() {
        sender.post(receiver.url("/hook"), signed(), BODY);
        int afterFirst = policy.lookups.get();
        sender.post(receiver.url("/hook"), signed(), BODY);

        assertThat(afterFirst).isPositive();
        assertThat(policy.lookups.get()).isGreaterThan(afterFirst);
    }

    @Test
    void the_production_guard_refuses_loopback_at_connect_time_and_nothing_is_sent() throws Exception {
        var guarded = new HttpsSender(new OutboundUrlGuard(OutboundUrlGuard.SYSTEM_DNS), HttpsSender.Limits.STANDARD,
                receiver.clientTls());

        var reply = guarded.post(receiver.url("/hook"), signed(), BODY);

        assertThat(reply.delivered()).isFalse();
        assertThat(reply.status()).isZero();
        assertThat(reply.error()).contains("SSRF guard").contains("127.0.0.1");
        assertThat(receiver.next(0)).isNull();
    }

    @Test
    void a_500_is_a_failed_try() {
        receiver.handler = ex -> TlsReceiver.answer(ex, 500, "boom");

        var reply = sender.post(receiver.url("/hook"), signed(), BODY);

        assertThat(reply.delivered()).isFalse();
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.error()).isEqualTo("HTTP 500");
    }

    @Test
    void a_302_is_a_failed_try_and_its_location_is_never_asked() throws Exception {
        receiver.handler = ex -> {
            ex.getResponseHeaders().set("Location", receiver.url("/elsewhere"));
            TlsReceiver.answer(ex, 302, "");
        };

        var reply = sender.post(receiver.url("/hook"), signed(), BODY);

        assertThat(reply.delivered()).isFalse();
        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.error()).contains("redirect not followed");
        assertThat(receiver.next(5).path()).isEqualTo("/hook");
        assertThat(receiver.next(1)).isNull();
    }

    @Test
    void a_huge_answer_is_cut_after_a_few_kilobytes() throws Exception {
        AtomicBoolean sentItAll = new AtomicBoolean();
        CountDownLatch handled = new CountDownLatch(1);
        receiver.handler = ex -> {
            try {
                ex.sendResponseHeaders(200, 0);
                byte[] chunk = new byte[64 * 1024];
                try (OutputStream out = ex.getResponseBody()) {
                    for (int i = 0; i < 1024; i++) { // 64 MB, far beyond any socket buffer
                        out.write(chunk);
                    }
                }
                sentItAll.set(true);
            } catch (IOException closedByTheSender) {
                // expected: the sender hung up after its few kilobytes
            } finally {
                handled.countDown();
            }
        };

        var reply = sender.post(receiver.url("/hook"), signed(), BODY);

        assertThat(reply.delivered()).isTrue();
        assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sentItAll).isFalse();
    }

    @Test
    void a_receiver_that_never_answers_is_given_up_at_the_deadline() {
        CountDownLatch release = new CountDownLatch(1);
        receiver.handler = ex -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try {
            long start = System.nanoTime();
            var reply = sender.post(receiver.url("/hook"), signed(), BODY);

            assertThat(reply.delivered()).isFalse();
            assertThat(reply.status()).isZero();
            assertThat(reply.error()).contains("no answer within");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        } finally {
            release.countDown();
        }
    }

    @Test
    void draining_stops_at_the_limit() {
        var in = new java.io.ByteArrayInputStream(new byte[100_000]);

        assertThat(HttpsSender.drainAtMost(in, 4096)).isEqualTo(4096);
        assertThat(in.available()).isEqualTo(100_000 - 4096);
    }
}
