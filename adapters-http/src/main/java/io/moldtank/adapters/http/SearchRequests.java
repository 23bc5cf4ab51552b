package io.moldtank.adapters.http;

import io.helidon.common.parameters.Parameters;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.search.SearchText;
import io.moldtank.domain.shared.Rejection;
import io.moldtank.ports.in.search.DiscoverQuery;
import io.moldtank.ports.out.search.ListingSearch;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Query parameters of GET /api/v1/discover: q (search text), tag, maxPrice (decimal USDC), minReputation
 * (0..100), sort (relevance | newest | price | reputation; relevance by default with q, newest without),
 * after (cursor), limit (1..100, 20). A q PostgreSQL and the embedded matcher could read differently is
 * a 400 {@code search-query-invalid}; anything else wrong a 400 {@code invalid-input}.
 */
final class SearchRequests {
    static final String QUERY_INVALID = "search-query-invalid";
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,3}");

    private SearchRequests() {
    }

    static DiscoverQuery discover(Parameters q) {
        SearchText text = text(q);
        Fields f = new Fields();
        String tag = q.first("tag").orElse(null);
        if (tag != null && !TAG.matcher(tag).matches()) {
            f.add("tag", "lower-case [a-z0-9-], 1..32 characters");
        }
        Usdc max = q.first("maxPrice").map(v -> f.usdc("maxPrice", v)).orElse(null);
        Integer minReputation = q.first("minReputation").map(v -> {
            int n = SMALL_NUMBER.matcher(v).matches() ? Integer.parseInt(v) : -1;
            if (n < 0 || n > 100) {
                f.add("minReputation", "a whole score 0..100");
                return null;
            }
            return n;
        }).orElse(null);
        ListingSearch.Sort sort = q.first("sort").map(s -> {
            try {
                return ListingSearch.Sort.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                f.add("sort", "one of relevance, newest, price, reputation");
                return null;
            }
        }).orElse(null);
        if (sort == ListingSearch.Sort.RELEVANCE && text == null) {
            f.add("sort", "relevance needs q");
        }
        String after = after(q, f);
        int limit = limit(q, f);
        f.check();
        return new DiscoverQuery(text, tag, max, minReputation, sort, after, limit);
    }

    /** The search text of {@code q}, null when absent; refused as {@value #QUERY_INVALID} when unreadable. */
    static SearchText text(Parameters q) {
        if (!q.contains("q")) {
            return null;
        }
        if (q.all("q").size() > 1) {
            throw invalidQuery("give q once");
        }
        try {
            return SearchText.parse(q.first("q").orElse(""));
        } catch (Rejection r) {
            throw invalidQuery(r.getMessage().substring(r.reason().code().length() + 2));
        }
    }

    static String after(Parameters q, Fields f) {
        String after = q.first("after").orElse(null);
        if (after != null && (after.isEmpty() || after.length() > 200)) {
            f.add("after", "a cursor from a previous page");
        }
        return after;
    }

    static int limit(Parameters q, Fields f) {
        String l = q.first("limit").orElse(Integer.toString(ListQuery.DEFAULT_LIMIT));
        int limit = SMALL_NUMBER.matcher(l).matches() ? Integer.parseInt(l) : -1;
        if (limit < 1 || limit > ListingSearch.MAX_LIMIT) {
            f.add("limit", "1.." + ListingSearch.MAX_LIMIT);
        }
        return limit;
    }

    private static ApiProblem invalidQuery(String why) {
        return new ApiProblem(400, QUERY_INVALID, "Invalid search query", why,
                List.of(new ApiProblem.FieldError("q", why + "; use words, \"phrases\", -excluded words and or"
                        + " between alternatives")), null);
    }
}
