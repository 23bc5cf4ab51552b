package io.moldtank.adapters.http;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/** A test wallet: signs digests as eth_signTypedData does (65 bytes r ‖ s ‖ v, low s). */
final class WalletSigner {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private final BigInteger key;
    final String address;

    WalletSigner(String seedWord) {
        key = new BigInteger(1, Eip712.keccak(seedWord));
        byte[] pub = CURVE.getG().multiply(key).normalize().getEncoded(false);
        byte[] hash = Eip712.keccak(java.util.Arrays.copyOfRange(pub, 1, 65));
        address = "0x" + java.util.HexFormat.of().formatHex(hash, 12, 32);
    }

    byte[] sign(byte[] digest) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(key, new ECDomainParameters(CURVE)));
        BigInteger[] rs = signer.generateSignature(digest);
        BigInteger s = rs[1];
        if (s.compareTo(CURVE.getN().shiftRight(1)) > 0) {
            s = CURVE.getN().subtract(s);
        }
        for (int v = 27; v <= 28; v++) {
            byte[] sig = Eip712.concat(Eip712.uint(rs[0]), Eip712.uint(s), new byte[]{(byte) v});
            if (address.equals(Eip712.recover(digest, sig))) {
                return sig;
            }
        }
        throw new IllegalStateException("no recovery id matches");
    }

    String signHex(byte[] digest) {
        return "0x" + java.util.HexFormat.of().formatHex(sign(digest));
    }
}
