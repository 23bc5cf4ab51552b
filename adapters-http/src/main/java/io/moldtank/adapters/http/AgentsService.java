package io.moldtank.adapters.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.AgentProfile;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.moltbook.MoltbookIdentity;
import io.moldtank.ports.in.a2a.AgentCardUseCases;
import io.moldtank.ports.in.agent.DeactivateAgentCommand;
import io.moldtank.ports.in.agent.RegisterAgentCommand;
import io.moldtank.ports.in.agent.UpdateAgentCommand;
import io.moldtank.ports.in.moltbook.MoltbookUseCases;
import io.moldtank.ports.in.reputation.ReputationUseCases;
import io.moldtank.ports.service.RegisteringAgents;
import java.util.Map;
import java.util.Optional;

/**
 * /api/v1/agents. Registration is signed by the key being registered ({@code AgentSig register:…});
 * every later change is signed by the agent itself. A payout endpoint and an A2A endpoint pass the SSRF
 * guard first; the A2A card is fetched in the background and shown from the cache. An agent may sign in
 * with Moltbook (header X-Moltbook-Identity) at registration or later ({@code POST /{id}/moltbook}).
 */
final class AgentsService implements HttpService {
    private final RegisteringAgents agents;
    private final Authenticator auth;
    private final UrlGuard urls;

    private final RouteTable table;
    /** Null when A2A cards are off: an a2aEndpoint is then refused and views show no card. */
    private final AgentCardUseCases cards;

    private final MoltbookSignIn moltbook;
    /** Null when reputation is not wired: profiles then show none. */
    private final ReputationUseCases reputation;

    AgentsService(RegisteringAgents agents, Authenticator auth, UrlGuard urls, RouteTable table,
                  AgentCardUseCases cards, MoltbookUseCases moltbook, ReputationUseCases reputation) {
        this.reputation = reputation;
        this.table = table;
        this.moltbook = new MoltbookSignIn(moltbook);
        this.cards = cards;
        this.agents = agents;
        this.auth = auth;
        this.urls = urls;
    }

    static final String PATH = "/api/v1/agents";

    @Override
    public void routing(HttpRules rules) {
        table.on(rules, PATH).post("/", this::register)
                .get("/{id}", this::get)
                .put("/{id}", this::update)
                .delete("/{id}", this::deactivate);
        if (moltbook.enabled()) {
            table.on(rules, PATH).post("/{id}/moltbook", this::linkMoltbook);
        }
    }

    private void register(ServerRequest req, ServerResponse res) {
        byte[] body = Exchange.jsonBody(req);
        AgentRequests.Register dto = Json.read(body, AgentRequests.Register.class);
        // Signing in with Moltbook: the verified identity names the agent unless the body does.
        Optional<String> token = moltbook.token(req);
        MoltbookIdentity identity = token.map(moltbook::check).orElse(null);
        String name = dto.name() == null && identity != null ? identity.name() : dto.name();
        Fields f = new Fields();
        WalletAddress wallet = AgentRequests.wallet(f, dto.wallet());
        AgentProfile profile = AgentRequests.profile(f, name, dto.description(), dto.signingKey(),
                dto.payoutEndpoint());
        f.check();
        auth.registration(req, body, profile.signingKeyBytes(), wallet.hex());
        urls.check("payoutEndpoint", profile.payoutEndpoint());
        checkA2a(dto.a2aEndpoint());
        Agent agent = Problems.valueOf(agents.register(new RegisterAgentCommand(wallet, profile)));
        if (cards != null) {
            cards.name(agent.id(), dto.a2aEndpoint());
        }
        token.ifPresent(t -> moltbook.link(agent.id(), t)); // answered from the cache: Moltbook is not asked again
        Exchange.json(res, Status.CREATED_201, view(agent));
    }

    private void get(ServerRequest req, ServerResponse res) {
        AgentId id = new AgentId(Exchange.pathId(req, "id"));
        Exchange.ok(res, view(Problems.valueOf(agents.agent(id))));
    }

    private void update(ServerRequest req, ServerResponse res) {
        AgentId id = new AgentId(Exchange.pathId(req, "id"));
        byte[] body = Exchange.jsonBody(req);
        AgentId by = auth.agent(req, body);
        AgentRequests.Update dto = Json.read(body, AgentRequests.Update.class);
        Fields f = new Fields();
        AgentProfile profile = AgentRequests.profile(f, dto.name(), dto.description(), dto.signingKey(),
                dto.payoutEndpoint());
        f.check();
        urls.check("payoutEndpoint", profile.payoutEndpoint());
        checkA2a(dto.a2aEndpoint());
        Agent updated = Problems.valueOf(agents.update(new UpdateAgentCommand(by, id, profile)));
        if (cards != null) {
            cards.name(updated.id(), dto.a2aEndpoint());
        }
        Exchange.ok(res, view(updated));
    }

    private void deactivate(ServerRequest req, ServerResponse res) {
        AgentId id = new AgentId(Exchange.pathId(req, "id"));
        AgentId by = auth.agent(req, Exchange.body(req));
        Exchange.ok(res, view(Problems.valueOf(agents.deactivate(new DeactivateAgentCommand(by, id)))));
    }

    /** Links the caller's Moltbook identity (header X-Moltbook-Identity) to itself; again refreshes the badge. */
    private void linkMoltbook(ServerRequest req, ServerResponse res) {
        AgentId id = new AgentId(Exchange.pathId(req, "id"));
        AgentId by = auth.agent(req, Exchange.body(req));
        if (!by.equals(id)) {
            throw ApiProblem.forbidden(Agent.Refusal.NOT_SELF.code(), "an agent links only its own Moltbook identity");
        }
        Agent agent = Problems.valueOf(agents.agent(id));
        String token = moltbook.token(req).orElseThrow(() -> ApiProblem.invalid(MoltbookSignIn.IDENTITY.defaultCase(),
                "the Moltbook identity token is required"));
        moltbook.link(id, token);
        Exchange.ok(res, view(agent));
    }

    /** The A2A base URL passes the cards' SSRF guard (the platform's); refused when cards are off. */
    private void checkA2a(String endpoint) {
        if (endpoint != null && cards == null) {
            throw ApiProblem.invalid("a2aEndpoint", "A2A cards are not enabled on this server");
        }
        String why = endpoint == null ? null : cards.refusal(endpoint);
        if (why != null) {
            throw ApiProblem.invalid("a2aEndpoint", why);
        }
    }

    /** The profile, with its A2A card (cached, never fetched here) when cards are on, and its reputation. */
    private Map<String, Object> view(Agent agent) {
        Map<String, Object> m = Views.agent(agent);
        if (cards != null) {
            m.put("a2a", cards.card(agent.id()).map(CardViews::card).orElse(null));
        }
        moltbook.badge(m, agent.id());
        if (reputation != null) {
            m.put("reputation", ReputationViews.summary(Problems.valueOf(reputation.reputationOf(agent.id()))));
        }
        return m;
    }
}
