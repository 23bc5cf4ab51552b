package io.moldtank.ports.service;

import io.moldtank.domain.bounty.Bounty;
import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.domain.shared.Rejection;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.ServiceRefusal;
import io.moldtank.ports.in.bounty.*;
import io.moldtank.ports.out.chain.EscrowGateway;
import io.moldtank.ports.out.chain.EscrowGateway.DepositCheck;
import io.moldtank.ports.out.storage.AgentDirectory;
import java.time.Clock;

/** Seed 000 §3.1: draft → unsigned approve + deposit transactions → confirm with the tx hash → OPEN. */
public final class FundingBounty implements RequestDepositUseCase, ConfirmDepositUseCase, SimulateDepositUseCase {
    private final BountyStore bounties;
    private final AgentDirectory agents;
    private final EscrowGateway escrow;
    private final Clock clock;

    public FundingBounty(Storage storage, EscrowGateway escrow, Clock clock) {
        this.bounties = storage.bounties();
        this.agents = storage.agents();
        this.escrow = escrow;
        this.clock = clock;
    }

    @Override
    public Outcome<DepositInstructions> requestDeposit(RequestDepositCommand c) {
        return Retrying.inTransaction(bounties.tx(), () -> bounties.load().loadBounty(c.bountyId())
                .<Outcome<DepositInstructions>>map(b -> {
                    var poster = ActiveAgents.require(agents, c.by());
                    b.requestDeposit(c.by(), clock.instant());
                    bounties.store(b);
                    var amount = b.terms().reward();
                    return Outcome.done(new DepositInstructions(b.id(), amount,
                            escrow.depositTransactions(b.id(), poster.wallet(), amount, b.terms().deadline())));
                })
                .orElseGet(() -> Outcome.notFound("bounty", c.bountyId())));
    }

    @Override
    public boolean simulatesDeposits() {
        return escrow.simulatedWallet().isPresent();
    }

    /** The same checks as a request for instructions; then the simulated wallet pays, outside any transaction. */
    @Override
    public Outcome<SimulatedDeposit> simulateDeposit(RequestDepositCommand c) {
        var wallet = escrow.simulatedWallet();
        if (wallet.isEmpty()) {
            return Outcome.refused(new Rejection(ServiceRefusal.NO_SIMULATED_CHAIN,
                    "this deployment uses a real chain: sign and send the deposit instructions with your wallet"));
        }
        return switch (requestDeposit(c)) {
            case Outcome.Done<DepositInstructions> d -> {
                var payer = ActiveAgents.require(agents, c.by()).wallet();
                try {
                    String tx = wallet.get().deposit(c.bountyId(), payer, d.value().amount());
                    yield Outcome.done(new SimulatedDeposit(c.bountyId(), d.value().amount(), tx));
                } catch (IllegalStateException revert) {
                    yield Outcome.refused(new Rejection(ServiceRefusal.DEPOSIT_INVALID, revert.getMessage()));
                }
            }
            case Outcome.Refused<DepositInstructions> r -> new Outcome.Refused<>(r.reason(), r.detail());
            case Outcome.NotFound<DepositInstructions> n -> new Outcome.NotFound<>(n.what(), n.id());
        };
    }

    /** The chain is asked first, outside the transaction; only a confirmed deposit opens the bounty. */
    @Override
    public Outcome<BountySnapshot> confirmDeposit(ConfirmDepositCommand c) {
        DepositCheck check = escrow.checkDeposit(c.bountyId(), c.txHash());
        return switch (check) {
            case DepositCheck.Confirmed ok -> bounties.change(c.bountyId(),
                    (Bounty b) -> b.confirmDeposit(ok.amount(), c.txHash(), clock.instant()));
            case DepositCheck.Pending p -> Outcome.refused(new Rejection(ServiceRefusal.DEPOSIT_NOT_CONFIRMED,
                    p.confirmations() + " of " + p.required() + " confirmations so far; try again shortly"));
            case DepositCheck.Invalid bad -> Outcome.refused(new Rejection(ServiceRefusal.DEPOSIT_INVALID, bad.reason()));
        };
    }
}
