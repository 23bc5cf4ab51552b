package io.moldtank.adapters.persistence.storage;

import static io.moldtank.ports.contract.StorageFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.ports.contract.WebhookStoreContract;
import io.moldtank.ports.out.webhook.WebhookStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The webhook outbox contract on a migrated SQL database, and that it rolls back with its transaction. */
interface SqlWebhookChecks extends WebhookStoreContract {

    MigratedDatabase database();

    @Override
    default WebhookStore webhookStore() {
        database().wipe();
        return SqlStorage.on(database().dataSource()).webhooks();
    }

    @Test
    default void a_rolled_back_transaction_leaves_no_message_and_no_delivery() {
        database().wipe();
        SqlStorage storage = SqlStorage.on(database().dataSource());
        AgentId a = new AgentId(UUID.randomUUID());
        assertThatThrownBy(() -> storage.inTransaction(() -> {
            storage.webhooks().enqueue(a, "bounty.opened", "{}", T0, List.of());
            throw new IllegalStateException("crash before commit");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(storage.webhooks().messagesOf(a, 0, 10)).isEmpty();
        assertThat(storage.webhooks().claimDue(T0, Duration.ofMinutes(1), 10, Set.of())).isEmpty();
    }
}
