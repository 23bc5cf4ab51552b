package io.moldtank.adapters.http;

import io.helidon.common.parameters.Parameters;
import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.search.SearchText;
import io.moldtank.ports.out.search.BountySearch;
import io.moldtank.ports.out.storage.BountyQuery;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Query parameters of GET /api/v1/bounties: status, tag, minReward, maxReward (decimal USDC),
 * sort (newest | reward_desc | deadline_asc), after (cursor from the previous page), limit (1..100, 20).
 * With {@code q} (a search text, see {@link SearchRequests}) the same filters drive a text search, whose
 * sort may also be relevance (its default).
 */
final class ListQuery {
    static final int DEFAULT_LIMIT = 20;
    /** Compiled once: String.matches compiles its pattern on every call. */
    private static final Pattern LIMIT = Pattern.compile("\\d{1,3}");

    private ListQuery() {
    }

    static BountyQuery from(Parameters q) {
        Fields f = new Fields();
        Filters filters = filters(q, f);
        BountyQuery.Sort sort = sort(q, f, BountyQuery.Sort.class, BountyQuery.Sort.NEWEST,
                "one of newest, reward_desc, deadline_asc");
        BountyQuery query = f.build("query", () -> new BountyQuery(filters.status, filters.tag, filters.min, filters.max,
                sort, filters.after, filters.limit));
        f.check();
        return query;
    }

    /** The same parameters with {@code q}: a text search; null when there is no q. */
    static BountySearch search(Parameters q) {
        SearchText text = SearchRequests.text(q);
        if (text == null) {
            return null;
        }
        Fields f = new Fields();
        Filters filters = filters(q, f);
        BountySearch.Sort sort = sort(q, f, BountySearch.Sort.class, BountySearch.Sort.RELEVANCE,
                "one of relevance, newest, reward_desc, deadline_asc");
        BountySearch search = f.build("query", () -> new BountySearch(text, filters.status, filters.tag, filters.min,
                filters.max, sort, filters.after, filters.limit));
        f.check();
        return search;
    }

    private record Filters(BountyStatus status, String tag, Usdc min, Usdc max, String after, int limit) {
    }

    private static Filters filters(Parameters q, Fields f) {
        BountyStatus status = q.first("status").map(s -> {
            try {
                return BountyStatus.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                f.add("status", "one of " + java.util.Arrays.toString(BountyStatus.values()));
                return null;
            }
        }).orElse(null);
        String tag = q.first("tag").orElse(null);
        Usdc min = q.first("minReward").map(v -> f.usdc("minReward", v)).orElse(null);
        Usdc max = q.first("maxReward").map(v -> f.usdc("maxReward", v)).orElse(null);
        String after = q.first("after").orElse(null);
        if (after != null && (after.isEmpty() || after.length() > 200)) {
            f.add("after", "a cursor from a previous page");
        }
        int limit = q.first("limit").map(l -> {
            if (!LIMIT.matcher(l).matches()) {
                f.add("limit", "1.." + BountyQuery.MAX_LIMIT);
                return DEFAULT_LIMIT;
            }
            return Integer.parseInt(l);
        }).orElse(DEFAULT_LIMIT);
        return new Filters(status, tag, min, max, after, limit);
    }

    private static <S extends Enum<S>> S sort(Parameters q, Fields f, Class<S> type, S fallback, String choices) {
        return q.first("sort").map(s -> {
            try {
                return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                f.add("sort", choices);
                return null;
            }
        }).orElse(fallback);
    }
}
