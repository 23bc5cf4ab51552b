package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.money.Usdc;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Internal balances over HTTP: chain-checked deposits, idempotent withdrawals, the fee schedule. */
@ServerTest
class WalletEndpointsTest {
    static final TestSystem SYSTEM = new TestSystem();
    private final ApiClient api;
    private final Scenario given;
    private final Hiring hiring;

    WalletEndpointsTest(Http1Client client) {
        this.api = new ApiClient(client);
        this.given = new Scenario(api, SYSTEM);
        this.hiring = new Hiring(api, SYSTEM);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    private ApiClient.Reply reportDeposit(SigningAgent agent, String tx) {
        return api.signed("POST", "/api/v1/wallet/deposits", "{\"txHash\":\"" + tx + "\"}", agent);
    }

    @Test
    void a_deposit_is_credited_once_per_transaction_however_its_hash_is_written() {
        SigningAgent agent = given.registered("depositor");
        assertThat(hiring.balance(agent)).isEqualTo("0.000000");
        String tx;
        do {
            // a hash with hex letters, so that its upper-case spelling is really another string
            tx = SYSTEM.treasury.receive(new WalletAddress(agent.wallet), Usdc.parse("7.5"));
        } while (tx.equals(tx.toUpperCase(Locale.ROOT).replace("0X", "0x")));

        ApiClient.Reply first = reportDeposit(agent, tx);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("available").asText()).isEqualTo("7.500000");
        assertThat(reportDeposit(agent, tx).status()).isEqualTo(200);
        ApiClient.Reply upper = reportDeposit(agent, "0x" + tx.substring(2).toUpperCase(Locale.ROOT));
        assertThat(upper.status()).as(upper.body()).isEqualTo(200);
        assertThat(hiring.balance(agent)).isEqualTo("7.500000");
    }

    @Test
    void on_the_mock_chain_the_simulated_wallet_sends_test_usdc_that_is_credited_once_reported() {
        SigningAgent agent = given.registered("simulated-depositor");
        String path = "/api/v1/wallet/deposits/simulate";
        for (String bad : new String[] {"{\"amount\":\"0\"}", "{\"amount\":\"10000.000001\"}",
                "{\"amount\":\"-1\"}", "{\"amount\":1.5}", "{}"}) {
            ApiClient.Reply r = api.signed("POST", path, bad, agent);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.header("content-type")).isEqualTo("application/problem+json");
        }
        ApiClient.Reply sent = api.signed("POST", path, "{\"amount\":\"25\"}", agent);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("amount").asText()).isEqualTo("25.000000");
        assertThat(hiring.balance(agent)).as("not credited before it is reported").isEqualTo("0.000000");

        ApiClient.Reply credited = reportDeposit(agent, sent.json().get("txHash").asText());
        assertThat(credited.status()).as(credited.body()).isEqualTo(200);
        assertThat(hiring.balance(agent)).isEqualTo("25.000000");
    }

    @Test
    void a_transfer_from_someone_elses_wallet_or_an_unknown_hash_credits_nothing() {
        SigningAgent agent = given.registered("thief");
        SigningAgent owner = given.registered("owner");
        String tx = SYSTEM.treasury.receive(new WalletAddress(owner.wallet), Usdc.parse("3"));

        ApiClient.Reply stolen = reportDeposit(agent, tx);
        assertThat(stolen.status()).isEqualTo(409);
        assertThat(stolen.problem()).isEqualTo("deposit-invalid");
        ApiClient.Reply unknown = reportDeposit(agent, "0x" + "ab".repeat(32));
        assertThat(unknown.problem()).isEqualTo("deposit-invalid");
        ApiClient.Reply malformed = reportDeposit(agent, "0x12");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(hiring.balance(agent)).isEqualTo("0.000000");
    }

    @Test
    void a_withdrawal_retried_with_its_key_is_sent_once() {
        SigningAgent agent = given.registered("withdrawer");
        hiring.deposit(agent, "10");
        var call = ApiClient.call("POST", "/api/v1/wallet/withdraw", "{\"amount\":\"4\"}").signedBy(agent)
                .header("Idempotency-Key", "withdraw-0001");

        ApiClient.Reply first = api.send(call);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("amount").asText()).isEqualTo("4.000000");
        assertThat(first.json().get("available").asText()).isEqualTo("6.000000");
        ApiClient.Reply again = api.send(call);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("txHash").asText()).isEqualTo(first.json().get("txHash").asText());
        assertThat(hiring.balance(agent)).isEqualTo("6.000000");

        ApiClient.Reply reused = api.send(ApiClient.call("POST", "/api/v1/wallet/withdraw", "{\"amount\":\"5\"}")
                .signedBy(agent).header("Idempotency-Key", "withdraw-0001"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(hiring.balance(agent)).isEqualTo("6.000000");
    }

    @Test
    void a_withdrawal_needs_a_key_a_positive_amount_and_the_money() {
        SigningAgent agent = given.registered("withdrawer-bad");
        hiring.deposit(agent, "1");
        ApiClient.Reply noKey = api.signed("POST", "/api/v1/wallet/withdraw", "{\"amount\":\"1\"}", agent);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().get("errors").findValuesAsText("field")).contains("Idempotency-Key");
        ApiClient.Reply zero = api.send(ApiClient.call("POST", "/api/v1/wallet/withdraw", "{\"amount\":\"0\"}")
                .signedBy(agent).header("Idempotency-Key", "withdraw-zero"));
        assertThat(zero.status()).isEqualTo(400);
        ApiClient.Reply tooMuch = api.send(ApiClient.call("POST", "/api/v1/wallet/withdraw", "{\"amount\":\"2\"}")
                .signedBy(agent).header("Idempotency-Key", "withdraw-much"));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.problem()).isEqualTo("insufficient-funds");
        assertThat(hiring.balance(agent)).isEqualTo("1.000000");
        assertThat(api.get("/api/v1/wallet").status()).as("unsigned").isEqualTo(401);
    }

    @Test
    void the_fee_schedule_is_public_with_money_as_decimal_strings() {
        ApiClient.Reply fees = api.get("/api/v1/fees");
        assertThat(fees.status()).isEqualTo(200);
        assertThat(fees.json().get("platformCutBps").asInt()).isEqualTo(250);
        assertThat(fees.json().get("storageFee").isTextual()).isTrue();
        assertThat(fees.json().get("storageFee").asText()).isEqualTo("0.010000");
        assertThat(fees.json().get("verificationFee").asText()).isEqualTo("0.010000");
    }
}
