package io.moldtank.app.wiring;

import io.helidon.config.Config;
import io.moldtank.adapters.http.HttpAdapters;
import io.moldtank.adapters.http.SubmissionReceipts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import io.moldtank.ports.out.guard.RateLimiter;
import io.moldtank.ports.service.Core;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent API's settings from {@code moldtank.http}: CORS origins and wallet login. Without
 * configured secrets, wallet login uses random per-process keys (tokens end with the process).
 * Operator access comes from {@code moldtank.operator}.
 */
final class Api {
    private static final Logger LOG = LoggerFactory.getLogger(Api.class);

    private Api() {
    }

    static HttpAdapters.Api from(Config http, Config operator, Config receipts, String receiptKeyFile, Core core,
                                 Marketplace.Guards guards, Wiring wiring) {
        Set<String> origins = Set.copyOf(http.get("cors-origins").asList(String.class).orElse(List.of()));
        byte[] challenge = secret(http.get("auth.challenge-secret"));
        byte[] jwtKey = secret(http.get("auth.jwt-key"));
        if (http.get("auth.jwt-key").asString().isEmpty()) {
            LOG.atWarn().addKeyValue("event", "ephemeral-jwt-key")
                    .log("moldtank.http.auth.jwt-key not set: wallet-login tokens are valid for this process only");
        }
        var wallet = new HttpAdapters.WalletAuth(challenge, http.get("auth.chain-id").asLong().orElse(8453L), "k1",
                Map.of("k1", jwtKey));
        return new HttpAdapters.Api(core, guards.nonces(), guards.rateLimiter(),
                guards.idempotency(), wiring.clock(), origins, buckets(http.get("limits")),
                wallet, operator(operator, wiring), null, receipts(receipts, receiptKeyFile, wiring));
    }

    /**
     * {@code moldtank.http.limits.<discovery|read|write>.<capacity|refill>}: token buckets per
     * caller IP and per agent, each key defaulting to seed 003's size, so an operator (or a fuzzer or a
     * benchmark that must not be throttled) can tune one without restating the others.
     */
    static HttpAdapters.Buckets buckets(Config node) {
        HttpAdapters.Buckets seed = HttpAdapters.Buckets.SEED_003;
        return new HttpAdapters.Buckets(bucket(node.get("discovery"), seed.discovery()),
                bucket(node.get("read"), seed.read()), bucket(node.get("write"), seed.write()));
    }

    private static RateLimiter.BucketSpec bucket(Config node, RateLimiter.BucketSpec seed) {
        try {
            return new RateLimiter.BucketSpec(node.get("capacity").asLong().orElse(seed.capacity()),
                    node.get("refill").asLong().orElse(seed.refillPerMinute()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(node.key() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The Ed25519 key that signs submission receipts: {@code moldtank.receipts.key} (a 32-byte seed in
     * hex), else the seed in {@code moldtank.receipts.key-file} (default: beside the H2 file,
     * {@code <h2 file>-receipt-key}), created on first start (mode 600) so receipts keep verifying
     * across restarts on embedded defaults.
     */
    static SubmissionReceipts receipts(Config node, String defaultFile, Wiring wiring) {
        var hex = node.get("key").asString().filter(k -> !k.isBlank());
        if (hex.isPresent()) {
            wiring.chose("receipt-key", "moldtank.receipts.key");
            return SubmissionReceipts.fromSeed(HexFormat.of().parseHex(strip(hex.get())));
        }
        Path file = Path.of(node.get("key-file").asString().orElse(defaultFile));
        try {
            if (!Files.exists(file)) {
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                writeAtomically(file, HexFormat.of().formatHex(SubmissionReceipts.newSeed()) + "\n");
                LOG.atInfo().addKeyValue("event", "receipt-key-created").addKeyValue("file", file.toString())
                        .log("created the receipt signing key");
            }
            var receipts = SubmissionReceipts.fromSeed(HexFormat.of().parseHex(strip(Files.readString(file).trim())));
            wiring.chose("receipt-key", file + " (kid " + receipts.keyId() + ")");
            return receipts;
        } catch (IOException e) {
            throw new UncheckedIOException("moldtank.receipts.key-file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Written beside, made private, forced to disk, then renamed over: a process killed mid-way leaves
     * no key file or a whole one, never a torn one that would stop the next start.
     */
    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions are what protects it
            }
            ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String strip(String hex) {
        return hex.startsWith("0x") ? hex.substring(2) : hex;
    }

    /**
     * {@code moldtank.operator.token} opens /api/v1/admin (see OperatorAuth in adapters-http for why a
     * bearer token); unset, those routes answer 404. {@code name} is who the token stands for in logs.
     */
    private static HttpAdapters.Operator operator(Config node, Wiring wiring) {
        var token = node.get("token").asString().filter(t -> !t.isEmpty());
        wiring.chose("operator-api", token.isPresent() ? "on" : "off (moldtank.operator.token not set)");
        if (token.isEmpty()) {
            return null;
        }
        try {
            return new HttpAdapters.Operator(node.get("name").asString().orElse("operator"), token.get());
        } catch (IllegalArgumentException e) {
            // The message names the rule, never the value: a bad token must not end up in the logs.
            throw new IllegalArgumentException("moldtank.operator: " + e.getMessage());
        }
    }

    /** 32+ bytes of hex from configuration, or fresh random bytes. */
    private static byte[] secret(Config node) {
        return node.asString().map(hex -> {
            byte[] b = HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex);
            if (b.length < 32) {
                throw new IllegalArgumentException(node.key() + " needs at least 32 bytes (64 hex characters)");
            }
            return b;
        }).orElseGet(() -> {
            byte[] b = new byte[32];
            new SecureRandom().nextBytes(b);
            return b;
        });
    }
}
