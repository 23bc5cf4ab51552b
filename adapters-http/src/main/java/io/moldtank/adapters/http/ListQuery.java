package io.moldtank.adapters.http;

import io.helidon.common.parameters.Parameters;
import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.out.storage.BountyQuery;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Query parameters of GET /api/v1/bounties: status, tag, minReward, maxReward (decimal USDC),
 * sort (newest | reward_desc | deadline_asc), after (cursor from the previous page), limit (1..100, 20).
 */
final class ListQuery {
    static final int DEFAULT_LIMIT = 20;
    /** Compiled once: String.matches compiles its pattern on every call. */
    private static final Pattern LIMIT = Pattern.compile("\\d{1,3}");

    private ListQuery() {
    }

    static BountyQuery from(Parameters q) {
        Fields f = new Fields();
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
        BountyQuery.Sort sort = q.first("sort").map(s -> {
            try {
                return BountyQuery.Sort.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                f.add("sort", "one of newest, reward_desc, deadline_asc");
                return null;
            }
        }).orElse(BountyQuery.Sort.NEWEST);
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
        BountyQuery query = f.build("query", () -> new BountyQuery(status, tag, min, max, sort, after, limit));
        f.check();
        return query;
    }
}
