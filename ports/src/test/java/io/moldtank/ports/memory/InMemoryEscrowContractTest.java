package io.moldtank.ports.memory;

import io.moldtank.ports.contract.EscrowGatewayContract;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.out.chain.EscrowGateway;

/** The in-process mock chain (the embedded default) against the escrow contract. */
class InMemoryEscrowContractTest implements EscrowGatewayContract {
    final InMemoryEscrow escrow = new InMemoryEscrow();

    @Override
    public EscrowGateway gateway() {
        return escrow;
    }

    @Override
    public String deposit(BountyId bounty, Usdc amount) {
        escrow.mint(poster(), amount);
        return escrow.deposit(bounty, poster(), amount);
    }

    @Override
    public WalletAddress poster() {
        return new WalletAddress("0x" + "a1".repeat(20));
    }

    @Override
    public WalletAddress winner() {
        return new WalletAddress("0x" + "b2".repeat(20));
    }
}
