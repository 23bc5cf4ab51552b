package io.moldtank.ports.memory;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.out.chain.TreasuryGateway;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The treasury wallet in memory: transfers in are recorded by {@link #receive}, sends are idempotent per id. */
public final class InMemoryTreasury implements TreasuryGateway {
    private record In(WalletAddress from, Usdc amount) {
    }

    private final Map<String, In> incoming = new HashMap<>();
    private final Map<UUID, String> sent = new HashMap<>();
    private Usdc balance = Usdc.ZERO;
    private int txs;

    /** An agent's wallet sends USDC to the treasury; returns the tx hash to report. */
    public synchronized String receive(WalletAddress from, Usdc amount) {
        String hash = String.format("0x%064x", 0x7000_0000L + ++txs);
        incoming.put(hash, new In(from, amount));
        balance = balance.plus(amount);
        return hash;
    }

    /** Test USDC sent from the agent's wallet, as a transfer it reports by hash like any other. */
    @Override
    public Optional<SimulatedTransfer> simulatedWallet() {
        return Optional.of(this::receive);
    }

    public synchronized Usdc balance() {
        return balance;
    }

    @Override
    public synchronized Incoming checkIncoming(String txHash) {
        In in = incoming.get(txHash);
        return in == null ? new Incoming.Invalid("no transfer to the treasury with hash " + txHash)
                : new Incoming.Confirmed(in.from(), in.amount());
    }

    @Override
    public synchronized String send(UUID withdrawalId, WalletAddress to, Usdc amount) {
        return sent.computeIfAbsent(withdrawalId, id -> {
            balance = balance.minus(amount);
            return String.format("0x%064x", 0x8000_0000L + ++txs);
        });
    }
}
