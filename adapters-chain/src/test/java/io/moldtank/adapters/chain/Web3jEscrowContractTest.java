package io.moldtank.adapters.chain;

import io.moldtank.ports.contract.EscrowGatewayContract;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.adapters.chain.ChainAdapters.Connection;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.out.chain.EscrowGateway;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The web3j gateway on Anvil against the same escrow contract as the mock chain. */
class Web3jEscrowContractTest implements EscrowGatewayContract {
    static LocalChain chain;
    static Connection connection;

    @BeforeAll
    static void start() {
        chain = LocalChain.start();
        chain.mint(LocalChain.POSTER.getAddress(), BigInteger.valueOf(1_000_000_000_000L));
        connection = ChainAdapters.web3j(chain.settings());
    }

    @AfterAll
    static void stop() {
        if (connection != null) {
            connection.close();
        }
        if (chain != null) {
            chain.close();
        }
    }

    @Override
    public EscrowGateway gateway() {
        return connection.escrow();
    }

    @Override
    public String deposit(BountyId bounty, Usdc amount) {
        String hash = null;
        for (var tx : gateway().depositTransactions(bounty, poster(), amount, chain.now().plus(java.time.Duration.ofDays(2)))) {
            var receipt = chain.send(LocalChain.POSTER, tx.to(), tx.data());
            assertThat(receipt.isStatusOK()).isTrue();
            hash = receipt.getTransactionHash();
        }
        return hash;
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
