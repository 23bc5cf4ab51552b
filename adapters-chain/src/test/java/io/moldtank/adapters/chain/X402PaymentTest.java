package io.moldtank.adapters.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.adapters.chain.ChainAdapters.ChainFailure;
import io.moldtank.adapters.chain.ChainAdapters.Connection;
import io.moldtank.adapters.chain.ChainAdapters.Facilitator;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.ports.out.chain.PaymentRail;
import io.moldtank.ports.service.OutboundUrlGuard;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * x402 payouts on Anvil: the payout wallet pays a local winner endpoint, which settles through the
 * self-hosted facilitator over HTTP with transferWithAuthorization on TestUSDC.
 */
class X402PaymentTest {
    static final String PAYOUT_KEY = "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba"; // OTHER
    static final String SETTLER_KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a"; // MULTISIG
    static LocalChain chain;
    static Connection connection;
    static Facilitator facilitator;
    static PaymentRail rail;
    final Usdc amount = Usdc.ofWhole(7);
    final String winner = LocalChain.WINNER.getAddress();

    @BeforeAll
    static void start() {
        chain = LocalChain.start();
        chain.mint(LocalChain.OTHER.getAddress(), BigInteger.valueOf(1_000_000_000L));
        connection = ChainAdapters.web3j(chain.settings());
        facilitator = connection.startFacilitator(SETTLER_KEY, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        // local winner endpoints live on loopback http, which the production guard refuses
        rail = connection.x402(PAYOUT_KEY, TrustingPolicy.SYSTEM_DNS);
    }

    @AfterAll
    static void stop() {
        if (facilitator != null) {
            facilitator.close();
        }
        if (connection != null) {
            connection.close();
        }
        if (chain != null) {
            chain.close();
        }
    }

    WinnerEndpoint endpoint(int version, Usdc asked) throws Exception {
        return new WinnerEndpoint(version, winner, chain.usdc, chain.anvil.chainId, String.valueOf(asked.units()),
                new FacilitatorClient(facilitator.url()));
    }

    @Test
    void an_endpoint_refused_by_the_platform_ssrf_guard_is_never_called_and_nothing_moves() throws Exception {
        PaymentRail guarded = connection.x402(PAYOUT_KEY,
                new io.moldtank.ports.service.OutboundUrlGuard(io.moldtank.ports.service.OutboundUrlGuard.SYSTEM_DNS));
        try (WinnerEndpoint endpoint = endpoint(2, amount)) {
            BigInteger before = chain.balanceOf(winner);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> guarded.pay(new PayoutId(UUID.randomUUID()), endpoint.url(), amount))
                    .hasMessageContaining("SSRF guard");
            assertThat(chain.balanceOf(winner)).isEqualTo(before);
        }
    }

    @Test
    void an_endpoint_whose_dns_rebinds_to_loopback_after_the_check_is_refused_and_never_reached() throws Exception {
        var dns = new RebindingDns(RebindingDns.LOOPBACK);
        PaymentRail guarded = connection.x402(PAYOUT_KEY, new OutboundUrlGuard(dns));
        try (var listener = new CountingListener()) {
            BigInteger before = chain.balanceOf(winner);
            String url = "https://rebind.test:" + listener.port() + "/x402";

            assertThatThrownBy(() -> guarded.pay(new PayoutId(UUID.randomUUID()), url, amount))
                    .isInstanceOfSatisfying(ChainFailure.class,
                            f -> assertThat(f.kind()).isEqualTo(ChainFailure.Kind.PAYMENT_REFUSED))
                    .hasMessageContaining("at connect time").hasMessageContaining("127.0.0.1");
            assertThat(dns.lookups).as("the guard's check and the connection each asked once").hasValue(2);
            assertThat(listener.accepted).as("connections reaching the loopback server").hasValue(0);
            assertThat(chain.balanceOf(winner)).isEqualTo(before);
        }
    }

    @Test
    void the_connection_goes_to_the_address_the_policy_resolved_not_to_a_second_lookup() throws Exception {
        // no real DNS knows winner.test: only the policy's own answer can lead the payment to the endpoint
        PaymentRail pinned = connection.x402(PAYOUT_KEY,
                new TrustingPolicy(Map.of("winner.test", InetAddress.getLoopbackAddress())));
        try (WinnerEndpoint endpoint = endpoint(2, amount)) {
            BigInteger before = chain.balanceOf(winner);
            String url = "http://winner.test:" + endpoint.server.getAddress().getPort() + "/x402";

            PaymentRail.Receipt receipt = pinned.pay(new PayoutId(UUID.randomUUID()), url, amount);

            assertThat(chain.balanceOf(winner)).isEqualTo(before.add(amount.toOnChain()));
            assertThat(receipt.raw()).contains("\"success\":true");
            assertThat(endpoint.settlements).hasValue(1);
        }
    }

    @Test
    void a_v2_endpoint_is_paid_through_the_facilitator_and_the_receipt_names_the_settlement_tx() throws Exception {
        try (WinnerEndpoint endpoint = endpoint(2, amount)) {
            BigInteger before = chain.balanceOf(winner);
            BigInteger payoutBefore = chain.balanceOf(LocalChain.OTHER.getAddress());
            PaymentRail.Receipt receipt = rail.pay(new PayoutId(UUID.randomUUID()), endpoint.url(), amount);

            assertThat(chain.balanceOf(winner)).isEqualTo(before.add(amount.toOnChain()));
            assertThat(chain.balanceOf(LocalChain.OTHER.getAddress())).isEqualTo(payoutBefore.subtract(amount.toOnChain()));
            assertThat(receipt.txHash()).matches("0x[0-9a-f]{64}");
            assertThat(chain.web3j.ethGetTransactionReceipt(receipt.txHash()).send().getTransactionReceipt())
                    .hasValueSatisfying(r -> assertThat(r.isStatusOK()).isTrue());
            assertThat(receipt.payer()).isEqualToIgnoringCase(LocalChain.OTHER.getAddress());
            assertThat(receipt.raw()).contains("\"success\":true");
        }
    }

    @Test
    void a_v1_endpoint_with_the_requirements_in_the_body_is_paid_too() throws Exception {
        try (WinnerEndpoint endpoint = endpoint(1, amount)) {
            BigInteger before = chain.balanceOf(winner);
            rail.pay(new PayoutId(UUID.randomUUID()), endpoint.url(), amount);
            assertThat(chain.balanceOf(winner)).isEqualTo(before.add(amount.toOnChain()));
            assertThat(endpoint.settlements).hasValue(1);
        }
    }

    @Test
    void paying_the_same_payout_again_returns_the_first_settlement_and_moves_nothing() throws Exception {
        try (WinnerEndpoint endpoint = endpoint(2, amount)) {
            PayoutId payout = new PayoutId(UUID.randomUUID());
            String first = rail.pay(payout, endpoint.url(), amount).txHash();
            BigInteger after = chain.balanceOf(winner);
            assertThat(rail.pay(payout, endpoint.url(), amount).txHash()).isEqualTo(first);
            assertThat(chain.balanceOf(winner)).isEqualTo(after);
            assertThat(endpoint.settlements).hasValue(1);
        }
    }

    @Test
    void a_settlement_whose_answer_is_lost_is_reconciled_from_the_chain_by_its_nonce() throws Exception {
        try (WinnerEndpoint endpoint = endpoint(2, amount)) {
            endpoint.failAfterSettle = true;
            BigInteger before = chain.balanceOf(winner);
            PayoutId payout = new PayoutId(UUID.randomUUID());
            PaymentRail.Receipt receipt = rail.pay(payout, endpoint.url(), amount);
            assertThat(receipt.raw()).contains("reconciled");
            assertThat(chain.balanceOf(winner)).isEqualTo(before.add(amount.toOnChain()));
            assertThat(rail.pay(payout, endpoint.url(), amount).txHash()).isEqualTo(receipt.txHash());
            assertThat(endpoint.settlements).hasValue(1);
        }
    }

    @Test
    void an_endpoint_asking_for_another_amount_is_refused_and_nothing_moves() throws Exception {
        try (WinnerEndpoint endpoint = endpoint(2, Usdc.ofWhole(8))) {
            BigInteger before = chain.balanceOf(winner);
            assertThatThrownBy(() -> rail.pay(new PayoutId(UUID.randomUUID()), endpoint.url(), amount))
                    .isInstanceOfSatisfying(ChainFailure.class,
                            f -> assertThat(f.kind()).isEqualTo(ChainFailure.Kind.PAYMENT_REFUSED));
            assertThat(chain.balanceOf(winner)).isEqualTo(before);
        }
    }

    @Test
    void the_facilitator_refuses_a_payload_signed_by_someone_else() throws Exception {
        var client = new FacilitatorClient(facilitator.url());
        var requirement = X402Wire.JSON.createObjectNode().put("scheme", "exact").put("network", "eip155:31337")
                .put("amount", "7000000").put("asset", chain.usdc).put("payTo", winner).put("maxTimeoutSeconds", 60);
        requirement.putObject("extra").put("name", "USDC").put("version", "2");
        long now = System.currentTimeMillis() / 1000;
        var auth = new Eip3009.Authorization(LocalChain.OTHER.getAddress(), winner, BigInteger.valueOf(7_000_000),
                BigInteger.valueOf(now - 3600), BigInteger.valueOf(now + 3600), X402Rail.nonceOf(new PayoutId(UUID.randomUUID())));
        var domain = new Eip3009.Domain("USDC", "2", chain.anvil.chainId, chain.usdc);
        var forged = X402Wire.paymentPayload(2, requirement, auth, Eip3009.sign(domain, auth, LocalChain.WINNER.getEcKeyPair()));
        BigInteger before = chain.balanceOf(winner);

        assertThat(client.verify(forged, requirement).path("invalidReason").asText())
                .isEqualTo("invalid_exact_evm_payload_signature");
        assertThat(client.settle(forged, requirement).path("success").asBoolean()).isFalse();
        assertThat(chain.balanceOf(winner)).isEqualTo(before);
    }
}
