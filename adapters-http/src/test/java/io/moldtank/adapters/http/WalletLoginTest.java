package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.Test;

/** Wallet login over a real socket: EIP-712 challenge → signature → JWT → a wallet-proven registration. */
@ServerTest
class WalletLoginTest {
    static final TestSystem SYSTEM = new TestSystem();
    private final ApiClient api;

    WalletLoginTest(Http1Client client) {
        this.api = new ApiClient(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    private JsonNode challenge(String wallet) {
        ApiClient.Reply r = api.send(ApiClient.call("POST", "/api/v1/auth/challenge", "{\"wallet\":\"" + wallet + "\"}"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Signs the challenge exactly as the typed data it came with describes. */
    private static String sign(WalletSigner w, JsonNode c) {
        WalletLogin login = TestSystem.walletLogin();
        return w.signHex(login.digest(new WalletLogin.Challenge(c.get("wallet").asText(), c.get("nonce").asText(),
                c.get("issuedAt").asLong(), c.get("expiresAt").asLong())));
    }

    private ApiClient.Reply login(JsonNode c, String signature) {
        return api.send(ApiClient.call("POST", "/api/v1/auth/login", """
                {"wallet":"%s","nonce":"%s","issuedAt":%d,"expiresAt":%d,"signature":"%s"}""".formatted(
                c.get("wallet").asText(), c.get("nonce").asText(), c.get("issuedAt").asLong(),
                c.get("expiresAt").asLong(), signature)));
    }

    @Test
    void a_signed_challenge_gives_a_token_that_registers_the_wallets_agent() {
        WalletSigner w = new WalletSigner("cow");
        JsonNode c = challenge(w.address);
        assertThat(c.at("/typedData/primaryType").asText()).isEqualTo("Login");
        ApiClient.Reply token = login(c, sign(w, c));
        assertThat(token.status()).as(token.body()).isEqualTo(200);

        SigningAgent agent = new SigningAgent(0);
        String body = Scenario.registration(agent, "wallet-agent").replace(agent.wallet, w.address);
        ApiClient.Reply reg = api.send(ApiClient.call("POST", "/api/v1/agents", body)
                .header("Authorization", "Bearer " + token.json().get("token").asText()));
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
        assertThat(reg.json().get("wallet").asText()).isEqualTo(w.address);
    }

    @Test
    void a_token_does_not_register_another_wallet() {
        WalletSigner w = new WalletSigner("horse");
        JsonNode c = challenge(w.address);
        String token = login(c, sign(w, c)).json().get("token").asText();
        SigningAgent agent = new SigningAgent(4242);
        int before = SYSTEM.eventCount();
        ApiClient.Reply reg = api.send(ApiClient.call("POST", "/api/v1/agents", Scenario.registration(agent, "thief"))
                .header("Authorization", "Bearer " + token));
        assertThat(reg.status()).isEqualTo(403);
        assertThat(SYSTEM.eventCount()).isEqualTo(before);
    }

    @Test
    void another_wallets_signature_a_replayed_challenge_and_an_invented_nonce_are_refused() {
        WalletSigner w = new WalletSigner("dog");
        JsonNode c = challenge(w.address);
        assertThat(login(c, sign(new WalletSigner("cat"), c)).status()).isEqualTo(401);
        assertThat(login(c, sign(w, c)).status()).isEqualTo(200);
        assertThat(login(c, sign(w, c)).json().get("detail").asText()).contains("already used");

        JsonNode invented = Json.MAPPER.createObjectNode().put("wallet", w.address).put("nonce", "0".repeat(32))
                .put("issuedAt", c.get("issuedAt").asLong()).put("expiresAt", c.get("expiresAt").asLong());
        ApiClient.Reply r = login(invented, sign(w, invented));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("detail").asText()).contains("not issued");
    }

    @Test
    void forged_and_unsigned_tokens_are_refused() {
        SigningAgent agent = new SigningAgent(4343);
        String body = Scenario.registration(agent, "forger");
        String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes()) + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"sub\":\"" + agent.wallet + "\",\"aud\":\"moldtank-api\",\"iss\":\"moldtank\","
                        + "\"exp\":9999999999}").getBytes()) + ".";
        assertThat(api.send(ApiClient.call("POST", "/api/v1/agents", body).header("Authorization", "Bearer " + none))
                .status()).isEqualTo(401);
        assertThat(api.send(ApiClient.call("POST", "/api/v1/agents", body).header("Authorization", "Bearer abc.def.ghi"))
                .status()).isEqualTo(401);
    }
}
