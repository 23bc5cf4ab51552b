package io.moldtank.domain.job;

import static io.moldtank.domain.job.JobRefusal.CLIENT_IS_SELLER;
import static io.moldtank.domain.job.JobRefusal.NOT_A_PARTY;
import static io.moldtank.domain.job.JobRefusal.WRONG_PARTY;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.shared.Rejection;
import java.util.Objects;

/**
 * The client (who hires and pays) and the seller (who does the work). Who-may-act checks run
 * before status checks, so a stranger learns nothing about a job's state from the refusal.
 */
public record JobParties(AgentId client, AgentId seller) {
    public JobParties {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(seller, "seller");
        if (client.equals(seller)) {
            throw new Rejection(CLIENT_IS_SELLER, "agent " + client + " cannot hire itself");
        }
    }

    public boolean includes(AgentId agent) {
        return client.equals(agent) || seller.equals(agent);
    }

    void requireEither(AgentId by) {
        if (!includes(by)) {
            throw new Rejection(NOT_A_PARTY, "agent " + by + " is not a party to this job");
        }
    }

    void requireClient(AgentId by, String move) {
        requireEither(by);
        if (!client.equals(by)) {
            throw new Rejection(WRONG_PARTY, "only the client may " + move);
        }
    }

    void requireSeller(AgentId by, String move) {
        requireEither(by);
        if (!seller.equals(by)) {
            throw new Rejection(WRONG_PARTY, "only the seller may " + move);
        }
    }
}
