package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The EIP-712 spec's Mail example (Example.js): every intermediate hash and the signer's address. */
class Eip712Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final String COW = "0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826";
    private static final byte[] SIGNATURE = HEX.parseHex("4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"
            + "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562" + "1c");

    private static byte[] person(String name, String wallet) {
        return Eip712.keccak(Eip712.keccak("Person(string name,address wallet)"), Eip712.string(name),
                Eip712.address(wallet));
    }

    private static byte[] domain() {
        return Eip712.keccak(Eip712.keccak("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                Eip712.string("Ether Mail"), Eip712.string("1"), Eip712.uint(BigInteger.ONE),
                Eip712.address("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"));
    }

    private static byte[] mail() {
        return Eip712.keccak(Eip712.keccak("Mail(Person from,Person to,string contents)Person(string name,address wallet)"),
                person("Cow", COW), person("Bob", "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"),
                Eip712.string("Hello, Bob!"));
    }

    @Test
    void the_mail_example_hashes_to_the_published_values() {
        assertThat(HEX.formatHex(Eip712.keccak("Mail(Person from,Person to,string contents)Person(string name,address wallet)")))
                .isEqualTo("a0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2");
        assertThat(HEX.formatHex(domain())).isEqualTo("f2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f");
        assertThat(HEX.formatHex(mail())).isEqualTo("c52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e");
        assertThat(HEX.formatHex(Eip712.digest(domain(), mail())))
                .isEqualTo("be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2");
    }

    @Test
    void the_published_signature_recovers_cows_address() {
        assertThat(Eip712.recover(Eip712.digest(domain(), mail()), SIGNATURE)).isEqualTo(COW);
    }

    @Test
    void a_high_s_twin_or_a_changed_digest_does_not_recover_cow() {
        BigInteger n = new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
        byte[] twin = SIGNATURE.clone();
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(SIGNATURE, 32, 64));
        System.arraycopy(Eip712.uint(n.subtract(s)), 0, twin, 32, 32);
        twin[64] = 0x1b;
        assertThat(Eip712.recover(Eip712.digest(domain(), mail()), twin)).isNull();
        byte[] other = Eip712.digest(domain(), Eip712.keccak("something else"));
        assertThat(Eip712.recover(other, SIGNATURE)).isNotEqualTo(COW);
        assertThat(Eip712.recover(other, new byte[64])).isNull();
    }
}
