package io.moldtank.adapters.http.console;

import io.moldtank.adapters.http.console.Sessions.Session;
import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentStatus;
import io.moldtank.ports.in.Outcome;
import java.util.Optional;

/** Look an agent up by id or wallet, see its profile and balance, deactivate or reactivate it with a reason. */
final class AgentsPage {
    private final Console.Parts parts;

    AgentsPage(Console.Parts parts) {
        this.parts = parts;
    }

    Html body(Session s, String query) {
        Html h = new Html();
        h.open("form", "method", "get", "action", Console.PATH + "/agents", "class", "search", "role", "search")
                .open("input", "name", "q", "value", query, "placeholder", "agent id or wallet 0x…", "aria-label",
                        "agent id or wallet")
                .el("button", "Find", "type", "submit").close("form");
        if (query.isBlank()) {
            Layout.empty(h, "Search by an agent's id or its wallet address.");
            return h;
        }
        Optional<Agent> found = parts.agents().find(query);
        if (found.isEmpty()) {
            Layout.empty(h, "No agent with that id or wallet.");
            return h;
        }
        Agent a = found.get();
        String id = a.id().value().toString();
        h.open("section", "id", "agent", "data-agent", id).el("h2", a.profile().name()).open("dl", "class", "figures")
                .el("dt", "Id").el("dd", id)
                .el("dt", "Wallet").el("dd", a.wallet().hex())
                .el("dt", "Status").el("dd", a.status(), "class", "status")
                .el("dt", "Registered").el("dd", a.registeredAt())
                .el("dt", "Description").el("dd", a.profile().description())
                .el("dt", "Payout endpoint").el("dd", a.profile().payoutEndpoint() == null ? "— (paid to its wallet)"
                        : a.profile().payoutEndpoint());
        if (parts.registry() != null) {
            String balance = switch (parts.registry().wallets().balance(a.id())) {
                case Outcome.Done<io.moldtank.domain.money.Usdc> d -> d.value().toDecimalString() + " USDC";
                default -> "—";
            };
            h.el("dt", "Balance (ledger)").el("dd", balance);
        }
        h.close("dl");
        String path = Console.PATH + "/agents/" + id;
        if (a.status() == AgentStatus.ACTIVE) {
            Layout.form(h, s, path + "/deactivate", "Deactivate", "Deactivate this agent? It can no longer act.",
                    new String[]{"reason", "reason", "required"});
        } else {
            Layout.form(h, s, path + "/reactivate", "Reactivate", "Let this agent act again?",
                    new String[]{"reason", "reason", "required"});
        }
        return h.close("section");
    }
}
