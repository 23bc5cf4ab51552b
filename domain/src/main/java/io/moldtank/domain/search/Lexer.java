package io.moldtank.domain.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts text into tokens the way PostgreSQL's default text-search parser does for the forms it meets most:
 * words of letters and digits, hyphenated words (the whole, then each part), signed integers, dotted
 * forms (hosts, versions, decimals) and file paths kept whole, and markup tags skipped. Each token takes
 * one position. Not emulated (PostgreSQL keeps them whole, this cuts them at punctuation): URLs and e-mail
 * addresses, and a host followed by a path. The lexeme of a token is what the {@code english} configuration makes of it.
 */
final class Lexer {
    /** PostgreSQL ignores words of this many bytes or more (and gives them no position). */
    private static final int MAX_BYTES = 2047;

    /** A token; {@code stemmed}: letters only, so it goes through the English stemmer and stop words. */
    record Token(String text, boolean stemmed) {
    }

    private final int[] cps;
    private final List<Token> out = new ArrayList<>();

    private Lexer(String text) {
        this.cps = text.codePoints().toArray();
    }

    static List<Token> tokens(String text) {
        Lexer l = new Lexer(text);
        l.run();
        return l.out;
    }

    /** The token's lexeme under the {@code english} configuration; null for a stop word. */
    static String lexeme(Token t) {
        String lower = t.text().toLowerCase(Locale.ROOT);
        if (!t.stemmed()) {
            return lower;
        }
        return StopWords.ENGLISH.contains(lower) ? null : EnglishStemmer.stem(lower);
    }

    private void run() {
        int n = cps.length;
        int i = 0;
        while (i < n) {
            int c = cps[i];
            int tagEnd = c == '<' ? tagEnd(i) : -1;
            int pathEnd = c == '/' || ascii(c) ? pathEnd(i) : -1;
            if (tagEnd > 0) {
                i = tagEnd + 1;
            } else if (pathEnd > 0) {
                emit(i, pathEnd, false);
                i = pathEnd;
            } else if ((c == '-' || c == '+') && i + 1 < n && digit(cps[i + 1])) {
                int j = i + 1;
                while (j < n && digit(cps[j])) {
                    j++;
                }
                emit(i, j, false);
                i = j;
            } else if (!alnum(c)) {
                i++;
            } else {
                i = word(i);
            }
        }
    }

    /** A word, a dotted form or a hyphenated word starting at {@code i}; returns where scanning goes on. */
    private int word(int i) {
        int n = cps.length;
        int j = runEnd(i);
        if (j + 1 < n && cps[j] == '.' && alnum(cps[j + 1])) {
            int k = j;
            while (k + 1 < n && cps[k] == '.' && alnum(cps[k + 1])) {
                k = runEnd(k + 1);
            }
            emit(i, k, false);
            return k;
        }
        List<int[]> parts = new ArrayList<>();
        parts.add(new int[] {i, j});
        int k = j;
        if (hasLetter(i, j)) {
            while (k + 1 < n && cps[k] == '-' && alnum(cps[k + 1])) {
                int e = runEnd(k + 1);
                if (!hasLetter(k + 1, e)) {
                    if (parts.size() > 1) {
                        k++; // a hyphenated word takes the hyphen before a part of digits: no sign follows
                    }
                    break;
                }
                parts.add(new int[] {k + 1, e});
                k = e;
            }
        }
        if (parts.size() == 1) {
            emit(i, j, !hasDigit(i, j));
            return j;
        }
        int end = parts.getLast()[1];
        emit(i, end, !hasDigit(i, end));
        for (int[] p : parts) {
            emit(p[0], p[1], !hasDigit(p[0], p[1]));
        }
        return Math.max(k, end);
    }

    /**
     * The end of a file path starting at {@code i} ({@code a/b}, {@code src/main.java}, {@code /usr/bin},
     * {@code and/or}): segments of ASCII letters, digits, dots and hyphens joined by single slashes; -1 if none.
     */
    private int pathEnd(int i) {
        int n = cps.length;
        int k = i;
        boolean slash = false;
        if (cps[k] == '/') {
            k++;
            slash = true;
        }
        while (true) {
            if (k >= n || !ascii(cps[k])) {
                return -1;
            }
            int e = k;
            // PostgreSQL takes underscores into a path only after its first slash
            while (e < n && (ascii(cps[e]) || cps[e] == '.' || cps[e] == '-' || slash && cps[e] == '_')) {
                e++;
            }
            while (!ascii(cps[e - 1])) {
                e--;
            }
            k = e;
            if (k + 1 < n && cps[k] == '/' && ascii(cps[k + 1])) {
                slash = true;
                k++;
            } else {
                return slash ? k : -1;
            }
        }
    }

    /** The index of the '>' closing a tag opened at {@code i} ({@code <b>}, {@code </b>}, {@code <a href=…>}), or -1. */
    private int tagEnd(int i) {
        int n = cps.length;
        int j = i + 1;
        if (j < n && cps[j] == '/') {
            j++;
        }
        if (j >= n || !Character.isLetter(cps[j])) {
            return -1;
        }
        for (int k = j; k < n; k++) {
            if (cps[k] == '>') {
                return k;
            }
            if (cps[k] == '<') {
                return -1;
            }
        }
        return -1;
    }

    private void emit(int from, int to, boolean stemmed) {
        String text = new String(cps, from, to - from);
        if (text.getBytes(StandardCharsets.UTF_8).length < MAX_BYTES) {
            out.add(new Token(text, stemmed));
        }
    }

    private int runEnd(int i) {
        int j = i;
        while (j < cps.length && alnum(cps[j])) {
            j++;
        }
        return j;
    }

    private boolean hasLetter(int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.isLetter(cps[k])) {
                return true;
            }
        }
        return false;
    }

    private boolean hasDigit(int from, int to) {
        for (int k = from; k < to; k++) {
            if (digit(cps[k])) {
                return true;
            }
        }
        return false;
    }

    static boolean alnum(int c) {
        return Character.isLetter(c) || digit(c);
    }

    private static boolean ascii(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || digit(c);
    }

    static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }
}
