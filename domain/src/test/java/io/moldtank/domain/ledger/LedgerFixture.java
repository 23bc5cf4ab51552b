package io.moldtank.domain.ledger;

import io.moldtank.domain.money.Usdc;
import java.time.Instant;

/** A small ledger with the chain, two agents, one escrow and the platform's fee account. */
final class LedgerFixture {
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final AccountId CHAIN = AccountId.named("chain");
    static final AccountId ALICE = AccountId.named("agent:alice:available");
    static final AccountId BOB = AccountId.named("agent:bob:available");
    static final AccountId ESCROW = AccountId.named("escrow:job-1");
    static final AccountId FEES = AccountId.named("platform:fees");
    static final AccountId[] ALL = {CHAIN, ALICE, BOB, ESCROW, FEES};

    private LedgerFixture() {}

    static Ledger ledger() {
        Ledger ledger = new Ledger();
        ledger.open(CHAIN, AccountKind.EXTERNAL, T0);
        ledger.open(ALICE, AccountKind.AGENT_AVAILABLE, T0);
        ledger.open(BOB, AccountKind.AGENT_AVAILABLE, T0);
        ledger.open(ESCROW, AccountKind.ESCROW, T0);
        ledger.open(FEES, AccountKind.PLATFORM_FEES, T0);
        ledger.events().drain();
        return ledger;
    }

    static TransferRequest move(String id, AccountId from, AccountId to, long units, TransferCode code) {
        return new TransferRequest(TransferId.named(id), from, to, Usdc.ofUnits(units), code);
    }

    static TransferRequest deposit(String id, AccountId to, long units) {
        return move(id, CHAIN, to, units, TransferCode.DEPOSIT);
    }

    static Usdc available(Ledger ledger, AccountId id) {
        return ledger.account(id).orElseThrow().available();
    }
}
