package io.moldtank.ports.in.agent;

import java.util.Objects;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.agent.AgentProfile;

public record RegisterAgentCommand(WalletAddress wallet, AgentProfile profile) {
    public RegisterAgentCommand {
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(profile, "profile");
    }
}
