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
import io.moldtank.ports.in.agent.DeactivateAgentCommand;
import io.moldtank.ports.in.agent.RegisterAgentCommand;
import io.moldtank.ports.in.agent.UpdateAgentCommand;
import io.moldtank.ports.service.RegisteringAgents;

/**
 * /api/v1/agents. Registration is signed by the key being registered ({@code AgentSig register:…});
 * every later change is signed by the agent itself. A payout endpoint passes the SSRF guard first.
 */
final class AgentsService implements HttpService {
    private final RegisteringAgents agents;
    private final Authenticator auth;
    private final UrlGuard urls;

    private final RouteTable table;

    AgentsService(RegisteringAgents agents, Authenticator auth, UrlGuard urls, RouteTable table) {
        this.table = table;
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
    }

    private void register(ServerRequest req, ServerResponse res) {
        byte[] body = Exchange.jsonBody(req);
        AgentRequests.Register dto = Json.read(body, AgentRequests.Register.class);
        Fields f = new Fields();
        WalletAddress wallet = AgentRequests.wallet(f, dto.wallet());
        AgentProfile profile = AgentRequests.profile(f, dto.name(), dto.description(), dto.signingKey(),
                dto.payoutEndpoint());
        f.check();
        auth.registration(req, body, profile.signingKeyBytes(), wallet.hex());
        urls.check("payoutEndpoint", profile.payoutEndpoint());
        Agent agent = Problems.valueOf(agents.register(new RegisterAgentCommand(wallet, profile)));
        Exchange.json(res, Status.CREATED_201, Views.agent(agent));
    }

    private void get(ServerRequest req, ServerResponse res) {
        AgentId id = new AgentId(Exchange.pathId(req, "id"));
        Exchange.ok(res, Views.agent(Problems.valueOf(agents.agent(id))));
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
        Exchange.ok(res, Views.agent(Problems.valueOf(agents.update(new UpdateAgentCommand(by, id, profile)))));
    }

    private void deactivate(ServerRequest req, ServerResponse res) {
        AgentId id = new AgentId(Exchange.pathId(req, "id"));
        AgentId by = auth.agent(req, Exchange.body(req));
        Exchange.ok(res, Views.agent(Problems.valueOf(agents.deactivate(new DeactivateAgentCommand(by, id)))));
    }
}
