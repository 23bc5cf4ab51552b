package io.moldtank.ports.service;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.JobAccounts;
import io.moldtank.domain.ledger.*;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.shared.Rejection;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.ServiceRefusal;
import io.moldtank.ports.in.wallet.*;
import io.moldtank.ports.out.chain.TreasuryGateway;
import io.moldtank.domain.shared.IdGenerator;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Internal balances against the chain. A deposit is credited once per transaction hash (the transfer
 * id is derived from it); a withdrawal is a two-phase transfer: held, sent on chain, then posted.
 * A failed send leaves the hold pending rather than voiding it: the transfer may have gone out
 * anyway, and only a reconciliation against the chain may release the reserved amount.
 */
public final class KeepingWallets implements GetBalanceQuery, CreditDepositUseCase, WithdrawUseCase,
        SimulateTransferUseCase {
    /** The outside world: the source of deposits and the sink of withdrawals. */
    static final AccountId CHAIN = AccountId.named("external:chain");

    private final RegistryStorage storage;
    private final TreasuryGateway treasury;
    private final JobAccounts accounts;
    private final Clock clock;
    private final IdGenerator ids;

    public KeepingWallets(RegistryStorage storage, TreasuryGateway treasury, JobAccounts accounts, Clock clock,
                          IdGenerator ids) {
        this.storage = storage;
        this.treasury = treasury;
        this.accounts = accounts;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Outcome<Usdc> balance(AgentId agent) {
        return storage.books().account(accounts.available(agent)).map(a -> Outcome.done(a.available()))
                .orElseGet(() -> Outcome.done(Usdc.ZERO));
    }

    @Override
    public Outcome<Usdc> credit(CreditDepositCommand c) {
        var incoming = treasury.checkIncoming(c.txHash());
        return switch (incoming) {
            case TreasuryGateway.Incoming.Confirmed ok -> Retrying.inTransaction(storage.tx(), () -> {
                Agent agent = ActiveAgents.require(storage.agents(), c.agent());
                if (!agent.wallet().equals(ok.from())) {
                    throw new Rejection(ServiceRefusal.DEPOSIT_INVALID, "the transfer came from another wallet");
                }
                open(c.agent());
                storage.books().transferAll(List.of(new TransferRequest(TransferId.named("deposit:" + c.txHash()),
                        CHAIN, accounts.available(c.agent()), ok.amount(), TransferCode.DEPOSIT)), clock.instant());
                return balance(c.agent());
            });
            case TreasuryGateway.Incoming.Pending p -> Outcome.refused(new Rejection(
                    ServiceRefusal.DEPOSIT_NOT_CONFIRMED, p.confirmations() + " of " + p.required() + " confirmations"));
            case TreasuryGateway.Incoming.Invalid bad -> Outcome.refused(new Rejection(ServiceRefusal.DEPOSIT_INVALID,
                    bad.reason()));
        };
    }

    @Override
    public boolean simulatesTransfers() {
        return treasury.simulatedWallet().isPresent();
    }

    @Override
    public Outcome<String> simulateTransfer(AgentId agent, Usdc amount) {
        if (amount.isZero() || amount.isGreaterThan(MAX_SIMULATED)) {
            throw new IllegalArgumentException("a simulated transfer sends more than 0 and at most "
                    + MAX_SIMULATED.toDecimalString() + " USDC");
        }
        var wallet = treasury.simulatedWallet();
        if (wallet.isEmpty()) {
            return Outcome.refused(new Rejection(ServiceRefusal.NO_SIMULATED_CHAIN,
                    "this deployment uses a real chain: send USDC to the treasury from your wallet"));
        }
        return storage.agents().agentById(agent)
                .<Outcome<String>>map(a -> {
                    try {
                        a.requireActive();
                    } catch (Rejection r) {
                        return Outcome.refused(r);
                    }
                    return Outcome.done(wallet.get().transfer(a.wallet(), amount));
                })
                .orElseGet(() -> Outcome.notFound("agent", agent));
    }

    @Override
    public Outcome<String> withdraw(WithdrawCommand c) {
        UUID withdrawal = ids.next();
        TransferId hold = new TransferId(withdrawal);
        Outcome<Agent> held = Retrying.inTransaction(storage.tx(), () -> {
            Agent agent = ActiveAgents.require(storage.agents(), c.agent());
            open(c.agent());
            storage.books().hold(new TransferRequest(hold, accounts.available(c.agent()), CHAIN, c.amount(),
                    TransferCode.WITHDRAWAL), clock.instant());
            return Outcome.done(agent);
        });
        if (!(held instanceof Outcome.Done<Agent> done)) {
            return switch (held) {
                case Outcome.Refused<Agent> r -> new Outcome.Refused<>(r.reason(), r.detail());
                case Outcome.NotFound<Agent> n -> new Outcome.NotFound<>(n.what(), n.id());
                case Outcome.Done<Agent> d -> throw new IllegalStateException();
            };
        }
        try {
            String tx = treasury.send(withdrawal, done.value().wallet(), c.amount());
            storage.tx().inTransaction(() -> {
                storage.books().postHold(hold, clock.instant());
                return null;
            });
            return Outcome.done(tx);
        } catch (RuntimeException e) {
            throw new IllegalStateException("withdrawal " + withdrawal + " is held pending reconciliation", e);
        }
    }

    private void open(AgentId agent) {
        storage.books().openAccount(CHAIN, AccountKind.EXTERNAL, clock.instant());
        storage.books().openAccount(accounts.available(agent), AccountKind.AGENT_AVAILABLE, clock.instant());
    }
}
