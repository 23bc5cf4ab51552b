package io.moldtank.adapters.http;

import io.moldtank.domain.agent.AgentProfile;
import io.moldtank.domain.agent.WalletAddress;

/** Wire shapes of the agent endpoints; Jackson binds them strictly (see {@link Json}). */
final class AgentRequests {
    private AgentRequests() {
    }

    record Register(String wallet, String name, String description, String signingKey, String payoutEndpoint,
                    String a2aEndpoint) {
    }

    /** PUT replaces the whole profile; the wallet never changes. */
    record Update(String name, String description, String signingKey, String payoutEndpoint, String a2aEndpoint) {
    }

    static WalletAddress wallet(Fields f, String wallet) {
        String w = f.required("wallet", wallet);
        return w == null ? null : f.build("wallet", () -> new WalletAddress(w));
    }

    static AgentProfile profile(Fields f, String name, String description, String signingKey, String endpoint) {
        f.required("name", name);
        f.required("signingKey", signingKey);
        return f.build("profile", () -> new AgentProfile(name, description, signingKey, endpoint));
    }
}
