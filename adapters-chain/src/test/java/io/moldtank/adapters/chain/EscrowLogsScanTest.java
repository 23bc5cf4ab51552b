package io.moldtank.adapters.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.reconciliation.EscrowEntry;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** How the history scans: one eth_getLogs per window for all events, and only new blocks on later calls. */
class EscrowLogsScanTest {
    LocalChain chain;
    EscrowMoves moves;
    Web3j web3j;
    final AtomicInteger getLogsCalls = new AtomicInteger();

    @BeforeEach
    void start() {
        chain = LocalChain.start();
        moves = new EscrowMoves(chain);
        chain.mint(LocalChain.POSTER.getAddress(), Usdc.ofWhole(1_000).toOnChain());
        OkHttpClient counting = new OkHttpClient.Builder().addInterceptor(call -> {
            Buffer body = new Buffer();
            call.request().body().writeTo(body);
            if (body.readUtf8().contains("\"eth_getLogs\"")) {
                getLogsCalls.incrementAndGet();
            }
            return call.proceed(call.request());
        }).build();
        web3j = Web3j.build(new HttpService(chain.anvil.url, counting));
    }

    @AfterEach
    void stop() {
        web3j.shutdown();
        chain.close();
    }

    EscrowLogs history(long logWindow) {
        return new EscrowLogs(chain.settings(1, logWindow), new Node(web3j));
    }

    long head() throws Exception {
        return chain.web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    }

    @Test
    void a_window_of_two_blocks_finds_what_one_window_finds_with_one_call_per_window() throws Exception {
        BountyId bounty = new BountyId(UUID.randomUUID());
        moves.deposit(BountyIds.toBytes32(bounty), Usdc.ofWhole(10));
        moves.release(bounty, new WalletAddress(LocalChain.WINNER.getAddress()), Usdc.ofWhole(10));
        moves.deposit(BountyIds.toBytes32(new BountyId(UUID.randomUUID())), Usdc.ofWhole(4));
        long blocks = head() + 1;

        List<EscrowEntry> windowed = history(2).confirmedEntries();
        assertThat(getLogsCalls).hasValue((int) ((blocks + 1) / 2));
        List<EscrowEntry> whole = history(10_000).confirmedEntries();

        assertThat(windowed).hasSize(3).isEqualTo(whole);
    }

    @Test
    void a_later_call_scans_only_new_blocks_and_returns_old_and_new_entries_once() throws Exception {
        moves.deposit(BountyIds.toBytes32(new BountyId(UUID.randomUUID())), Usdc.ofWhole(1));
        EscrowLogs history = history(2);
        List<EscrowEntry> first = history.confirmedEntries();
        int callsAfterFirst = getLogsCalls.get();

        assertThat(history.confirmedEntries()).isEqualTo(first);
        assertThat(getLogsCalls).hasValue(callsAfterFirst);

        long before = head();
        String later = moves.deposit(BountyIds.toBytes32(new BountyId(UUID.randomUUID())), Usdc.ofWhole(2));
        long newBlocks = head() - before;
        List<EscrowEntry> second = history.confirmedEntries();

        assertThat(getLogsCalls).hasValue(callsAfterFirst + (int) ((newBlocks + 1) / 2));
        assertThat(second.subList(0, first.size())).isEqualTo(first);
        assertThat(second.subList(first.size(), second.size())).extracting(EscrowEntry::txHash).containsExactly(later);
        assertThat(second).isEqualTo(history(10_000).confirmedEntries());
    }
}
