package io.moldtank.domain.search;

import io.moldtank.domain.shared.Reason;
import io.moldtank.domain.shared.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A search query in the syntax of PostgreSQL's {@code websearch_to_tsquery}, limited to what both
 * PostgreSQL and the embedded matcher read the same way: words (hyphenated ones too), {@code "phrases"},
 * {@code -excluded} words or phrases, and {@code or} between alternatives. Parsed into the query
 * PostgreSQL would build — alternatives of AND-ed items, each item a phrase of lexemes at fixed distances —
 * so {@link #matches} and {@link #rank} answer as {@code @@} and {@code ts_rank} do.
 *
 * <p>Refused ({@link Refusal#SEARCH_QUERY_INVALID}): more than {@value #MAX_LENGTH} characters,
 * {@value #MAX_WORDS} words or {@value #MAX_ALTERNATIVES} alternatives; characters other than letters,
 * digits, spaces, {@code "}, {@code -} and {@code '}; an unclosed quote; a {@code -} that neither starts a
 * word nor joins two parts with letters; {@code or} at an end or twice in a row; an alternative with no
 * searchable word (only stop words such as "the", or only excluded words).
 */
public final class SearchText {
    public static final int MAX_LENGTH = 200;
    public static final int MAX_WORDS = 16;
    public static final int MAX_ALTERNATIVES = 8;

    public enum Refusal implements Reason {
        SEARCH_QUERY_INVALID
    }

    /** One AND-ed item: lexemes at offsets from the first (a single word is a phrase of one). */
    record Item(boolean negated, List<String> lexemes, List<Integer> offsets) {
    }

    private final String text;
    private final List<List<Item>> alternatives;

    private SearchText(String text, List<List<Item>> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    /** The query as sent, for {@code websearch_to_tsquery('english', text)}. */
    public String text() {
        return text;
    }

    public static SearchText parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw refuse("q is empty");
        }
        if (raw.length() > MAX_LENGTH) {
            throw refuse("q is longer than " + MAX_LENGTH + " characters");
        }
        raw.codePoints().filter(c -> !Lexer.alnum(c) && c != ' ' && c != '"' && c != '-' && c != '\'').findFirst()
                .ifPresent(c -> {
                    throw refuse("q may hold letters, digits, spaces, \", - and ' only, not " + describe(c));
                });
        if (raw.chars().filter(c -> c == '"').count() % 2 != 0) {
            throw refuse("q has a quote that is not closed");
        }
        return new Parser(raw).parse();
    }

    private static String describe(int c) {
        return Character.isISOControl(c) || Character.isWhitespace(c) ? String.format("U+%04X", c)
                : "'" + Character.toString(c) + "'";
    }

    static Rejection refuse(String why) {
        return new Rejection(Refusal.SEARCH_QUERY_INVALID, why);
    }

    /** Whether the document matches, as {@code document @@ websearch_to_tsquery('english', text)}. */
    public boolean matches(TsVector document) {
        return alternatives.stream().anyMatch(items -> items.stream().allMatch(i -> i.negated() != occurs(document, i)));
    }

    private static boolean occurs(TsVector doc, Item item) {
        for (TsVector.Pos first : doc.positions(item.lexemes().getFirst())) {
            boolean all = true;
            for (int k = 1; k < item.lexemes().size() && all; k++) {
                int want = first.at() + item.offsets().get(k);
                all = doc.positions(item.lexemes().get(k)).stream().anyMatch(p -> p.at() == want);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** {@code ts_rank(document, websearch_to_tsquery('english', text))}, to the float. */
    public float rank(TsVector document) {
        return Relevance.rank(document, operands(), andRoot());
    }

    /** Every lexeme of the query, excluded ones too, once each in PostgreSQL's order (as ts_rank reads them). */
    List<String> operands() {
        TreeSet<String> all = new TreeSet<>(TsVector.ORDER);
        alternatives.forEach(a -> a.forEach(i -> all.addAll(i.lexemes())));
        return List.copyOf(all);
    }

    /** Whether the query's top operator is AND or a phrase (ts_rank then weighs distances between words). */
    boolean andRoot() {
        if (alternatives.size() != 1) {
            return false;
        }
        List<Item> items = alternatives.getFirst();
        return items.size() > 1 || !items.getFirst().negated() && items.getFirst().lexemes().size() > 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchText s && s.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "SearchText[" + text + "]";
    }

    /** websearch_to_tsquery's reading of the allowed syntax. */
    private static final class Parser {
        private final String raw;
        private final List<List<Item>> alternatives = new ArrayList<>();
        private List<Item> current = new ArrayList<>();
        private boolean orPending;
        private boolean seenTerm;
        private int words;
        private int i;

        Parser(String raw) {
            this.raw = raw;
        }

        SearchText parse() {
            while (i < raw.length()) {
                char c = raw.charAt(i);
                if (c == ' ') {
                    i++;
                } else {
                    term();
                }
            }
            if (orPending) {
                throw refuse("q ends with or");
            }
            close();
            if (alternatives.size() > MAX_ALTERNATIVES) {
                throw refuse("q has more than " + MAX_ALTERNATIVES + " alternatives");
            }
            return new SearchText(raw, List.copyOf(alternatives));
        }

        private void term() {
            boolean negated = raw.charAt(i) == '-';
            int start = negated ? i + 1 : i;
            if (negated && (start >= raw.length() || raw.charAt(start) == ' ' || raw.charAt(start) == '-')) {
                throw refuse("a - must be followed by the word or \"phrase\" it excludes");
            }
            String body;
            if (raw.charAt(start) == '"') {
                int close = raw.indexOf('"', start + 1);
                body = raw.substring(start + 1, close);
                i = close + 1;
                if (i < raw.length() && raw.charAt(i) != ' ') {
                    throw refuse("a closing quote must be followed by a space");
                }
                if (body.isBlank()) {
                    throw refuse("q has an empty phrase");
                }
                for (String w : body.trim().split(" +")) {
                    checkWord(w);
                }
            } else {
                int end = raw.indexOf(' ', start);
                end = end < 0 ? raw.length() : end;
                body = raw.substring(start, end);
                i = end;
                if (body.indexOf('"') >= 0) {
                    throw refuse("a quote must start a phrase, after a space");
                }
                if (!negated && body.toLowerCase(Locale.ROOT).equals("or")) {
                    if (!seenTerm || orPending) {
                        throw refuse("or must stand between two alternatives");
                    }
                    orPending = true;
                    return;
                }
                checkWord(body);
            }
            if (orPending) {
                close();
                orPending = false;
            }
            seenTerm = true;
            item(negated, body).ifPresent(current::add);
        }

        /** A word: letters and digits, parts joined by single - or ' ; each part of a hyphenated word has a letter. */
        private void checkWord(String w) {
            words++;
            if (words > MAX_WORDS) {
                throw refuse("q has more than " + MAX_WORDS + " words");
            }
            for (String piece : w.split("'", -1)) {
                if (piece.isEmpty()) {
                    throw refuse("a ' must stand between letters or digits: " + w);
                }
                String[] parts = piece.split("-", -1);
                for (String part : parts) {
                    if (part.isEmpty()) {
                        throw refuse("a - inside a word must join two parts: " + w);
                    }
                    if (parts.length > 1 && part.codePoints().noneMatch(Character::isLetter)) {
                        throw refuse("each part of a hyphenated word needs a letter (write numbers apart): " + w);
                    }
                }
            }
        }

        private java.util.Optional<Item> item(boolean negated, String body) {
            List<String> lexemes = new ArrayList<>();
            List<Integer> offsets = new ArrayList<>();
            int position = 0;
            int first = -1;
            for (Lexer.Token t : Lexer.tokens(body)) {
                position++;
                String lexeme = Lexer.lexeme(t);
                if (lexeme != null) {
                    first = first < 0 ? position : first;
                    lexemes.add(lexeme);
                    offsets.add(position - first);
                }
            }
            return lexemes.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(new Item(negated, List.copyOf(lexemes), List.copyOf(offsets)));
        }

        private void close() {
            if (current.stream().noneMatch(item -> !item.negated())) {
                throw refuse("every alternative of q needs a word to look for that is not a stop word (like \"the\")"
                        + " and not excluded");
            }
            alternatives.add(List.copyOf(current));
            current = new ArrayList<>();
        }
    }
}
