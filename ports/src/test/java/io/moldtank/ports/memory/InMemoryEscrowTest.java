package io.moldtank.ports.memory;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.contract.EscrowGatewayContract;
import io.moldtank.ports.out.chain.EscrowGateway;

class InMemoryEscrowTest implements EscrowGatewayContract {
    private final InMemoryEscrow escrow = new InMemoryEscrow();

    @Override
    public EscrowGateway escrow() {
        return escrow;
    }

    @Override
    public String depositAsPoster(BountyId bounty, WalletAddress poster, Usdc amount) {
        escrow.mint(poster, amount);
        return escrow.deposit(bounty, poster, amount);
    }

    @Override
    public Usdc balanceOf(WalletAddress wallet) {
        return escrow.balanceOf(wallet);
    }

    @Override
    public WalletAddress wallet(int n) {
        return new WalletAddress(String.format("0x%040x", n));
    }
}
