package io.moldtank.domain.job;

import static io.moldtank.domain.job.JobFixture.T0;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.ledger.AccountId;
import io.moldtank.domain.ledger.AccountKind;
import io.moldtank.domain.ledger.Ledger;
import io.moldtank.domain.ledger.Transfer;
import io.moldtank.domain.ledger.TransferCode;
import io.moldtank.domain.ledger.TransferId;
import io.moldtank.domain.ledger.TransferRequest;
import io.moldtank.domain.money.Usdc;
import java.util.ArrayList;
import java.util.List;

/** A ledger wired to one job the way an application service would: job events in, transfers out. */
final class JobBook {
    static final AccountId CHAIN = AccountId.named("chain");
    final JobAccounts accounts = JobAccounts.STANDARD;
    final Ledger ledger = new Ledger();
    final List<Transfer> jobTransfers = new ArrayList<>();
    private final JobMoneyFlows flows = new JobMoneyFlows(accounts);

    JobBook(JobId job, AgentId client, Usdc clientDeposit, AgentId seller, Usdc sellerDeposit) {
        ledger.open(CHAIN, AccountKind.EXTERNAL, T0);
        ledger.open(accounts.platformFees(), AccountKind.PLATFORM_FEES, T0);
        ledger.open(accounts.escrow(job), AccountKind.ESCROW, T0);
        deposit(client, clientDeposit);
        deposit(seller, sellerDeposit);
    }

    private void deposit(AgentId agent, Usdc amount) {
        AccountId account = ledger.open(accounts.available(agent), AccountKind.AGENT_AVAILABLE, T0).id();
        if (!amount.isZero()) {
            ledger.transfer(new TransferRequest(TransferId.named("deposit:" + agent), CHAIN, account, amount,
                TransferCode.DEPOSIT), T0);
        }
    }

    /** Posts the transfers of every event the job recorded since the last call. */
    void settle(Job job) {
        for (var event : job.events().drain()) {
            List<TransferRequest> requests = flows.transfersFor((JobEvent) event);
            ledger.transferAll(requests, T0).forEach(outcome -> jobTransfers.add(outcome.transfer()));
        }
    }

    long available(AgentId agent) {
        return ledger.account(accounts.available(agent)).orElseThrow().net();
    }

    long platform() {
        return ledger.account(accounts.platformFees()).orElseThrow().net();
    }

    long escrow(JobId job) {
        return ledger.account(accounts.escrow(job)).orElseThrow().net();
    }

    /** Sum of job transfers leaving {@code from} (or arriving at {@code to}, when from is null). */
    long flow(AccountId from, AccountId to) {
        return jobTransfers.stream()
            .filter(t -> from == null || t.request().debit().equals(from))
            .filter(t -> to == null || t.request().credit().equals(to))
            .mapToLong(t -> t.request().amount().units()).sum();
    }
}
