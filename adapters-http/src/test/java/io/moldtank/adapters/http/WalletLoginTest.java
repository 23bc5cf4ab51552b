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

    private ApiClient.Reply loginSiwe(String message, String signature) {
        com.fasterxml.jackson.databind.node.ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode().put("siwe", message).put("signature", signature);
        return api.send(ApiClient.call("POST", "/api/v1/auth/login", body.toString()));
    }

    @Test
    void a_signed_eip4361_message_gives_a_token_once_and_a_tampered_one_gives_none() {
        WalletSigner w = new WalletSigner("goat");
        JsonNode c = challenge(w.address);
        String message = c.get("siwe").asText();
        assertThat(message).contains("wants you to sign in with your Ethereum account:\n" + SiweMessage.checksum(w.address))
                .contains("Nonce: " + c.get("nonce").asText()).contains("Version: 1");
        String signature = w.signHex(SiweMessage.digest(message));

        String otherTime = message.replaceFirst("Expiration Time: .*", "Expiration Time: 2099-01-01T00:00:00Z");
        assertThat(loginSiwe(otherTime, w.signHex(SiweMessage.digest(otherTime))).status()).isEqualTo(401);
        String otherSite = message.replaceFirst("^[^ ]+ wants", "evil.example wants");
        assertThat(loginSiwe(otherSite, w.signHex(SiweMessage.digest(otherSite))).status()).isEqualTo(401);
        assertThat(loginSiwe(message, new WalletSigner("sheep").signHex(SiweMessage.digest(message))).status())
                .isEqualTo(401);
        assertThat(loginSiwe("hello", signature).status()).isEqualTo(400);

        ApiClient.Reply token = loginSiwe(message, signature);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(token.json().get("token").asText()).isNotBlank();
        assertThat(loginSiwe(message, signature).status()).as("a challenge logs in once").isEqualTo(401);
    }

    @Test
    void eip55_checksums_match_the_eip_examples() {
        assertThat(SiweMessage.checksum("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"))
                .isEqualTo("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        assertThat(SiweMessage.checksum("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359"))
                .isEqualTo("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
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
