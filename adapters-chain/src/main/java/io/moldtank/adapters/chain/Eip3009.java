package io.moldtank.adapters.chain;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Optional;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * EIP-3009 TransferWithAuthorization over USDC's EIP-712 domain (name, version, chainId, token), hashed
 * by hand: every field is a static 32-byte word, so abi.encode is concatenation. Checked against the
 * x402 spec's known-answer vector in Eip3009Test.
 */
final class Eip3009 {
    static final byte[] DOMAIN_TYPEHASH = Hash.sha3(
            "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)".getBytes(StandardCharsets.UTF_8));
    static final byte[] TRANSFER_TYPEHASH = Hash.sha3(("TransferWithAuthorization(address from,address to,uint256 value,"
            + "uint256 validAfter,uint256 validBefore,bytes32 nonce)").getBytes(StandardCharsets.UTF_8));
    /** secp256k1n / 2: a larger s is the malleable twin of a valid signature; USDC refuses it. */
    private static final BigInteger HALF_N = new BigInteger("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0", 16);

    record Domain(String name, String version, long chainId, String token) {
    }

    record Authorization(String from, String to, BigInteger value, BigInteger validAfter, BigInteger validBefore,
                         String nonce) {
    }

    private Eip3009() {
    }

    static byte[] digest(Domain d, Authorization a) {
        byte[] domain = Hash.sha3(concat(DOMAIN_TYPEHASH, Hash.sha3(d.name().getBytes(StandardCharsets.UTF_8)),
                Hash.sha3(d.version().getBytes(StandardCharsets.UTF_8)), word(BigInteger.valueOf(d.chainId())),
                address(d.token())));
        byte[] struct = Hash.sha3(concat(TRANSFER_TYPEHASH, address(a.from()), address(a.to()), word(a.value()),
                word(a.validAfter()), word(a.validBefore()), Numeric.hexStringToByteArray(a.nonce())));
        return Hash.sha3(concat(new byte[] {0x19, 0x01}, domain, struct));
    }

    /** 65 bytes r ‖ s ‖ v (v = 27 or 28), hex. */
    static String sign(Domain d, Authorization a, ECKeyPair key) {
        Sign.SignatureData sig = Sign.signMessage(digest(d, a), key, false);
        return Numeric.toHexString(concat(sig.getR(), sig.getS(), sig.getV()));
    }

    /** The address that signed, or empty for a malformed, high-s or unrecoverable signature. */
    static Optional<String> signer(Domain d, Authorization a, String signatureHex) {
        byte[] sig = Numeric.hexStringToByteArray(signatureHex);
        if (sig.length != 65 || new BigInteger(1, Arrays.copyOfRange(sig, 32, 64)).compareTo(HALF_N) > 0) {
            return Optional.empty();
        }
        byte v = sig[64] < 27 ? (byte) (sig[64] + 27) : sig[64];
        try {
            BigInteger key = Sign.signedMessageHashToKey(digest(d, a), new Sign.SignatureData(v,
                    Arrays.copyOfRange(sig, 0, 32), Arrays.copyOfRange(sig, 32, 64)));
            return Optional.of("0x" + Keys.getAddress(key));
        } catch (SignatureException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static byte[] word(BigInteger v) {
        return Numeric.toBytesPadded(v, 32);
    }

    static byte[] address(String hex) {
        return Numeric.toBytesPadded(Numeric.toBigInt(hex), 32);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
