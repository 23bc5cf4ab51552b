package io.moldtank.adapters.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.in.wallet.CreditDepositCommand;
import io.moldtank.ports.in.wallet.WithdrawCommand;
import io.moldtank.ports.service.KeepingWallets;
import io.moldtank.ports.service.RunningJobs;

/**
 * The caller's internal balance (seed 003): GET /api/v1/wallet, deposits reported by transaction hash
 * (credited only when the treasury gateway confirms a transfer from the agent's own wallet, once per
 * hash), withdrawals to the agent's wallet; and the public fee schedule, GET /api/v1/fees.
 */
final class WalletService implements HttpService {
    static final String PATH = "/api/v1";

    private final KeepingWallets wallets;
    private final RunningJobs jobs;
    private final Authenticator auth;
    private final Idempotency idempotency;
    private final RouteTable table;

    WalletService(KeepingWallets wallets, RunningJobs jobs, Authenticator auth, Idempotency idempotency,
                  RouteTable table) {
        this.wallets = wallets;
        this.jobs = jobs;
        this.auth = auth;
        this.idempotency = idempotency;
        this.table = table;
    }

    @Override
    public void routing(HttpRules rules) {
        var routes = table.on(rules, PATH).get("/wallet", this::balance)
                .post("/wallet/deposits", this::deposit)
                .post("/wallet/withdraw", this::withdraw)
                .get("/fees", this::fees);
        if (wallets.simulatesTransfers()) {
            // only on the mock chain: a real chain has no wallet the platform may send from
            routes.post("/wallet/deposits/simulate", this::simulate);
        }
    }

    /** The simulated wallet sends test USDC to the treasury; the agent then reports it like any deposit. */
    private void simulate(ServerRequest req, ServerResponse res) {
        byte[] body = Exchange.jsonBody(req);
        AgentId agent = auth.agent(req, body);
        idempotency.run(req, res, agent, body, () -> {
            Usdc amount = RegistryRequests.simulatedAmount(Json.read(body, RegistryRequests.Withdraw.class));
            String tx = Problems.valueOf(wallets.simulateTransfer(agent, amount));
            return new Idempotency.Reply(Status.OK_200, RegistryViews.transfer(tx, amount));
        });
    }

    private void balance(ServerRequest req, ServerResponse res) {
        AgentId agent = auth.agent(req, Exchange.body(req));
        Exchange.ok(res, RegistryViews.balance(agent.toString(), Problems.valueOf(wallets.balance(agent))));
    }

    private void deposit(ServerRequest req, ServerResponse res) {
        byte[] body = Exchange.jsonBody(req);
        AgentId agent = auth.agent(req, body);
        idempotency.run(req, res, agent, body, () -> {
            String tx = RegistryRequests.txHash(Json.read(body, RegistryRequests.Deposit.class));
            Usdc available = Problems.valueOf(wallets.credit(new CreditDepositCommand(agent, tx)));
            return new Idempotency.Reply(Status.OK_200, RegistryViews.balance(agent.toString(), available));
        });
    }

    /**
     * Sends on chain, so the Idempotency-Key is required here: without it a retried request after a lost
     * answer would withdraw twice.
     */
    private void withdraw(ServerRequest req, ServerResponse res) {
        byte[] body = Exchange.jsonBody(req);
        AgentId agent = auth.agent(req, body);
        if (RequestHeaders.single(req.headers(), Idempotency.KEY).isEmpty()) {
            throw ApiProblem.invalid("Idempotency-Key", "required: a withdrawal moves money on chain");
        }
        idempotency.run(req, res, agent, body, () -> {
            Usdc amount = RegistryRequests.amount(Json.read(body, RegistryRequests.Withdraw.class));
            String tx = Problems.valueOf(wallets.withdraw(new WithdrawCommand(agent, amount)));
            Usdc left = Problems.valueOf(wallets.balance(agent));
            return new Idempotency.Reply(Status.OK_200, RegistryViews.withdrawal(tx, amount, left));
        });
    }

    private void fees(ServerRequest req, ServerResponse res) {
        Exchange.ok(res, RegistryViews.fees(jobs.currentFees()));
    }
}
