package io.moldtank.adapters.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.adapters.webhooks.TlsReceiver;
import io.moldtank.domain.a2a.AgentCard;
import io.moldtank.domain.a2a.CardState;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.ports.contract.TestClock;
import io.moldtank.ports.memory.InMemoryCardStore;
import io.moldtank.ports.out.a2a.CardFetcher.Result;
import io.moldtank.ports.service.KeepingAgentCards;
import io.moldtank.ports.service.OutboundUrlGuard;
import io.moldtank.ports.service.UrlPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The card fetcher against a fake A2A agent: HTTPS on 127.0.0.1 with a keytool certificate. */
class FakeAgentTest {
    static final String V1 = """
            {"name":"Helper","description":"answers questions","version":"1.2.0",
             "supportedInterfaces":[{"url":"https://127.0.0.1/a2a","protocolBinding":"JSONRPC","protocolVersion":"1.0"}],
             "capabilities":{"streaming":true,"pushNotifications":false,"extendedAgentCard":false,"extensions":[]},
             "defaultInputModes":["text/plain"],"defaultOutputModes":["application/json"],
             "skills":[{"id":"qa","name":"Q&A","description":"answers\\u0007 things","tags":["qa","search"]}],
             "signatures":[],"somethingNew":{"ignored":true}}""";
    static final String V03 = """
            {"name":"Old Helper","description":"still on 0.3","version":"0.9","url":"https://127.0.0.1/rpc",
             "preferredTransport":"JSONRPC","protocolVersion":"0.3.0","capabilities":{},
             "defaultInputModes":["text/plain"],"defaultOutputModes":["text/plain"],
             "skills":[{"id":"echo","name":"Echo","description":"echoes","tags":[]}]}""";

    private TlsReceiver agent;
    private HttpsCardFetcher fetcher;
    private final UrlPolicy loopbackAllowed = new UrlPolicy() {
        @Override
        public String refusal(String url) {
            return null;
        }

        @Override
        public Resolution resolve(String host) {
            return new Resolution.Addresses(List.of(InetAddress.getLoopbackAddress()));
        }
    };

    @BeforeEach
    void start() throws Exception {
        agent = new TlsReceiver();
        fetcher = new HttpsCardFetcher(loopbackAllowed, new HttpsCardFetcher.Limits(Duration.ofSeconds(3),
                Duration.ofSeconds(5), 64 * 1024), agent.clientTls());
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    private void serve(int status, String body, String... headers) {
        agent.handler = ex -> {
            for (int i = 0; i < headers.length; i += 2) {
                ex.getResponseHeaders().set(headers[i], headers[i + 1]);
            }
            TlsReceiver.answer(ex, status, body);
        };
    }

    @Test
    void a_valid_v1_card_is_read_with_its_etag_and_max_age_and_its_text_cleaned() throws Exception {
        serve(200, V1, "ETag", "\"c1\"", "Cache-Control", "public, max-age=600");

        Result r = fetcher.fetch(agent.url(""), null);

        var fresh = (Result.Fresh) r;
        assertThat(fresh.card().shape()).isEqualTo(AgentCard.Shape.V1_0);
        assertThat(fresh.card().name()).isEqualTo("Helper");
        assertThat(fresh.card().endpoint()).isEqualTo("https://127.0.0.1/a2a");
        assertThat(fresh.card().skills()).singleElement()
                .satisfies(s -> assertThat(s.description()).isEqualTo("answers  things"));
        assertThat(fresh.etag()).isEqualTo("\"c1\"");
        assertThat(fresh.maxAge()).isEqualTo(Duration.ofMinutes(10));
        assertThat(agent.next(5).path()).isEqualTo("/.well-known/agent-card.json");
    }

    @Test
    void a_0_3_card_at_the_old_path_is_read_and_its_shape_recorded() throws Exception {
        agent.handler = ex -> TlsReceiver.answer(ex, ex.getRequestURI().getPath().endsWith("/agent.json") ? 200 : 404,
                ex.getRequestURI().getPath().endsWith("/agent.json") ? V03 : "");

        var fresh = (Result.Fresh) fetcher.fetch(agent.url("/"), null);

        assertThat(fresh.card().shape()).isEqualTo(AgentCard.Shape.V0_3);
        assertThat(fresh.card().interfaces()).singleElement()
                .isEqualTo(new AgentCard.Interface("https://127.0.0.1/rpc", "JSONRPC", "0.3.0"));
        assertThat(agent.next(5).path()).isEqualTo("/.well-known/agent-card.json");
        assertThat(agent.next(5).path()).isEqualTo("/.well-known/agent.json");
    }

    @Test
    void the_kept_etag_is_sent_and_a_304_means_not_modified() throws Exception {
        serve(304, "", "Cache-Control", "max-age=120");

        Result r = fetcher.fetch(agent.url(""), "\"c1\"");

        assertThat(r).isEqualTo(new Result.NotModified(Duration.ofMinutes(2)));
        assertThat(agent.next(5).headers()).containsEntry("if-none-match", "\"c1\"");
    }

    @Test
    void max_age_is_honoured_the_card_is_asked_for_again_only_when_the_clock_passes_it() throws Exception {
        serve(200, V1, "ETag", "\"c1\"", "Cache-Control", "max-age=300");
        TestClock clock = new TestClock();
        List<String> outcomes = new ArrayList<>();
        var cards = new KeepingAgentCards(new InMemoryCardStore(), fetcher, loopbackAllowed, clock,
                KeepingAgentCards.Settings.STANDARD,
                outcomes::add);
        AgentId id = new AgentId(UUID.randomUUID());
        cards.name(id, agent.url(""));

        cards.refreshDue();
        clock.advance(Duration.ofSeconds(299));
        cards.refreshDue();
        serve(304, "", "Cache-Control", "max-age=300");
        clock.advance(Duration.ofSeconds(1));
        cards.refreshDue();

        assertThat(outcomes).containsExactly("fetched", "not_modified");
        assertThat(agent.received).hasSize(2);
        assertThat(cards.card(id).orElseThrow().status()).isEqualTo(CardState.Status.OK);
        assertThat(cards.card(id).orElseThrow().card().name()).isEqualTo("Helper");
    }

    @Test
    void an_oversized_card_is_cut_at_the_limit_and_refused() throws Exception {
        AtomicBoolean sentItAll = new AtomicBoolean();
        CountDownLatch handled = new CountDownLatch(1);
        agent.handler = ex -> {
            try {
                ex.sendResponseHeaders(200, 0);
                byte[] chunk = new byte[64 * 1024];
                try (OutputStream out = ex.getResponseBody()) {
                    for (int i = 0; i < 1024; i++) {
                        out.write(chunk);
                    }
                }
                sentItAll.set(true);
            } catch (IOException closedByTheFetcher) {
                // expected
            } finally {
                handled.countDown();
            }
        };

        Result r = fetcher.fetch(agent.url(""), null);

        assertThat(r).isEqualTo(new Result.Failed("too_large", "the card is larger than 65536 bytes"));
        assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sentItAll).isFalse();
    }

    @Test
    void invalid_json_and_a_card_missing_required_fields_are_refused_with_a_reason() {
        serve(200, "{not json");
        assertThat(fetcher.fetch(agent.url(""), null)).isEqualTo(new Result.Failed("invalid", "the card is not JSON"));

        serve(200, V1.replace("\"version\":\"1.2.0\",", ""));
        assertThat(fetcher.fetch(agent.url(""), null))
                .isEqualTo(new Result.Failed("invalid", "the card is not valid: version is required"));

        serve(200, V1.replace("https://127.0.0.1/a2a", "javascript:alert(1)"));
        assertThat(((Result.Failed) fetcher.fetch(agent.url(""), null)).reason()).contains("http(s)");
    }

    @Test
    void a_redirect_is_not_followed() throws Exception {
        serve(302, "", "Location", agent.url("/elsewhere"));

        Result r = fetcher.fetch(agent.url(""), null);

        assertThat(r).isEqualTo(new Result.Failed("redirect", "redirect not followed (HTTP 302)"));
        assertThat(agent.next(5).path()).isEqualTo("/.well-known/agent-card.json");
        assertThat(agent.next(1)).isNull();
    }

    @Test
    void a_host_resolving_to_a_private_address_is_refused_and_nothing_is_sent() throws Exception {
        var privateDns = new HttpsCardFetcher(new OutboundUrlGuard(host -> List.of(InetAddress.getByName("10.0.0.7"))),
                HttpsCardFetcher.Limits.STANDARD, agent.clientTls());
        var production = new HttpsCardFetcher(new OutboundUrlGuard(OutboundUrlGuard.SYSTEM_DNS),
                HttpsCardFetcher.Limits.STANDARD, agent.clientTls());

        var viaPrivate = (Result.Failed) privateDns.fetch("https://agent.example", null);
        var viaLoopback = (Result.Failed) production.fetch(agent.url(""), null);

        assertThat(viaPrivate.outcome()).isEqualTo("refused");
        assertThat(viaPrivate.reason()).contains("10.0.0.7");
        assertThat(viaLoopback.outcome()).isEqualTo("refused");
        assertThat(agent.next(0)).isNull();
    }
}
