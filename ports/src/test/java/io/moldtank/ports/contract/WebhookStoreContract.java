package io.moldtank.ports.contract;

import static io.moldtank.ports.contract.StorageFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.webhook.WebhookEndpoint;
import io.moldtank.domain.webhook.WebhookSecret;
import io.moldtank.ports.out.webhook.WebhookStore;
import io.moldtank.ports.out.webhook.WebhookStore.Attempt;
import io.moldtank.ports.out.webhook.WebhookStore.Delivery;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The webhook outbox, written once for the in-memory reference, H2 and PostgreSQL; each subject is empty. */
public interface WebhookStoreContract {

    WebhookStore webhookStore();

    private static WebhookEndpoint endpoint(AgentId owner) {
        return WebhookEndpoint.create(UUID.randomUUID(), owner, "https://hooks.example/" + owner.value(),
                Set.of("bounty.opened", "job.completed"), new WebhookSecret(new byte[32]), T0);
    }

    @Test
    default void endpoints_round_trip_with_rotation_and_disabling_and_belong_to_their_owner() {
        WebhookStore s = webhookStore();
        AgentId a = new AgentId(UUID.randomUUID());
        WebhookEndpoint e = endpoint(a).rotate(new WebhookSecret(new byte[40]), T0, Duration.ofHours(1))
                .disable(T0.plusSeconds(5));
        s.saveEndpoint(e);
        assertThat(s.endpoint(e.id())).contains(e);
        assertThat(s.endpointsOf(a)).containsExactly(e);
        assertThat(s.endpointsOf(new AgentId(UUID.randomUUID()))).isEmpty();
        assertThat(s.disabledEndpoints()).isEqualTo(1);
        s.saveEndpoint(e.enable());
        assertThat(s.disabledEndpoints()).isZero();
        assertThat(s.deleteEndpoint(e.id())).isTrue();
        assertThat(s.endpoint(e.id())).isEmpty();
    }

    @Test
    default void a_due_delivery_is_claimed_once_until_its_lease_runs_out_then_retried_then_done() {
        WebhookStore s = webhookStore();
        AgentId a = new AgentId(UUID.randomUUID());
        WebhookEndpoint e = endpoint(a);
        s.saveEndpoint(e);
        long m = s.enqueue(a, "bounty.opened", "{\"x\":1}", T0, List.of(e.id()));
        assertThat(s.claimDue(T0.minusSeconds(1), Duration.ofMinutes(1), 10, Set.of())).isEmpty();
        List<Delivery> claimed = s.claimDue(T0, Duration.ofMinutes(1), 10, Set.of());
        assertThat(claimed).singleElement().satisfies(d -> {
            assertThat(d.message().id()).isEqualTo(m);
            assertThat(d.message().payload()).isEqualTo("{\"x\":1}");
            assertThat(d.attempts()).isZero();
        });
        assertThat(s.claimDue(T0.plusSeconds(59), Duration.ofMinutes(1), 10, Set.of())).isEmpty();
        Delivery d = claimed.getFirst();
        s.recordAttempt(new Attempt(d.id(), e.id(), m, 1, 500, 12, "HTTP 500", T0), false, T0.plusSeconds(5));
        assertThat(s.claimDue(T0.plusSeconds(5), Duration.ofMinutes(1), 10, Set.of(e.id()))).isEmpty();
        assertThat(s.claimDue(T0.plusSeconds(5), Duration.ofMinutes(1), 10, Set.of())).singleElement()
                .satisfies(again -> assertThat(again.attempts()).isEqualTo(1));
        s.recordAttempt(new Attempt(d.id(), e.id(), m, 2, 204, 7, null, T0.plusSeconds(6)), true, null);
        assertThat(s.claimDue(T0.plusSeconds(3600), Duration.ofMinutes(1), 10, Set.of())).isEmpty();
        assertThat(s.attempts(e.id(), 10)).extracting(Attempt::status).containsExactly(204, 500);
    }

    @Test
    default void disabled_endpoints_are_not_claimed_and_a_replay_enqueues_the_owners_later_messages() {
        WebhookStore s = webhookStore();
        AgentId a = new AgentId(UUID.randomUUID());
        WebhookEndpoint e = endpoint(a);
        s.saveEndpoint(e.disable(T0));
        long first = s.enqueue(a, "bounty.opened", "{}", T0, List.of(e.id()));
        long second = s.enqueue(a, "job.completed", "{}", T0, List.of());
        s.enqueue(new AgentId(UUID.randomUUID()), "bounty.opened", "{}", T0, List.of());
        assertThat(s.claimDue(T0, Duration.ofMinutes(1), 10, Set.of())).isEmpty();
        assertThat(s.messagesOf(a, first, 10)).extracting(WebhookStore.Message::id).containsExactly(second);
        s.saveEndpoint(e);
        s.requeue(e.id(), List.of(second), T0);
        assertThat(s.claimDue(T0, Duration.ofMinutes(1), 10, Set.of())).extracting(d -> d.message().id())
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    default void a_busy_endpoints_backlog_never_hides_another_endpoints_due_delivery() {
        // a hostile agent replays a large backlog to an endpoint that never answers: the worker skips the
        // busy endpoint, and another agent's delivery, due later than the whole backlog, is still claimed
        WebhookStore s = webhookStore();
        AgentId hostile = new AgentId(UUID.randomUUID());
        AgentId other = new AgentId(UUID.randomUUID());
        WebhookEndpoint stuck = endpoint(hostile);
        WebhookEndpoint fine = endpoint(other);
        s.saveEndpoint(stuck);
        s.saveEndpoint(fine);
        for (int i = 0; i < 40; i++) {
            s.enqueue(hostile, "bounty.opened", "{}", T0, List.of(stuck.id()));
        }
        long wanted = s.enqueue(other, "bounty.opened", "{}", T0.plusSeconds(1), List.of(fine.id()));
        assertThat(s.claimDue(T0.plusSeconds(2), Duration.ofMinutes(1), 2, Set.of(stuck.id())))
                .extracting(d -> d.message().id()).containsExactly(wanted);
    }
}
