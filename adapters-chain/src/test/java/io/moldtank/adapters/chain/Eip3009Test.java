package io.moldtank.adapters.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

class Eip3009Test {
    // The x402 spec's example payment (specs/transports-v2/http.md), a genuine Base Sepolia signature.
    static final Eip3009.Domain SEPOLIA_USDC = new Eip3009.Domain("USDC", "2", 84532,
            "0x036CbD53842c5426634e7929541eC2318f3dCF7e");
    static final Eip3009.Authorization SPEC = new Eip3009.Authorization("0x857b06519E91e3A54538791bDbb0E22373e36b66",
            "0x209693Bc6afc0C5328bA36FaF03C514EF312287C", BigInteger.valueOf(10000), BigInteger.valueOf(1740672089),
            BigInteger.valueOf(1740672154), "0xf3746613c2d920b5fdabc0856f2aeb2d4f88ee6037b8cc5d04a71a4462f13480");
    static final String SPEC_SIGNATURE = "0x2d6a7588d6acca505cbf0d9a4a227e0c52c6c34008c8e8986a1283259764173608a2ce6496"
            + "642e377d6da8dbbf5836e9bd15092f9ecab05ded3d6293af148b571c";

    @Test
    void the_spec_example_hashes_to_its_known_digest_and_recovers_its_payer() {
        assertThat(Numeric.toHexString(Eip3009.digest(SEPOLIA_USDC, SPEC)))
                .isEqualTo("0xf256992871671abcb27ff92885a7afa46218724e5fc0bac35d050115aa1d22e6");
        assertThat(Eip3009.signer(SEPOLIA_USDC, SPEC, SPEC_SIGNATURE)).hasValueSatisfying(
                a -> assertThat(a).isEqualToIgnoringCase("0x857b06519E91e3A54538791bDbb0E22373e36b66"));
    }

    @Test
    void a_changed_amount_or_another_domain_no_longer_recovers_the_payer() {
        var more = new Eip3009.Authorization(SPEC.from(), SPEC.to(), BigInteger.valueOf(10001), SPEC.validAfter(),
                SPEC.validBefore(), SPEC.nonce());
        assertThat(Eip3009.signer(SEPOLIA_USDC, more, SPEC_SIGNATURE)).isNotEqualTo(java.util.Optional.of(SPEC.from().toLowerCase()));
        var mainnetName = new Eip3009.Domain("USD Coin", "2", 84532, SEPOLIA_USDC.token());
        assertThat(Eip3009.signer(mainnetName, SPEC, SPEC_SIGNATURE).orElse(""))
                .isNotEqualToIgnoringCase(SPEC.from());
        assertThat(Eip3009.signer(SEPOLIA_USDC, SPEC, "0x1234")).isEmpty();
    }

    @Test
    void what_we_sign_recovers_to_our_address() {
        Credentials key = LocalChain.WINNER;
        String sig = Eip3009.sign(SEPOLIA_USDC, SPEC, key.getEcKeyPair());
        assertThat(Eip3009.signer(SEPOLIA_USDC, SPEC, sig)).contains(key.getAddress().toLowerCase());
    }
}
