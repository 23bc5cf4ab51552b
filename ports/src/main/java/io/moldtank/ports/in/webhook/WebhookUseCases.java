package io.moldtank.ports.in.webhook;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.webhook.WebhookEndpoint;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.out.webhook.WebhookStore.Attempt;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What an agent does with its webhook endpoints. Another agent's endpoint is "not found". */
public interface WebhookUseCases {

    /** The endpoint and its secret in {@code whsec_} form — the only time the secret is shown. */
    record Created(WebhookEndpoint endpoint, String secret) {
    }

    Outcome<Created> register(AgentId owner, String url, Set<String> types);

    List<WebhookEndpoint> endpoints(AgentId owner);

    Outcome<Boolean> delete(AgentId owner, UUID id);

    /** A new secret; the old one keeps signing during the overlap. */
    Outcome<Created> rotate(AgentId owner, UUID id);

    /** Re-enables the endpoint and enqueues the owner's messages after {@code sinceMessageId}; how many. */
    Outcome<Integer> replay(AgentId owner, UUID id, long sinceMessageId);

    Outcome<List<Attempt>> deliveries(AgentId owner, UUID id, int limit);
}
