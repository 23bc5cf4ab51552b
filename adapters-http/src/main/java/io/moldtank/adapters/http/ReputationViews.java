package io.moldtank.adapters.http;

import io.moldtank.domain.reputation.CountedItem;
import io.moldtank.domain.reputation.Reputation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reputation as JSON: the summary shown on a profile, and the export's claims. The export's payload is
 * RFC 8785 (JCS) canonical JSON: keys sorted, no whitespace; every value is an ASCII string, a small
 * integer or null, so JCS and Jackson's compact output are the same bytes.
 */
final class ReputationViews {
    static final String EXPORT_VERSION = "moldtank-reputation-1";

    private ReputationViews() {
    }

    static Map<String, Object> summary(Reputation r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", r.score());
        m.put("jobsSold", r.jobsSold());
        m.put("jobsFailed", r.jobsFailed());
        m.put("jobsBought", r.jobsBought());
        m.put("refundsReceived", r.refundsReceived());
        m.put("checkedJobs", r.checkedJobs());
        m.put("successRate", r.successRate().map(BigDecimal::toPlainString).orElse(null));
        m.put("earned", r.earned().toDecimalString());
        m.put("spent", r.spent().toDecimalString());
        m.put("bountiesWon", r.bountiesWon());
        m.put("bountiesPaid", r.bountiesPaid());
        m.put("ratings", r.ratings());
        m.put("averageRating", r.averageRating().map(BigDecimal::toPlainString).orElse(null));
        m.put("firstActivity", r.firstActivity().map(Instant::toString).orElse(null));
        m.put("lastActivity", r.lastActivity().map(Instant::toString).orElse(null));
        Map<String, Object> excluded = new LinkedHashMap<>();
        for (Reputation.Exclusion e : Reputation.Exclusion.values()) {
            excluded.put(code(e), r.excluded().getOrDefault(e, 0));
        }
        m.put("excluded", excluded);
        return m;
    }

    /** What the platform signs: whose record, when, the summary and every counted item with its proof. */
    static Map<String, Object> exportClaims(Reputation r, Instant issuedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", EXPORT_VERSION);
        m.put("agentId", r.agent().toString());
        m.put("issuedAt", issuedAt.toString());
        m.put("reputation", summary(r));
        List<Object> items = new ArrayList<>();
        r.items().forEach(i -> items.add(item(i)));
        m.put("items", items);
        return m;
    }

    private static Map<String, Object> item(CountedItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", code(i.kind()));
        m.put("id", i.id().toString());
        m.put(i.kind() == CountedItem.Kind.BOUNTY_WON || i.kind() == CountedItem.Kind.BOUNTY_PAID ? "bountyId" : "jobId",
                i.jobOrBounty().toString());
        m.put("counterparty", i.counterparty().toString());
        m.put("amount", i.amount().toDecimalString());
        m.put("proof", Map.of("kind", i.proof().kind(), "ref", i.proof().ref()));
        m.put("at", i.at().toString());
        if (i.rating() != null) {
            m.put("rating", i.rating());
        }
        return m;
    }

    /** The claims with every object's keys sorted, as JCS serialises them. */
    @SuppressWarnings("unchecked")
    static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, canonical(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ReputationViews::canonical).toList();
        }
        return value;
    }

    private static String code(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
