package io.moldtank.adapters.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.adapters.chain.ChainAdapters.ChainFailure;
import io.moldtank.adapters.chain.ChainAdapters.Connection;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.out.chain.TreasuryGateway;
import io.moldtank.ports.out.chain.TreasuryGateway.Incoming;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;

/** The web3j treasury against a real Anvil with TestUSDC from contracts/build. */
class Web3jTreasuryGatewayTest {
    static final String TREASURY_KEY = "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e";
    static LocalChain chain;
    static Connection connection;
    static TreasuryGateway treasury;
    static final String treasuryAddress = LocalChain.TREASURY.getAddress();
    final WalletAddress poster = new WalletAddress(LocalChain.POSTER.getAddress());

    @BeforeAll
    static void start() {
        chain = LocalChain.start();
        chain.mint(LocalChain.POSTER.getAddress(), BigInteger.valueOf(1_000_000_000_000L));
        connection = ChainAdapters.web3j(chain.settings());
        treasury = connection.treasury(TREASURY_KEY, null);
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

    TransactionReceipt transfer(Credentials from, String token, String to, long units) {
        return chain.send(from, token, EscrowAbi.transfer(to, BigInteger.valueOf(units)));
    }

    /** A wallet no test pays from or to but the one that asks for it. */
    static WalletAddress freshWallet() {
        String hex = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        return new WalletAddress("0x" + hex.substring(0, 40));
    }

    @Test
    void a_usdc_transfer_into_the_treasury_is_confirmed_with_its_sender_and_exact_amount() {
        // 12.345678 USDC: all six decimals must survive, unrounded.
        String tx = transfer(LocalChain.POSTER, chain.usdc, treasuryAddress, 12_345_678L).getTransactionHash();
        assertThat(treasury.checkIncoming(tx)).isEqualTo(new Incoming.Confirmed(poster, Usdc.ofUnits(12_345_678L)));
    }

    @Test
    void the_same_transfer_spelled_in_upper_case_is_refused_so_it_cannot_be_credited_twice() {
        String tx = transfer(LocalChain.POSTER, chain.usdc, treasuryAddress, 1L).getTransactionHash();
        assertThat(treasury.checkIncoming(tx)).isInstanceOf(Incoming.Confirmed.class);
        assertThat(treasury.checkIncoming("0x" + tx.substring(2).toUpperCase())).isInstanceOfSatisfying(
                Incoming.Invalid.class, i -> assertThat(i.reason()).contains("lower-case"));
    }

    @Test
    void a_transfer_is_pending_until_it_has_the_configured_confirmations() {
        try (Connection three = ChainAdapters.web3j(chain.settings().withConfirmations(3))) {
            TreasuryGateway gateway = three.treasury(TREASURY_KEY, null);
            String tx = transfer(LocalChain.POSTER, chain.usdc, treasuryAddress, 1_000_000L).getTransactionHash();
            assertThat(gateway.checkIncoming(tx)).isEqualTo(new Incoming.Pending(1, 3));
            chain.mine(2);
            assertThat(gateway.checkIncoming(tx)).isEqualTo(new Incoming.Confirmed(poster, Usdc.ofWhole(1)));
        }
    }

    @Test
    void a_transfer_to_someone_else_an_unknown_hash_and_a_malformed_hash_are_invalid() {
        String elsewhere = transfer(LocalChain.POSTER, chain.usdc, LocalChain.OTHER.getAddress(), 5L).getTransactionHash();
        assertThat(treasury.checkIncoming(elsewhere)).isInstanceOfSatisfying(Incoming.Invalid.class,
                i -> assertThat(i.reason()).contains("no USDC transfer to the treasury"));
        assertThat(treasury.checkIncoming("0x" + "ab".repeat(32))).isInstanceOfSatisfying(Incoming.Invalid.class,
                i -> assertThat(i.reason()).contains("no transaction"));
        assertThat(treasury.checkIncoming("0x1234")).isInstanceOfSatisfying(Incoming.Invalid.class,
                i -> assertThat(i.reason()).contains("not a transaction hash"));
    }

    @Test
    void a_reverted_transfer_is_invalid() {
        // OTHER holds no USDC: mined with status 0 (sent with a fixed gas limit).
        TransactionReceipt receipt = transfer(LocalChain.OTHER, chain.usdc, treasuryAddress, 7L);
        assertThat(receipt.isStatusOK()).isFalse();
        assertThat(treasury.checkIncoming(receipt.getTransactionHash())).isInstanceOfSatisfying(Incoming.Invalid.class,
                i -> assertThat(i.reason()).contains("reverted"));
    }

    @Test
    void a_transaction_holding_two_usdc_transfers_into_the_treasury_is_refused_not_summed() {
        // the escrow's releaseBatch paying two bounties to the treasury: two Transfer logs in one receipt
        byte[] first = randomId();
        byte[] second = randomId();
        long deadline = chain.now().plusSeconds(2 * 86_400).getEpochSecond();
        assertThat(chain.send(LocalChain.POSTER, chain.usdc, EscrowAbi.approve(chain.escrow, BigInteger.valueOf(3_000_000)))
                .isStatusOK()).isTrue();
        assertThat(chain.send(LocalChain.POSTER, chain.escrow, EscrowAbi.deposit(first, BigInteger.valueOf(1_000_000),
                deadline)).isStatusOK()).isTrue();
        assertThat(chain.send(LocalChain.POSTER, chain.escrow, EscrowAbi.deposit(second, BigInteger.valueOf(2_000_000),
                deadline)).isStatusOK()).isTrue();
        String batch = FunctionEncoder.encode(new Function("releaseBatch", List.of(
                new DynamicArray<>(Bytes32.class, new Bytes32(first), new Bytes32(second)),
                new DynamicArray<>(Address.class, new Address(treasuryAddress), new Address(treasuryAddress)),
                new DynamicArray<>(Uint256.class, new Uint256(1_000_000), new Uint256(2_000_000))), List.of()));
        TransactionReceipt receipt = chain.send(LocalChain.QA, chain.escrow, batch);
        assertThat(receipt.isStatusOK()).isTrue();
        assertThat(receipt.getLogs().stream().filter(l -> l.getTopics().getFirst().equalsIgnoreCase(EscrowAbi.TRANSFER_TOPIC)))
                .hasSize(2);

        assertThat(treasury.checkIncoming(receipt.getTransactionHash())).isInstanceOfSatisfying(Incoming.Invalid.class,
                i -> assertThat(i.reason()).contains("2 USDC transfers to the treasury"));
    }

    private static byte[] randomId() {
        byte[] id = new byte[32];
        new java.security.SecureRandom().nextBytes(id);
        return id;
    }

    @Test
    void a_transfer_of_another_token_into_the_treasury_is_invalid() {
        String fake = chain.deployToken("Fake USDC");
        chain.mint(fake, LocalChain.POSTER.getAddress(), BigInteger.valueOf(1_000_000L));
        TransactionReceipt receipt = transfer(LocalChain.POSTER, fake, treasuryAddress, 1_000_000L);
        assertThat(receipt.isStatusOK()).isTrue();
        assertThat(treasury.checkIncoming(receipt.getTransactionHash())).isInstanceOfSatisfying(Incoming.Invalid.class,
                i -> assertThat(i.reason()).contains("no USDC transfer to the treasury"));
    }

    @Test
    void a_withdrawal_pays_exactly_once_per_id_across_retries_and_a_restart(@TempDir Path dir) {
        chain.mint(treasuryAddress, BigInteger.valueOf(10_000_000L));
        WalletAddress to = freshWallet();
        UUID withdrawal = UUID.randomUUID();
        Usdc amount = Usdc.ofUnits(2_500_001L);
        Path journal = dir.resolve("withdrawals.journal");
        String hash;
        try (Connection before = ChainAdapters.web3j(chain.settings())) {
            TreasuryGateway gateway = before.treasury(TREASURY_KEY, journal);
            hash = gateway.send(withdrawal, to, amount);
            assertThat(gateway.send(withdrawal, to, amount)).isEqualTo(hash);
        }
        try (Connection after = ChainAdapters.web3j(chain.settings())) {
            TreasuryGateway restarted = after.treasury(TREASURY_KEY, journal);
            assertThat(restarted.send(withdrawal, to, amount)).isEqualTo(hash);
            assertThat(chain.balanceOf(to.hex())).isEqualTo(amount.toOnChain());
            // Another withdrawal id is another payment.
            String second = restarted.send(UUID.randomUUID(), to, Usdc.ofUnits(1L));
            assertThat(second).isNotEqualTo(hash);
            assertThat(chain.balanceOf(to.hex())).isEqualTo(BigInteger.valueOf(2_500_002L));
        }
    }

    @Test
    void a_withdrawal_journalled_but_not_broadcast_before_a_crash_is_sent_with_the_same_bytes_after_restart(
            @TempDir Path dir) {
        chain.mint(treasuryAddress, BigInteger.valueOf(3_000_000L));
        WalletAddress to = freshWallet();
        UUID withdrawal = UUID.randomUUID();
        Path file = dir.resolve("withdrawals.journal");
        WithdrawalJournal durable = WithdrawalJournal.file(file);
        WithdrawalJournal crashesAfterWriting = new WithdrawalJournal() {
            @Override
            public void record(Entry entry) {
                durable.record(entry);
                throw new IllegalStateException("crash between journal and broadcast");
            }

            @Override
            public java.util.List<Entry> forWithdrawal(UUID id) {
                return durable.forWithdrawal(id);
            }
        };
        assertThatThrownBy(() -> gatewayOver(crashesAfterWriting).send(withdrawal, to, Usdc.ofWhole(3)))
                .hasMessageContaining("crash");
        assertThat(chain.balanceOf(to.hex())).isZero();
        String signedBeforeCrash = WithdrawalJournal.file(file).forWithdrawal(withdrawal).get(0).txHash();

        String hash = gatewayOver(WithdrawalJournal.file(file)).send(withdrawal, to, Usdc.ofWhole(3));
        assertThat(hash).isEqualTo(signedBeforeCrash);
        assertThat(chain.balanceOf(to.hex())).isEqualTo(BigInteger.valueOf(3_000_000L));
        assertThat(WithdrawalJournal.file(file).forWithdrawal(withdrawal)).hasSize(1);
    }

    @Test
    void a_withdrawal_beyond_the_treasury_balance_is_refused_before_signing_and_journals_nothing(@TempDir Path dir) {
        Path file = dir.resolve("withdrawals.journal");
        WalletAddress to = freshWallet();
        UUID withdrawal = UUID.randomUUID();
        BigInteger held = chain.balanceOf(treasuryAddress);
        Usdc tooMuch = Usdc.fromOnChain(held.add(BigInteger.ONE));
        assertThatThrownBy(() -> gatewayOver(WithdrawalJournal.file(file)).send(withdrawal, to, tooMuch))
                .isInstanceOfSatisfying(ChainFailure.class, f -> assertThat(f.kind()).isEqualTo(ChainFailure.Kind.REVERTED));
        assertThat(chain.balanceOf(to.hex())).isZero();
        assertThat(chain.balanceOf(treasuryAddress)).isEqualTo(held);
        assertThat(WithdrawalJournal.file(file).forWithdrawal(withdrawal)).isEmpty();
        assertThatThrownBy(() -> treasury.send(withdrawal, to, Usdc.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The gateway as Web3jConnection builds it, over a journal the test controls. */
    static TreasuryGateway gatewayOver(WithdrawalJournal journal) {
        Credentials key = Credentials.create(TREASURY_KEY);
        Node node = new Node(chain.web3j);
        QaWallet wallet = new QaWallet(node, key, new RawTransactionManager(chain.web3j, key, chain.anvil.chainId),
                chain.anvil.chainId, ReleaseJournal.none(), java.time.Duration.ofSeconds(10), java.time.Duration.ofMillis(50));
        return new Web3jTreasuryGateway(chain.settings(), node, wallet, journal);
    }
}
