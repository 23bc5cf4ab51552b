package io.moldtank.adapters.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import java.time.Duration;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Escrow movements made straight on the contract by its parties' keys (poster, QA, multisig), each
 * asserted to succeed; returns transaction hashes. Deadlines follow the chain's clock.
 */
final class EscrowMoves {
    static final Duration DEADLINE = Duration.ofDays(2);
    private final LocalChain chain;

    EscrowMoves(LocalChain chain) {
        this.chain = chain;
    }

    /** Approve and deposit by the poster under any bytes32, ours or not. */
    String deposit(byte[] id, Usdc amount) {
        ok(LocalChain.POSTER, chain.usdc, EscrowAbi.approve(chain.escrow, amount.toOnChain()));
        long deadline = chain.now().plus(DEADLINE).getEpochSecond();
        return ok(LocalChain.POSTER, chain.escrow, EscrowAbi.deposit(id, amount.toOnChain(), deadline))
                .getTransactionHash();
    }

    String release(BountyId bounty, WalletAddress winner, Usdc amount) {
        return releaseReceipt(bounty, winner, amount).getTransactionHash();
    }

    TransactionReceipt releaseReceipt(BountyId bounty, WalletAddress winner, Usdc amount) {
        return ok(LocalChain.QA, chain.escrow, EscrowAbi.release(BountyIds.toBytes32(bounty), winner.hex(),
                amount.toOnChain()));
    }

    /** Only after the deadline plus the contract's 24 h grace: move the chain's time first. */
    String refund(BountyId bounty) {
        return ok(LocalChain.POSTER, chain.escrow, EscrowAbi.refund(BountyIds.toBytes32(bounty))).getTransactionHash();
    }

    String emergencyWithdraw(BountyId bounty, WalletAddress to) {
        return ok(LocalChain.MULTISIG, chain.escrow, FunctionEncoder.encode(new Function("emergencyWithdraw",
                List.of(new Bytes32(BountyIds.toBytes32(bounty)), new Address(to.hex())), List.of())))
                .getTransactionHash();
    }

    /** The test token refuses transfers to a blacklisted address, as USDC does; the deployer lists. */
    void blacklist(WalletAddress account) {
        ok(LocalChain.DEPLOYER, chain.usdc, FunctionEncoder.encode(new Function("setBlacklisted",
                List.of(new Address(account.hex()), new Bool(true)), List.of())));
    }

    private TransactionReceipt ok(Credentials from, String to, String data) {
        TransactionReceipt receipt = chain.send(from, to, data);
        assertThat(receipt.isStatusOK()).as("transaction to %s from %s", to, from.getAddress()).isTrue();
        return receipt;
    }
}
