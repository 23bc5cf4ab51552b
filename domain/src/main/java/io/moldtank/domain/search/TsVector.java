package io.moldtank.domain.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A text as PostgreSQL's {@code tsvector} holds it: each lexeme with its positions and their weights.
 * {@link #of} is {@code to_tsvector('english', text)}, {@link #weighted} is {@code setweight},
 * {@link #concat} is {@code ||} (the right side's positions move past the left's last), with PostgreSQL's
 * limits: positions stop at 16383, a lexeme keeps at most 255 of its own (256 once concatenated).
 */
public final class TsVector {
    static final int MAX_POSITION = 16383;
    private static final int MAX_OWN_POSITIONS = 255;
    private static final int MAX_POSITIONS = 256;

    /** PostgreSQL's lexeme order: UTF-8 bytes, then length; code-point order is the same, and allocates nothing. */
    static final Comparator<String> ORDER = TsVector::compareCodePoints;

    /** A position and its weight, {@code A} (heaviest) to {@code D} (the default). */
    public record Pos(int at, char weight) {
        int weightIndex() {
            return 'D' - weight;
        }
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    public static final TsVector EMPTY = new TsVector(new TreeMap<>(ORDER));

    private final TreeMap<String, List<Pos>> entries;

    private TsVector(TreeMap<String, List<Pos>> entries) {
        this.entries = entries;
    }

    /** {@code to_tsvector('english', text)}. */
    public static TsVector of(String text) {
        TreeMap<String, List<Pos>> entries = new TreeMap<>(ORDER);
        int position = 0;
        for (Lexer.Token t : Lexer.tokens(text == null ? "" : text)) {
            position++;
            String lexeme = Lexer.lexeme(t);
            if (lexeme == null) {
                continue;
            }
            List<Pos> at = entries.computeIfAbsent(lexeme, k -> new ArrayList<>());
            int p = Math.min(position, MAX_POSITION);
            int last = at.isEmpty() ? -1 : at.getLast().at();
            if (at.size() < MAX_OWN_POSITIONS && last != MAX_POSITION && last != p) {
                at.add(new Pos(p, 'D'));
            }
        }
        return new TsVector(entries);
    }

    /** {@code setweight(this, weight)}. */
    public TsVector weighted(char weight) {
        if (weight < 'A' || weight > 'D') {
            throw new IllegalArgumentException("weight is A, B, C or D");
        }
        TreeMap<String, List<Pos>> out = new TreeMap<>(ORDER);
        entries.forEach((k, v) -> out.put(k, v.stream().map(p -> new Pos(p.at(), weight)).toList()));
        return new TsVector(out);
    }

    /** {@code this || right}. */
    public TsVector concat(TsVector right) {
        int shift = maxPosition();
        TreeMap<String, List<Pos>> out = new TreeMap<>(ORDER);
        entries.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        right.entries.forEach((k, v) -> {
            List<Pos> at = out.computeIfAbsent(k, x -> new ArrayList<>());
            for (Pos p : v) {
                if (at.size() >= MAX_POSITIONS || !at.isEmpty() && at.getLast().at() == MAX_POSITION) {
                    break;
                }
                at.add(new Pos(Math.min(p.at() + shift, MAX_POSITION), p.weight()));
            }
        });
        return new TsVector(out);
    }

    int maxPosition() {
        return entries.values().stream().flatMap(List::stream).mapToInt(Pos::at).max().orElse(0);
    }

    /** The positions of {@code lexeme}, ascending; empty when absent. */
    List<Pos> positions(String lexeme) {
        return entries.getOrDefault(lexeme, List.of());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Map<String, List<Pos>> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** PostgreSQL's text form, e.g. {@code 'cat':1A 'dog':2A,3C}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        entries.forEach((lexeme, at) -> {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append('\'').append(lexeme.replace("'", "''").replace("\\", "\\\\")).append('\'');
            for (int i = 0; i < at.size(); i++) {
                s.append(i == 0 ? ':' : ',').append(at.get(i).at());
                if (at.get(i).weight() != 'D') {
                    s.append(at.get(i).weight());
                }
            }
        });
        return s.toString();
    }
}
