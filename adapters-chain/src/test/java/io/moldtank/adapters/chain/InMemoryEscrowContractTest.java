package io.moldtank.adapters.chain;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.memory.InMemoryEscrow;
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
        return new WalletAddress(LocalChain.POSTER.getAddress());
    }

    @Override
    public WalletAddress winner() {
        return new WalletAddress(LocalChain.WINNER.getAddress());
    }
}
