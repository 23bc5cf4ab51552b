package io.moldtank.adapters.http;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256K1Curve;

/**
 * The pieces of EIP-712 the wallet login needs: keccak-256, ABI words for the static types, and
 * recovery of the signing address from a 65-byte secp256k1 signature (high-s refused, as USDC does).
 */
final class Eip712 {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final BigInteger HALF_N = CURVE.getN().shiftRight(1);

    private Eip712() {
    }

    static byte[] keccak(byte[]... parts) {
        KeccakDigest d = new KeccakDigest(256);
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    static byte[] keccak(String text) {
        return keccak(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A string member: its keccak. */
    static byte[] string(String s) {
        return keccak(s);
    }

    static byte[] uint(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] word = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, word, 32 - len, len);
        return word;
    }

    static byte[] address(String hex0x) {
        byte[] word = new byte[32];
        byte[] a = HexFormat.of().parseHex(hex0x.substring(2));
        System.arraycopy(a, 0, word, 12, 20);
        return word;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** keccak(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message)). */
    static byte[] digest(byte[] domainSeparator, byte[] structHash) {
        return keccak(new byte[]{0x19, 0x01}, domainSeparator, structHash);
    }

    /**
     * The address (0x + 40 lower-case hex) that signed {@code digest}, or null when the signature is
     * malformed, has a high s, or recovers no key.
     */
    static String recover(byte[] digest, byte[] signature65) {
        if (signature65 == null || signature65.length != 65) {
            return null;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature65, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature65, 32, 64));
        int v = signature65[64] & 0xff;
        int recId = v >= 27 ? v - 27 : v;
        BigInteger n = CURVE.getN();
        if (recId < 0 || recId > 1 || r.signum() <= 0 || r.compareTo(n) >= 0 || s.signum() <= 0
                || s.compareTo(HALF_N) > 0) {
            return null;
        }
        // SEC 1 v2 §4.1.6 with the x coordinate = r (r + n overflows the field for secp256k1 in practice).
        BigInteger prime = SecP256K1Curve.q;
        if (r.compareTo(prime) >= 0) {
            return null;
        }
        ECPoint rPoint;
        try {
            byte[] compressed = new byte[33];
            compressed[0] = (byte) (recId == 1 ? 0x03 : 0x02);
            byte[] x = uint(r);
            System.arraycopy(x, 0, compressed, 1, 32);
            rPoint = CURVE.getCurve().decodePoint(compressed);
        } catch (IllegalArgumentException e) {
            return null;
        }
        BigInteger e = new BigInteger(1, digest);
        BigInteger rInv = r.modInverse(n);
        BigInteger u1 = n.subtract(e).mod(n).multiply(rInv).mod(n);
        BigInteger u2 = s.multiply(rInv).mod(n);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), u1, rPoint, u2).normalize();
        if (q.isInfinity()) {
            return null;
        }
        byte[] pub = q.getEncoded(false);
        byte[] hash = keccak(Arrays.copyOfRange(pub, 1, pub.length));
        return "0x" + HexFormat.of().formatHex(Arrays.copyOfRange(hash, 12, 32));
    }
}
