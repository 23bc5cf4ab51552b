package io.moldtank.adapters.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moldtank.adapters.chain.ChainAdapters.ChainFailure;
import io.moldtank.adapters.chain.ChainAdapters.ChainSettings;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The "exact" EVM scheme's checks (x402 spec §1.5 of our notes) and settlement by
 * transferWithAuthorization from the facilitator's own key. Error reasons are the spec's strings.
 */
final class X402Facilitator {
    private final ChainSettings settings;
    private final Node node;
    private final QaWallet settler;

    X402Facilitator(ChainSettings settings, Node node, QaWallet settler) {
        this.settings = settings;
        this.node = node;
        this.settler = settler;
    }

    ObjectNode verify(JsonNode paymentPayload, JsonNode requirements) {
        Eip3009.Authorization a = X402Wire.authorization(paymentPayload.path("payload").path("authorization"));
        Optional<String> problem = problem(paymentPayload, requirements, a);
        ObjectNode out = X402Wire.JSON.createObjectNode();
        out.put("isValid", problem.isEmpty());
        problem.ifPresent(p -> out.put("invalidReason", p));
        out.put("payer", a.from());
        return out;
    }

    /** Verifies again, then sends transferWithAuthorization and waits for its receipt. */
    synchronized ObjectNode settle(JsonNode paymentPayload, JsonNode requirements) {
        JsonNode payload = paymentPayload.path("payload");
        Eip3009.Authorization a = X402Wire.authorization(payload.path("authorization"));
        ObjectNode out = X402Wire.JSON.createObjectNode();
        out.put("network", requirements.path("network").asText());
        out.put("payer", a.from());
        Optional<String> problem = problem(paymentPayload, requirements, a);
        String tx = "";
        if (problem.isEmpty()) {
            try {
                tx = settler.send(null, null, settings.usdcAddress(), transferWithAuthorization(a,
                        payload.path("signature").asText()));
                Optional<TransactionReceipt> receipt = settler.awaitReceipt(tx);
                if (receipt.isEmpty() || !receipt.get().isStatusOK()) {
                    problem = Optional.of("unexpected_settle_error");
                }
            } catch (ChainFailure e) {
                problem = Optional.of(e.kind() == ChainFailure.Kind.REVERTED ? "invalid_transaction_state"
                        : "unexpected_settle_error");
            }
        }
        out.put("success", problem.isEmpty());
        problem.ifPresent(p -> out.put("errorReason", p));
        out.put("transaction", problem.isEmpty() ? tx : "");
        return out;
    }

    private Optional<String> problem(JsonNode paymentPayload, JsonNode req, Eip3009.Authorization a) {
        String network = req.path("network").asText();
        int version = paymentPayload.path("x402Version").asInt(1);
        if (!"exact".equals(req.path("scheme").asText())) {
            return Optional.of("unsupported_scheme");
        }
        if (!network.equals(X402Wire.network(version, settings.chainId()))) {
            return Optional.of("invalid_network");
        }
        String claimed = version >= 2 ? paymentPayload.path("accepted").path("network").asText()
                : paymentPayload.path("network").asText();
        if (!network.equals(claimed)) {
            return Optional.of("invalid_network");
        }
        if (!settings.usdcAddress().equalsIgnoreCase(req.path("asset").asText())
                || req.path("extra").path("name").asText().isEmpty() || req.path("extra").path("version").asText().isEmpty()) {
            return Optional.of("invalid_exact_evm_payload_asset");
        }
        Eip3009.Domain domain = new Eip3009.Domain(req.path("extra").path("name").asText(),
                req.path("extra").path("version").asText(), settings.chainId(), settings.usdcAddress());
        if (!a.nonce().matches("0x[0-9a-fA-F]{64}") || !a.from().matches("0x[0-9a-fA-F]{40}")
                || !a.to().matches("0x[0-9a-fA-F]{40}")) {
            return Optional.of("invalid_payload");
        }
        Optional<String> signer = Eip3009.signer(domain, a, paymentPayload.path("payload").path("signature").asText());
        if (signer.isEmpty() || !signer.get().equalsIgnoreCase(a.from())) {
            return Optional.of("invalid_exact_evm_payload_signature");
        }
        if (!a.to().equalsIgnoreCase(req.path("payTo").asText())) {
            return Optional.of("invalid_exact_evm_payload_recipient_mismatch");
        }
        BigInteger now = BigInteger.valueOf(node.latestTimestamp());
        if (a.validBefore().compareTo(now.add(BigInteger.valueOf(6))) < 0) {
            return Optional.of("invalid_exact_evm_payload_authorization_valid_before");
        }
        if (a.validAfter().compareTo(now) > 0) {
            return Optional.of("invalid_exact_evm_payload_authorization_valid_after");
        }
        if (!a.value().equals(X402Wire.amount(req))) {
            return Optional.of("invalid_exact_evm_payload_authorization_value_mismatch");
        }
        if (X402Chain.authorizationUsed(node, settings.usdcAddress(), a.from(), a.nonce())) {
            return Optional.of("invalid_exact_evm_payload_authorization_nonce_used");
        }
        if (X402Chain.balanceOf(node, settings.usdcAddress(), a.from()).compareTo(a.value()) < 0) {
            return Optional.of("insufficient_funds");
        }
        return Optional.empty();
    }

    private static String transferWithAuthorization(Eip3009.Authorization a, String signatureHex) {
        byte[] sig = Numeric.hexStringToByteArray(signatureHex);
        int v = sig[64] < 27 ? sig[64] + 27 : sig[64];
        return FunctionEncoder.encode(new Function("transferWithAuthorization", List.of(new Address(a.from()),
                new Address(a.to()), new Uint256(a.value()), new Uint256(a.validAfter()), new Uint256(a.validBefore()),
                new Bytes32(Numeric.hexStringToByteArray(a.nonce())), new Uint8(v),
                new Bytes32(java.util.Arrays.copyOfRange(sig, 0, 32)), new Bytes32(java.util.Arrays.copyOfRange(sig, 32, 64))),
                List.of()));
    }
}
