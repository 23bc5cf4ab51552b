package io.moldtank.adapters.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.moldtank.adapters.chain.ChainAdapters.ChainFailure;
import io.moldtank.adapters.chain.ChainAdapters.ChainSettings;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.ports.out.chain.PaymentRail;
import io.moldtank.ports.service.UrlPolicy;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Pays a winner's x402 endpoint: GET → 402 with requirements (v2 PAYMENT-REQUIRED header, else the v1
 * body) → an EIP-3009 authorization for exactly the payout amount, signed by the payout wallet → the
 * same GET with the payment header → the endpoint's settlement response, checked on chain.
 * The authorization nonce is keccak("moldtank-x402:" + payout id): every retry of a payout signs the same
 * nonce, so the token lets at most one of them through, and an ambiguous answer is settled by asking the
 * chain whether that nonce was used, and by which transaction.
 */
final class X402Rail implements PaymentRail {
    private final ChainSettings settings;
    private final Node node;
    private final Credentials payer;
    private final UrlPolicy urls;
    private final WinnerHttp http;

    /**
     * {@code urls} is the platform's SSRF guard, asked before every call to a winner's endpoint and again
     * for the address each connection goes to.
     */
    X402Rail(ChainSettings settings, Node node, Credentials payer, UrlPolicy urls) {
        this.settings = settings;
        this.node = node;
        this.payer = payer;
        this.urls = urls;
        this.http = new WinnerHttp(urls);
    }

    static String nonceOf(PayoutId id) {
        return Numeric.toHexString(Hash.sha3(("moldtank-x402:" + id.value()).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Receipt pay(PayoutId payoutId, String endpoint, Usdc amount) {
        URI uri = endpointUri(endpoint);
        String refused = urls.refusal(endpoint);
        if (refused != null) {
            throw ChainFailure.paymentRefused("x402 endpoint " + endpoint + " refused by the SSRF guard: " + refused);
        }
        String nonce = nonceOf(payoutId);
        Optional<Receipt> settled = reconcile(nonce);
        if (settled.isPresent()) {
            return settled.get();
        }
        WinnerHttp.Reply first = http.get(uri, null, null);
        if (first.statusCode() != 402) {
            throw ChainFailure.paymentRefused(endpoint + " answered " + first.statusCode() + " instead of 402");
        }
        Offer offer = Offer.choose(first, settings, amount.toOnChain())
                .orElseThrow(() -> ChainFailure.paymentRefused(endpoint + " offers no exact USDC payment of "
                        + amount.toDecimalString() + " on chain " + settings.chainId() + " to pay"));
        long now = node.latestTimestamp();
        var auth = new Eip3009.Authorization(payer.getAddress(), offer.payTo(), amount.toOnChain(),
                BigInteger.valueOf(now - 600), BigInteger.valueOf(now + offer.timeoutSeconds()), nonce);
        var domain = new Eip3009.Domain(offer.tokenName(), offer.tokenVersion(), settings.chainId(), settings.usdcAddress());
        var payload = X402Wire.paymentPayload(offer.version(), offer.requirement(), auth,
                Eip3009.sign(domain, auth, payer.getEcKeyPair()));
        WinnerHttp.Reply paid;
        try {
            paid = http.get(uri, offer.version() >= 2 ? X402Wire.V2_PAYMENT : X402Wire.V1_PAYMENT, X402Wire.toBase64(payload));
        } catch (ChainFailure e) {
            return reconcile(nonce).orElseThrow(() -> e); // the answer was lost; the chain knows
        }
        JsonNode response = paid.header(X402Wire.V2_RESPONSE)
                .or(() -> paid.header(X402Wire.V1_RESPONSE)).map(X402Wire::fromBase64).orElse(null);
        if (paid.statusCode() == 200 && response != null && response.path("success").asBoolean()) {
            String tx = response.path("transaction").asText();
            return confirmed(tx, nonce).map(ok -> new Receipt(tx, payer.getAddress(), response.toString()))
                    .or(() -> reconcile(nonce))
                    .orElseThrow(() -> ChainFailure.paymentRefused(endpoint + " reported settlement " + tx
                            + " but the chain shows no use of the authorization"));
        }
        return reconcile(nonce).orElseThrow(() -> ChainFailure.paymentRefused(endpoint + " refused the payment: "
                + paid.statusCode() + " " + (response == null ? "" : response.path("errorReason").asText())));
    }

    private Optional<Receipt> reconcile(String nonce) {
        if (!X402Chain.authorizationUsed(node, settings.usdcAddress(), payer.getAddress(), nonce)) {
            return Optional.empty();
        }
        return X402Chain.usedBy(node, settings.usdcAddress(), payer.getAddress(), nonce, settings.fromBlock())
                .map(tx -> new Receipt(tx, payer.getAddress(), "{\"success\":true,\"transaction\":\"" + tx
                        + "\",\"reconciled\":\"from chain by authorization nonce " + nonce + "\"}"));
    }

    /** The settlement transaction succeeded and used exactly our authorization. */
    private Optional<String> confirmed(String tx, String nonce) {
        if (!tx.matches("0x[0-9a-fA-F]{64}")) {
            return Optional.empty();
        }
        return node.receipt(tx).filter(r -> r.isStatusOK()).flatMap(r -> r.getLogs().stream()
                .filter(l -> settings.usdcAddress().equalsIgnoreCase(l.getAddress()))
                .filter(l -> l.getTopics().size() == 3 && X402Chain.AUTHORIZATION_USED_TOPIC.equals(l.getTopics().get(0))
                        && nonce.equalsIgnoreCase(l.getTopics().get(2)))
                .findFirst()).map(l -> tx);
    }

    private static URI endpointUri(String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw ChainFailure.paymentRefused("not a URL: " + endpoint);
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw ChainFailure.paymentRefused("x402 endpoints must be http(s): " + endpoint);
        }
        return uri;
    }
}
