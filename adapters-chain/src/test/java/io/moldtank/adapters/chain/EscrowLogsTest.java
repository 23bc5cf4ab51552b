package io.moldtank.adapters.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.adapters.chain.ChainAdapters.Connection;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.reconciliation.EscrowEntry;
import io.moldtank.domain.reconciliation.EscrowEntry.Kind;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/** The escrow history over a real Anvil: each movement once, with its party, amount and hash, once confirmed, in chain order. */
class EscrowLogsTest {
    static LocalChain chain;
    static EscrowMoves moves;
    static Connection connection;
    final WalletAddress poster = new WalletAddress(LocalChain.POSTER.getAddress());
    final WalletAddress winner = new WalletAddress(LocalChain.WINNER.getAddress());

    @BeforeAll
    static void start() {
        chain = LocalChain.start();
        moves = new EscrowMoves(chain);
        chain.mint(LocalChain.POSTER.getAddress(), Usdc.ofWhole(1_000_000).toOnChain());
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

    static BountyId newBounty() {
        return new BountyId(UUID.randomUUID());
    }

    static List<EscrowEntry> of(BountyId bounty, List<EscrowEntry> entries) {
        return entries.stream().filter(e -> e.bountyId().equals(bounty)).toList();
    }

    @Test
    void a_deposit_a_release_a_refund_and_an_emergency_withdrawal_each_appear_once_in_chain_order() {
        BountyId released = newBounty();
        BountyId refunded = newBounty();
        BountyId rescued = newBounty();
        String deposit1 = moves.deposit(BountyIds.toBytes32(released), Usdc.ofWhole(50));
        String deposit2 = moves.deposit(BountyIds.toBytes32(refunded), Usdc.ofWhole(20));
        String deposit3 = moves.deposit(BountyIds.toBytes32(rescued), Usdc.ofUnits(7));
        String release = moves.release(released, winner, Usdc.ofWhole(50));
        chain.increaseTime(EscrowMoves.DEADLINE.plus(Duration.ofHours(24)).toSeconds() + 60);
        String refund = moves.refund(refunded);
        WalletAddress rescuer = new WalletAddress(LocalChain.OTHER.getAddress());
        String withdrawal = moves.emergencyWithdraw(rescued, rescuer);

        List<EscrowEntry> entries = connection.escrowHistory().confirmedEntries();

        assertThat(of(released, entries)).containsExactly(
                new EscrowEntry(Kind.DEPOSIT, released, deposit1, poster, Usdc.ofWhole(50)),
                new EscrowEntry(Kind.RELEASE, released, release, winner, Usdc.ofWhole(50)));
        assertThat(of(refunded, entries)).containsExactly(
                new EscrowEntry(Kind.DEPOSIT, refunded, deposit2, poster, Usdc.ofWhole(20)),
                new EscrowEntry(Kind.REFUND, refunded, refund, poster, Usdc.ofWhole(20)));
        assertThat(of(rescued, entries)).containsExactly(
                new EscrowEntry(Kind.DEPOSIT, rescued, deposit3, poster, Usdc.ofUnits(7)),
                new EscrowEntry(Kind.EMERGENCY_WITHDRAWAL, rescued, withdrawal, rescuer, Usdc.ofUnits(7)));
        List<String> sent = List.of(deposit1, deposit2, deposit3, release, refund, withdrawal);
        assertThat(entries).extracting(EscrowEntry::txHash).filteredOn(sent::contains).containsExactlyElementsOf(sent);
    }

    @Test
    void an_entry_appears_only_once_its_block_has_the_configured_confirmations() {
        try (Connection three = ChainAdapters.web3j(chain.settings(3, 10_000))) {
            BountyId bounty = newBounty();
            String deposit = moves.deposit(BountyIds.toBytes32(bounty), Usdc.ofWhole(5));
            assertThat(of(bounty, three.escrowHistory().confirmedEntries())).isEmpty();
            chain.mine(1);
            assertThat(of(bounty, three.escrowHistory().confirmedEntries())).isEmpty();
            chain.mine(1);
            assertThat(of(bounty, three.escrowHistory().confirmedEntries())).extracting(EscrowEntry::txHash)
                    .containsExactly(deposit);
        }
    }

    @Test
    void a_release_the_token_refused_to_pay_is_one_release_to_the_winner() {
        WalletAddress frozen = new WalletAddress("0x" + "77".repeat(20));
        moves.blacklist(frozen);
        BountyId bounty = newBounty();
        String deposit = moves.deposit(BountyIds.toBytes32(bounty), Usdc.ofWhole(9));
        var receipt = moves.releaseReceipt(bounty, frozen, Usdc.ofWhole(9));
        // The contract emits Released and then ReleaseDeferred: the money is owed to the winner, not paid out.
        assertThat(receipt.getLogs()).extracting(l -> l.getTopics().get(0))
                .contains(EscrowAbi.RELEASED_TOPIC, Hash.sha3String("ReleaseDeferred(bytes32,address,uint256)"));
        assertThat(chain.balanceOf(frozen.hex())).isZero();

        assertThat(of(bounty, connection.escrowHistory().confirmedEntries())).containsExactly(
                new EscrowEntry(Kind.DEPOSIT, bounty, deposit, poster, Usdc.ofWhole(9)),
                new EscrowEntry(Kind.RELEASE, bounty, receipt.getTransactionHash(), frozen, Usdc.ofWhole(9)));
    }

    @Test
    void a_deposit_under_a_bytes32_that_is_no_bounty_id_of_ours_is_skipped() {
        byte[] foreign = new byte[32];
        Arrays.fill(foreign, (byte) 0xab);
        String theirs = moves.deposit(foreign, Usdc.ofWhole(3));
        BountyId bounty = newBounty();
        String ours = moves.deposit(BountyIds.toBytes32(bounty), Usdc.ofWhole(3));

        List<EscrowEntry> entries = connection.escrowHistory().confirmedEntries();

        assertThat(entries).extracting(EscrowEntry::txHash).contains(ours).doesNotContain(theirs);
    }
}
