package io.moldtank.adapters.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.adapters.chain.ChainAdapters.ChainFailure;
import io.moldtank.adapters.chain.ChainAdapters.Connection;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.ports.out.chain.EscrowGateway;
import io.moldtank.ports.out.chain.EscrowGateway.DepositCheck;
import io.moldtank.ports.out.chain.EscrowGateway.UnsignedTx;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.DefaultBlockParameterName;

/** The web3j gateway against a real Anvil with the contracts from contracts/build. */
class Web3jEscrowGatewayTest {
    static LocalChain chain;
    static Connection connection;
    static EscrowGateway gateway;
    final Usdc reward = Usdc.ofWhole(50);
    final WalletAddress winner = new WalletAddress(LocalChain.WINNER.getAddress());

    @BeforeAll
    static void start() {
        chain = LocalChain.start();
        chain.mint(LocalChain.POSTER.getAddress(), BigInteger.valueOf(1_000_000_000_000L));
        connection = ChainAdapters.web3j(chain.settings());
        gateway = connection.escrow();
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

    static BountyId newBounty() {
        return new BountyId(UUID.randomUUID());
    }

    /** The poster signs and sends the calldata the gateway handed out; returns the deposit's tx hash. */
    String depositAsPoster(BountyId bounty, Usdc amount) {
        List<UnsignedTx> txs = gateway.depositTransactions(bounty, new WalletAddress(LocalChain.POSTER.getAddress()), amount,
                chain.now().plus(java.time.Duration.ofDays(2)));
        assertThat(txs).extracting(UnsignedTx::to).containsExactly(chain.usdc, chain.escrow);
        String hash = null;
        for (UnsignedTx tx : txs) {
            var receipt = chain.send(LocalChain.POSTER, tx.to(), tx.data());
            assertThat(receipt.isStatusOK()).as(tx.description()).isTrue();
            hash = receipt.getTransactionHash();
        }
        return hash;
    }

    @Test
    void approve_and_deposit_from_the_handed_out_calldata_is_confirmed_with_amount_and_payer() {
        BountyId bounty = newBounty();
        String tx = depositAsPoster(bounty, reward);
        assertThat(gateway.checkDeposit(bounty, tx)).isEqualTo(
                new DepositCheck.Confirmed(reward, new WalletAddress(LocalChain.POSTER.getAddress())));
        assertThat(chain.balanceOf(chain.escrow)).isGreaterThanOrEqualTo(reward.toOnChain());
    }

    @Test
    void a_deposit_is_pending_until_it_has_the_configured_confirmations() {
        try (Connection three = ChainAdapters.web3j(chain.settings().withConfirmations(3))) {
            BountyId bounty = newBounty();
            String tx = depositAsPoster(bounty, reward);
            assertThat(three.escrow().checkDeposit(bounty, tx)).isEqualTo(new DepositCheck.Pending(1, 3));
            chain.mine(2);
            assertThat(three.escrow().checkDeposit(bounty, tx)).isInstanceOf(DepositCheck.Confirmed.class);
        }
    }

    @Test
    void a_deposit_of_another_bounty_an_unknown_hash_and_a_malformed_hash_are_invalid() {
        BountyId bounty = newBounty();
        String tx = depositAsPoster(bounty, reward);
        assertThat(gateway.checkDeposit(newBounty(), tx)).isInstanceOfSatisfying(DepositCheck.Invalid.class,
                i -> assertThat(i.reason()).contains("not an escrow deposit"));
        assertThat(gateway.checkDeposit(bounty, "0x" + "ab".repeat(32))).isInstanceOfSatisfying(DepositCheck.Invalid.class,
                i -> assertThat(i.reason()).contains("no transaction"));
        assertThat(gateway.checkDeposit(bounty, "0x1234")).isInstanceOfSatisfying(DepositCheck.Invalid.class,
                i -> assertThat(i.reason()).contains("not a transaction hash"));
        // A plain token transfer to the escrow is no deposit either.
        var approve = chain.send(LocalChain.POSTER, chain.usdc, EscrowAbi.approve(chain.escrow, BigInteger.ONE));
        assertThat(gateway.checkDeposit(bounty, approve.getTransactionHash())).isInstanceOf(DepositCheck.Invalid.class);
    }

    @Test
    void a_reverted_deposit_is_invalid() {
        BountyId bounty = newBounty();
        byte[] id = BountyIds.toBytes32(bounty);
        // No approval for this amount left: the deposit is mined with status 0 (sent with a fixed gas limit).
        var receipt = chain.send(LocalChain.OTHER, chain.escrow, EscrowAbi.deposit(id, BigInteger.TEN, Long.MAX_VALUE >>> 1));
        assertThat(receipt.isStatusOK()).isFalse();
        assertThat(gateway.checkDeposit(bounty, receipt.getTransactionHash())).isInstanceOfSatisfying(
                DepositCheck.Invalid.class, i -> assertThat(i.reason()).contains("reverted"));
    }

    @Test
    void a_release_pays_the_winner_empties_the_deal_and_is_found_by_its_bounty_id() {
        BountyId bounty = newBounty();
        depositAsPoster(bounty, reward);
        BigInteger winnerBefore = chain.balanceOf(winner.hex());
        BigInteger escrowBefore = chain.balanceOf(chain.escrow);
        assertThat(gateway.findRelease(bounty)).isEmpty();

        String hash = gateway.release(new PayoutId(UUID.randomUUID()), bounty, winner, reward);

        assertThat(hash).matches("0x[0-9a-f]{64}");
        assertThat(chain.balanceOf(winner.hex())).isEqualTo(winnerBefore.add(reward.toOnChain()));
        assertThat(chain.balanceOf(chain.escrow)).isEqualTo(escrowBefore.subtract(reward.toOnChain()));
        assertThat(gateway.findRelease(bounty)).contains(new EscrowGateway.ReleaseOnChain(hash, winner, reward, true));
    }

    @Test
    void a_second_release_of_a_bounty_reverts_on_chain_and_the_first_is_still_the_one_found() throws Exception {
        BountyId bounty = newBounty();
        depositAsPoster(bounty, reward);
        String first = gateway.release(new PayoutId(UUID.randomUUID()), bounty, winner, reward);
        BigInteger qaNonce = qaNonce();

        // The same gateway remembers what it signed and does not sign again.
        assertThat(gateway.release(new PayoutId(UUID.randomUUID()), bounty, winner, reward)).isEqualTo(first);
        assertThat(qaNonce()).isEqualTo(qaNonce);

        // A gateway without that memory (another process) is stopped by the contract.
        try (Connection fresh = ChainAdapters.web3j(chain.settings())) {
            assertThatThrownBy(() -> fresh.escrow().release(new PayoutId(UUID.randomUUID()), bounty,
                    new WalletAddress(LocalChain.OTHER.getAddress()), reward))
                    .isInstanceOfSatisfying(ChainFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(ChainFailure.Kind.REVERTED);
                        assertThat(f.revertReason()).isEqualTo("NotHeld");
                    });
            assertThat(fresh.escrow().findRelease(bounty)).hasValueSatisfying(r -> {
                assertThat(r.txHash()).isEqualTo(first);
                assertThat(r.to()).isEqualTo(winner);
            });
        }
        assertThat(qaNonce()).isEqualTo(qaNonce);
    }

    @Test
    void a_release_by_a_key_without_the_qa_role_reverts_and_moves_nothing() {
        BountyId bounty = newBounty();
        depositAsPoster(bounty, reward);
        BigInteger escrowBefore = chain.balanceOf(chain.escrow);
        var rogue = new ChainAdapters.ChainSettings(chain.anvil.url, chain.anvil.chainId, chain.usdc, chain.escrow,
                "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba", 1, 0,
                java.time.Duration.ofDays(30), java.time.Duration.ofSeconds(5), java.time.Duration.ofMillis(20), 10_000, null);
        try (Connection other = ChainAdapters.web3j(rogue)) {
            assertThatThrownBy(() -> other.escrow().release(new PayoutId(UUID.randomUUID()), bounty, winner, reward))
                    .isInstanceOfSatisfying(ChainFailure.class,
                            f -> assertThat(f.revertReason()).isEqualTo("AccessControlUnauthorizedAccount"));
        }
        // Even mined (no gas estimation to stop it), the contract refuses it.
        var mined = chain.send(LocalChain.OTHER, chain.escrow,
                EscrowAbi.release(BountyIds.toBytes32(bounty), LocalChain.OTHER.getAddress(), reward.toOnChain()));
        assertThat(mined.isStatusOK()).isFalse();
        assertThat(chain.balanceOf(chain.escrow)).isEqualTo(escrowBefore);
        assertThat(gateway.findRelease(bounty)).isEmpty();
    }

    @Test
    void a_release_of_another_amount_than_deposited_reverts_with_amount_mismatch() {
        BountyId bounty = newBounty();
        depositAsPoster(bounty, reward);
        assertThatThrownBy(() -> gateway.release(new PayoutId(UUID.randomUUID()), bounty, winner, Usdc.ofWhole(49)))
                .isInstanceOfSatisfying(ChainFailure.class, f -> assertThat(f.revertReason()).isEqualTo("AmountMismatch"));
        assertThat(gateway.findRelease(bounty)).isEmpty();
    }

    @Test
    void the_poster_gets_a_refund_only_after_the_deadline_plus_24_hours() {
        BountyId bounty = newBounty();
        depositAsPoster(bounty, reward);
        String refund = EscrowAbi.refund(BountyIds.toBytes32(bounty));
        assertThat(chain.send(LocalChain.POSTER, chain.escrow, refund).isStatusOK()).isFalse();
        BigInteger before = chain.balanceOf(LocalChain.POSTER.getAddress());

        chain.increaseTime(java.time.Duration.ofDays(31).toSeconds() + 60);

        assertThat(chain.send(LocalChain.POSTER, chain.escrow, refund).isStatusOK()).isTrue();
        assertThat(chain.balanceOf(LocalChain.POSTER.getAddress())).isEqualTo(before.add(reward.toOnChain()));
        assertThatThrownBy(() -> gateway.release(new PayoutId(UUID.randomUUID()), bounty, winner, reward))
                .isInstanceOfSatisfying(ChainFailure.class, f -> assertThat(f.revertReason()).isEqualTo("NotHeld"));
    }

    @Test
    void a_release_journalled_to_a_file_is_not_signed_again_after_a_restart(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("releases.journal");
        BountyId bounty = newBounty();
        depositAsPoster(bounty, reward);
        String first;
        try (Connection before = ChainAdapters.web3j(chain.settings().withJournal(journal))) {
            first = before.escrow().release(new PayoutId(UUID.randomUUID()), bounty, winner, reward);
        }
        BigInteger qaNonce = qaNonce();
        try (Connection after = ChainAdapters.web3j(chain.settings().withJournal(journal))) {
            assertThat(after.escrow().release(new PayoutId(UUID.randomUUID()), bounty, winner, reward)).isEqualTo(first);
        }
        assertThat(qaNonce()).isEqualTo(qaNonce);
    }

    @Test
    void a_node_on_another_chain_or_without_the_escrow_contract_is_refused() {
        var s = chain.settings();
        var wrongChain = new ChainAdapters.ChainSettings(s.rpcUrl(), 8453, s.usdcAddress(), s.escrowAddress(),
                s.qaPrivateKey(), 1, 0, s.depositWindow(), s.receiptTimeout(), s.pollInterval(), s.logWindow(), null);
        assertThatThrownBy(() -> ChainAdapters.web3j(wrongChain)).isInstanceOfSatisfying(ChainFailure.class,
                f -> assertThat(f.kind()).isEqualTo(ChainFailure.Kind.WRONG_CHAIN));
        var noContract = ChainAdapters.ChainSettings.local(s.rpcUrl(), s.chainId(), s.usdcAddress(),
                LocalChain.OTHER.getAddress(), s.qaPrivateKey());
        assertThatThrownBy(() -> ChainAdapters.web3j(noContract)).isInstanceOfSatisfying(ChainFailure.class,
                f -> assertThat(f.kind()).isEqualTo(ChainFailure.Kind.NO_CONTRACT));
    }

    private BigInteger qaNonce() throws Exception {
        return chain.web3j.ethGetTransactionCount(LocalChain.QA.getAddress(), DefaultBlockParameterName.LATEST).send()
                .getTransactionCount();
    }
}
