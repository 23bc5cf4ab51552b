package io.moldtank.domain.scraper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What makes two posts the same wish: {@code exact} is a hash of the normalised text (case, accents'
 * compatibility forms, punctuation and spacing ignored), so the database can refuse a second draft of
 * it on any node; {@code simhash} is a 64-bit SimHash over word 3-grams, so a repost with a few words
 * changed is also recognised (Hamming distance at most {@link #NEAR}).
 */
public record Fingerprint(String exact, long simhash) {
    public static final int NEAR = 3;

    public static Fingerprint of(SourcePost post) {
        String text = normalise(post.title() + " " + post.content());
        return new Fingerprint(sha256(text).substring(0, 32), simhash(text));
    }

    public boolean near(Fingerprint other) {
        return exact.equals(other.exact) || Long.bitCount(simhash ^ other.simhash) <= NEAR;
    }

    static String normalise(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static long simhash(String text) {
        String[] words = text.isEmpty() ? new String[0] : text.split(" ");
        int[] weights = new int[64];
        int shingles = Math.max(1, words.length - 2);
        for (int i = 0; i < shingles; i++) {
            String gram = String.join(" ", java.util.Arrays.copyOfRange(words, i, Math.min(words.length, i + 3)));
            long h = fnv1a(gram);
            for (int b = 0; b < 64; b++) {
                weights[b] += ((h >>> b) & 1) == 1 ? 1 : -1;
            }
        }
        long out = 0;
        for (int b = 0; b < 64; b++) {
            if (weights[b] > 0) {
                out |= 1L << b;
            }
        }
        return out;
    }

    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        // FNV's low bits mix poorly for short strings; a final avalanche (splitmix64) spreads them
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
