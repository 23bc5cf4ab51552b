package io.moldtank.domain.scraper;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Seed 000 §2.7: what a wish for something to be built sounds like, matched case-insensitively on
 * title + content, plus the operator's own patterns. Operator patterns are checked when configured
 * (a broken one stops the start naming it) and are searched only within the post's clipped text.
 */
public final class WishPatterns {
    public static final List<String> SEED = List.of(
            "someone should (build|make|create)",
            "I('d| would) pay .* for",
            "bounty idea",
            "wish there was",
            "need .* that can");

    private final List<Pattern> patterns;

    private WishPatterns(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** The seed's five and {@code extra}; an extra that is not a valid regex is refused, named. */
    public static WishPatterns withExtra(List<String> extra) {
        List<Pattern> all = new ArrayList<>();
        for (String p : SEED) {
            all.add(compile(p));
        }
        for (String p : extra) {
            if (p == null || p.isBlank() || p.length() > 200) {
                throw new IllegalArgumentException("a wish pattern must be 1..200 characters");
            }
            try {
                all.add(compile(p));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("wish pattern is not a regular expression: " + p, e);
            }
        }
        return new WishPatterns(all);
    }

    private static Pattern compile(String p) {
        // DOTALL: a wish may span lines; the text is clipped (SourcePost), so ".*" stays bounded
        return Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    public boolean matches(SourcePost post) {
        String text = post.title() + "\n" + post.content();
        return patterns.stream().anyMatch(p -> p.matcher(text).find());
    }
}
