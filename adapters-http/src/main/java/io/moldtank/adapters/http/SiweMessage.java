package io.moldtank.adapters.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EIP-4361 (Sign-In with Ethereum) text form of a login challenge, for wallets that sign
 * personal messages rather than typed data. The same HMAC nonce and times as the EIP-712 form.
 */
final class SiweMessage {
    static final String STATEMENT = "Sign in to MoldTank.";
    private static final Pattern FORM = Pattern.compile("""
            (?<domain>[^\\s]+) wants you to sign in with your Ethereum account:
            (?<address>0x[0-9a-fA-F]{40})

            Sign in to MoldTank\\.

            URI: (?<uri>[^\\n]+)
            Version: 1
            Chain ID: (?<chain>[0-9]+)
            Nonce: (?<nonce>[0-9a-f]{32})
            Issued At: (?<iat>[^\\n]+)
            Expiration Time: (?<exp>[^\\n]+)""");

    /** What a signed message claims, once its form is valid. */
    record Claims(String domain, String wallet, long chainId, String nonce, long issuedAt, long expiresAt) {
    }

    private SiweMessage() {
    }

    static String text(String domain, String wallet, long chainId, String nonce, long issuedAt, long expiresAt) {
        return domain + " wants you to sign in with your Ethereum account:\n" + checksum(wallet) + "\n\n"
                + STATEMENT + "\n\nURI: https://" + domain + "\nVersion: 1\nChain ID: " + chainId + "\nNonce: "
                + nonce + "\nIssued At: " + Instant.ofEpochSecond(issuedAt) + "\nExpiration Time: "
                + Instant.ofEpochSecond(expiresAt);
    }

    /** Parses exactly the form this server issues; anything else is refused with 400. */
    static Claims parse(String message) {
        Matcher m = FORM.matcher(message);
        if (!m.matches()) {
            throw ApiProblem.invalid("siwe", "not an EIP-4361 message issued by this server");
        }
        try {
            return new Claims(m.group("domain"), m.group("address").toLowerCase(Locale.ROOT),
                    Long.parseLong(m.group("chain")), m.group("nonce"),
                    Instant.parse(m.group("iat")).getEpochSecond(), Instant.parse(m.group("exp")).getEpochSecond());
        } catch (NumberFormatException | DateTimeParseException e) {
            throw ApiProblem.invalid("siwe", "bad chain id or time in the message");
        }
    }

    /** The EIP-191 personal_sign digest of the message. */
    static byte[] digest(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        return Eip712.keccak(("\u0019Ethereum Signed Message:\n" + body.length).getBytes(StandardCharsets.UTF_8), body);
    }

    /** EIP-55 mixed-case checksum, which EIP-4361 requires for the address line. */
    static String checksum(String wallet) {
        String hex = wallet.substring(2).toLowerCase(Locale.ROOT);
        String hash = HexFormat.of().formatHex(Eip712.keccak(hex.getBytes(StandardCharsets.US_ASCII)));
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            out.append(Character.digit(hash.charAt(i), 16) >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
