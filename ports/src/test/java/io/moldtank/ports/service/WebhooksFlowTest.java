package io.moldtank.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.Bounty;
import io.moldtank.domain.bounty.BountyEvent;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.webhook.DeliverySchedule;
import io.moldtank.domain.webhook.WebhookRefusal;
import io.moldtank.domain.webhook.WebhookSecret;
import io.moldtank.domain.webhook.WebhookSignature;
import io.moldtank.ports.contract.StorageFixtures;
import io.moldtank.ports.contract.TestClock;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.webhook.WebhookUseCases.Created;
import io.moldtank.ports.memory.InMemoryStorage;
import io.moldtank.ports.memory.InMemoryWebhookStore;
import io.moldtank.ports.out.webhook.WebhookSender;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.Test;

class WebhooksFlowTest {
    private final TestClock clock = new TestClock(StorageFixtures.T0);
    private final InMemoryStorage storage = new InMemoryStorage();
    private final InMemoryWebhookStore store = new InMemoryWebhookStore();
    private final UrlPolicy publicDns = new OutboundUrlGuard(host -> List.of(InetAddress.getByName(
            switch (host) {
                case "internal.example" -> "10.0.0.7";
                case "hooks.example" -> "93.184.216.34";
                default -> host; // address literals
            })));
    private final KeepingWebhooks webhooks = new KeepingWebhooks(store, storage, publicDns, clock, UUID::randomUUID,
            KeepingWebhooks.randomSecrets(), Duration.ofHours(24));
    private final WebhookFanout fanout = new WebhookFanout(storage, storage, storage, storage, storage, store);
    private final Deque<Integer> answers = new ConcurrentLinkedDeque<>();
    private final List<Map<String, String>> sent = new ArrayList<>();
    private final WebhookSender sender = (url, headers, body) -> {
        synchronized (sent) {
            sent.add(Map.of("url", url, "body", body, "id", headers.get("webhook-id"),
                    "ts", headers.get("webhook-timestamp"), "sig", headers.get("webhook-signature")));
        }
        int status = answers.isEmpty() ? 200 : answers.poll();
        return new WebhookSender.Reply(status, 3, null);
    };
    private final List<String> outcomes = new ArrayList<>();
    private final DeliveringWebhooks worker = new DeliveringWebhooks(store, storage, sender, clock,
            new DeliveringWebhooks.Settings(new DeliverySchedule(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30))),
                    Duration.ofMinutes(10), 4, 2, 32), o -> {
                synchronized (outcomes) {
                    outcomes.add(o);
                }
            });

    @Test
    void a_poster_receives_a_signed_bounty_opened_and_a_500_is_retried_after_the_first_wait() throws Exception {
        AgentId poster = StorageFixtures.agent(1).id();
        Created hook = webhooks.register(poster, "https://hooks.example/in", Set.of("bounty.opened")).orThrow();
        Bounty bounty = opened(poster);

        answers.add(500);
        pass();
        assertThat(outcomes).containsExactly("failed");
        pass(); // not due yet
        assertThat(sent).hasSize(1);
        clock.advance(Duration.ofSeconds(5));
        pass();
        assertThat(outcomes).containsExactly("failed", "delivered");

        Map<String, String> d = sent.get(1);
        assertThat(d.get("body")).contains("\"type\":\"bounty.opened\"").contains(bounty.id().value().toString());
        assertThat(d.get("sig")).isEqualTo("v1," + WebhookSignature.sign(d.get("id"), Long.parseLong(d.get("ts")),
                d.get("body"), WebhookSecret.parse(hook.secret())));
        assertThat(d.get("id")).isEqualTo(sent.get(0).get("id")); // same message id on every try
        assertThat(webhooks.deliveries(poster, hook.endpoint().id(), 10).orThrow()).extracting(a -> a.status())
                .containsExactly(200, 500);
    }

    @Test
    void strangers_hear_nothing_and_unsubscribed_types_are_not_sent() throws Exception {
        AgentId poster = StorageFixtures.agent(2).id();
        AgentId stranger = StorageFixtures.agent(3).id();
        webhooks.register(stranger, "https://hooks.example/s", Set.of("bounty.opened")).orThrow();
        webhooks.register(poster, "https://hooks.example/p", Set.of("bounty.paid")).orThrow();
        opened(poster);
        pass();
        assertThat(sent).isEmpty();
    }

    @Test
    void after_the_last_retry_the_endpoint_is_disabled_and_a_replay_enables_it_and_sends_again() throws Exception {
        AgentId poster = StorageFixtures.agent(4).id();
        Created hook = webhooks.register(poster, "https://hooks.example/in", Set.of("bounty.opened")).orThrow();
        opened(poster);
        answers.addAll(List.of(500, 502, 503));
        pass();
        clock.advance(Duration.ofSeconds(5));
        pass();
        clock.advance(Duration.ofSeconds(30));
        pass();
        assertThat(outcomes).containsExactly("failed", "failed", "failed", "disabled");
        assertThat(store.disabledEndpoints()).isEqualTo(1);
        opened(poster); // a disabled endpoint gets no new deliveries
        pass();
        assertThat(sent).hasSize(3);

        assertThat(webhooks.replay(poster, hook.endpoint().id(), 0).orThrow()).isEqualTo(1);
        pass();
        assertThat(store.disabledEndpoints()).isZero();
        assertThat(outcomes).endsWith("delivered");
    }

    @Test
    void private_and_metadata_urls_are_refused_at_registration_and_nothing_is_stored() {
        AgentId agent = StorageFixtures.agent(5).id();
        for (String url : List.of("http://hooks.example/x", "https://127.0.0.1/x", "https://169.254.169.254/latest",
                "https://internal.example/x", "https://[::ffff:10.0.0.1]/x")) {
            Outcome<Created> o = webhooks.register(agent, url, Set.of("bounty.opened"));
            assertThat(o).isInstanceOfSatisfying(Outcome.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(WebhookRefusal.WEBHOOK_URL_REFUSED));
        }
        assertThat(webhooks.endpoints(agent)).isEmpty();
    }

    @Test
    void rotation_signs_with_both_secrets_during_the_overlap_and_another_agent_cannot_touch_the_endpoint()
            throws Exception {
        AgentId poster = StorageFixtures.agent(6).id();
        Created hook = webhooks.register(poster, "https://hooks.example/in", Set.of("bounty.opened")).orThrow();
        Created rotated = webhooks.rotate(poster, hook.endpoint().id()).orThrow();
        assertThat(webhooks.rotate(StorageFixtures.agent(7).id(), hook.endpoint().id()))
                .isInstanceOf(Outcome.NotFound.class);
        opened(poster);
        pass();
        Map<String, String> d = sent.getFirst();
        long ts = Long.parseLong(d.get("ts"));
        assertThat(d.get("sig")).isEqualTo(
                "v1," + WebhookSignature.sign(d.get("id"), ts, d.get("body"), WebhookSecret.parse(rotated.secret()))
                + " v1," + WebhookSignature.sign(d.get("id"), ts, d.get("body"), WebhookSecret.parse(hook.secret())));
    }

    private Bounty opened(AgentId poster) {
        Bounty b = StorageFixtures.openBounty(poster, 10, clock.instant(), "t");
        storage.inTransaction(() -> {
            storage.saveBounty(b);
            fanout.publish(List.of(new BountyEvent.Opened(b.id(), Usdc.ofWhole(10), "0x1", clock.instant())));
            return null;
        });
        return b;
    }

    private void pass() throws InterruptedException {
        worker.deliverDue();
        for (int i = 0; i < 500 && worker.inFlight() > 0; i++) {
            Thread.sleep(10);
        }
        assertThat(worker.inFlight()).isZero();
    }
}
