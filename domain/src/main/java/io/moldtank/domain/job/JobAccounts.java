package io.moldtank.domain.job;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.ledger.AccountId;
import io.moldtank.domain.ledger.AccountKind;
import java.util.Objects;

/**
 * Which ledger accounts a job's money moves between. Account ids are derived from names, so the
 * same agent or job always maps to the same account without a lookup.
 */
public record JobAccounts(AccountId platformFees) {
    public static final JobAccounts STANDARD = new JobAccounts(AccountId.named("platform:fees"));

    public JobAccounts {
        Objects.requireNonNull(platformFees, "platformFees");
    }

    /** The agent's spendable balance ({@link AccountKind#AGENT_AVAILABLE}). */
    public AccountId available(AgentId agent) {
        return AccountId.named("agent:" + agent + ":available");
    }

    /** The job's escrow ({@link AccountKind#ESCROW}); open it before funding. */
    public AccountId escrow(JobId job) {
        return AccountId.named("job:" + job + ":escrow");
    }
}
