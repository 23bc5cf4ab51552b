package io.moldtank.adapters.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.domain.bounty.BountyTerms;
import io.moldtank.ports.in.bounty.CancelBountyCommand;
import io.moldtank.ports.in.bounty.ConfirmDepositCommand;
import io.moldtank.ports.in.bounty.PostBountyCommand;
import io.moldtank.ports.in.bounty.RefundBountyCommand;
import io.moldtank.ports.in.bounty.RequestDepositCommand;
import io.moldtank.domain.payout.Payout;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.waiting.WakeUp;
import io.moldtank.ports.in.search.DiscoveryUseCases;
import io.moldtank.ports.out.search.BountyHit;
import io.moldtank.ports.out.storage.Page;
import io.moldtank.ports.service.Core;
import java.util.Map;

/**
 * /api/v1/bounties: draft, list, read, cancel, the deposit flow (instructions → confirm → OPEN),
 * refund and payout state. Writes are AgentSig-signed; reads are public.
 */
final class BountiesService implements HttpService {
    private final Core core;
    private final Authenticator auth;
    private final Idempotency idempotency;

    private final RouteTable table;
    private final RenderedBounties rendered = new RenderedBounties();
    private final Waits waits;
    /** Null when text search is not wired: a q is then refused. */
    private final DiscoveryUseCases discovery;

    BountiesService(Core core, Authenticator auth, Idempotency idempotency, RouteTable table, Waits waits,
                    DiscoveryUseCases discovery) {
        this.waits = waits;
        this.discovery = discovery;
        this.table = table;
        this.core = core;
        this.auth = auth;
        this.idempotency = idempotency;
    }

    static final String PATH = "/api/v1/bounties";

    @Override
    public void routing(HttpRules rules) {
        var routes = table.on(rules, PATH).post("/", this::create)
                .get("/", this::list)
                .get("/{id}", this::get)
                .delete("/{id}", this::cancel)
                .post("/{id}/deposit", this::deposit)
                .post("/{id}/deposit/confirm", this::confirm)
                .post("/{id}/refund", this::refund)
                .get("/{id}/payout", this::payout);
        if (core.funding().simulatesDeposits()) {
            // only on the mock chain: a real chain has no wallet the platform may sign with
            routes.post("/{id}/deposit/simulate", this::simulate);
        }
    }

    private void create(ServerRequest req, ServerResponse res) {
        byte[] body = Exchange.jsonBody(req);
        AgentId poster = auth.agent(req, body);
        idempotency.run(req, res, poster, body, () -> {
            BountyTerms terms = BountyRequests.terms(Json.read(body, BountyRequests.Create.class));
            BountySnapshot b = Problems.valueOf(core.posting().post(new PostBountyCommand(poster, terms)));
            return new Idempotency.Reply(Status.CREATED_201, Views.bounty(b));
        });
    }

    private void list(ServerRequest req, ServerResponse res) {
        if (req.query().contains("q")) {
            search(req, res);
            return;
        }
        Page<BountySnapshot> page;
        try {
            page = core.browsing().bounties(ListQuery.from(req.query()));
        } catch (IllegalArgumentException e) {
            // Storage refuses a cursor it did not issue (or one whose item is gone).
            throw ApiProblem.invalid("after", e.getMessage());
        }
        Exchange.okJson(res, rendered.page(page));
    }

    /** GET /api/v1/bounties?q=…: the same filters over a text search, each bounty with its relevance. */
    private void search(ServerRequest req, ServerResponse res) {
        if (discovery == null) {
            throw ApiProblem.invalid("q", "text search is not enabled on this server");
        }
        Page<BountyHit> page;
        try {
            page = discovery.searchBounties(ListQuery.search(req.query()));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("after", e.getMessage());
        }
        Exchange.ok(res, Views.page(page.items().stream().map(h -> {
            Map<String, Object> m = Views.bounty(h.bounty());
            m.put("relevance", h.relevance());
            return m;
        }).toList(), page.next()));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Exchange.okJson(res, rendered.bounty(Problems.valueOf(core.browsing().bounty(id(req)))));
    }

    private void cancel(ServerRequest req, ServerResponse res) {
        BountyId id = id(req);
        AgentId by = auth.agent(req, Exchange.body(req));
        Exchange.ok(res, Views.bounty(Problems.valueOf(core.posting().cancel(new CancelBountyCommand(by, id)))));
    }

    private void deposit(ServerRequest req, ServerResponse res) {
        BountyId id = id(req);
        AgentId by = auth.agent(req, Exchange.body(req));
        Exchange.ok(res, Views.deposit(Problems.valueOf(core.funding().requestDeposit(
                new RequestDepositCommand(by, id)))));
    }

    /** The simulated wallet pays the poster's deposit; the poster then confirms it like any other. */
    private void simulate(ServerRequest req, ServerResponse res) {
        BountyId id = id(req);
        byte[] body = Exchange.body(req);
        AgentId by = auth.agent(req, body);
        idempotency.run(req, res, by, body, () -> new Idempotency.Reply(Status.OK_200, Views.simulatedDeposit(
                Problems.valueOf(core.funding().simulateDeposit(new RequestDepositCommand(by, id))))));
    }

    private void confirm(ServerRequest req, ServerResponse res) {
        BountyId id = id(req);
        byte[] body = Exchange.jsonBody(req);
        AgentId by = auth.agent(req, body);
        idempotency.run(req, res, by, body, () -> {
            BountyRequests.Confirm dto = Json.read(body, BountyRequests.Confirm.class);
            Fields f = new Fields();
            String tx = f.required("txHash", dto.txHash());
            if (tx != null && !tx.matches("0x[0-9a-fA-F]{64}")) {
                f.add("txHash", "a transaction hash: 0x followed by 64 hex characters");
            }
            f.check();
            requirePoster(id, by);
            BountySnapshot b = Problems.valueOf(core.funding().confirmDeposit(new ConfirmDepositCommand(id, tx)));
            return new Idempotency.Reply(Status.OK_200, Views.bounty(b));
        });
    }

    private void refund(ServerRequest req, ServerResponse res) {
        BountyId id = id(req);
        byte[] body = Exchange.body(req);
        AgentId by = auth.agent(req, body);
        idempotency.run(req, res, by, body, () -> new Idempotency.Reply(Status.OK_200, Views.bounty(
                Problems.valueOf(core.closing().refund(new RefundBountyCommand(by, id))))));
    }

    /** 404 until the award; {@code ?wait=} may hold it until the payout appears (status NONE before it exists). */
    private void payout(ServerRequest req, ServerResponse res) {
        BountyId id = id(req);
        Problems.valueOf(core.browsing().bounty(id));
        Payout payout = waits.hold(req, Waits.PAYOUT, () -> core.browsing().payoutOf(id) instanceof Outcome.Done<Payout> d
                ? d.value() : null, p -> WakeUp.onBounty(id));
        if (payout == null) {
            throw ApiProblem.notFound("payout of bounty", id.toString());
        }
        Exchange.ok(res, Views.payout(payout));
    }

    /** Confirming takes no "by" in the use case; only the poster may report its deposit here. */
    private void requirePoster(BountyId id, AgentId by) {
        BountySnapshot b = Problems.valueOf(core.browsing().bounty(id));
        if (!b.poster().equals(by)) {
            throw ApiProblem.forbidden("not-poster", "only the poster confirms the deposit");
        }
    }

    private static BountyId id(ServerRequest req) {
        return new BountyId(Exchange.pathId(req, "id"));
    }
}
