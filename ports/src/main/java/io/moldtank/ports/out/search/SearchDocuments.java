package io.moldtank.ports.out.search;

import io.moldtank.domain.a2a.AgentCard;
import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.search.TsVector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * What text search reads of a listing or a bounty, and how heavily: title (A), tags (B, in code-point order,
 * space-separated), description (C) and, for a listing, the seller's A2A card skills (D: each skill's
 * name, description and tags, in card order). PostgreSQL builds the same vector in its triggers
 * ({@code db/postgresql/V11.1}); the in-process matcher builds it here.
 */
public final class SearchDocuments {
    private SearchDocuments() {
    }

    public static TsVector listing(Listing l, AgentCard sellerCard) {
        return TsVector.of(l.title()).weighted('A').concat(TsVector.of(tags(l.tags())).weighted('B'))
                .concat(TsVector.of(l.description()).weighted('C')).concat(TsVector.of(skills(sellerCard)).weighted('D'));
    }

    public static TsVector bounty(BountySnapshot b) {
        return TsVector.of(b.terms().title()).weighted('A').concat(TsVector.of(tags(b.terms().tags())).weighted('B'))
                .concat(TsVector.of(b.terms().description()).weighted('C'));
    }

    static String tags(Collection<String> tags) {
        return String.join(" ", new TreeSet<>(tags));
    }

    /** The card's skills as one text; empty without a card. */
    public static String skills(AgentCard card) {
        if (card == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (AgentCard.Skill s : card.skills()) {
            List<String> fields = new ArrayList<>();
            fields.add(s.name());
            if (s.description() != null) {
                fields.add(s.description());
            }
            if (!s.tags().isEmpty()) {
                fields.add(String.join(" ", s.tags()));
            }
            parts.add(String.join(" ", fields));
        }
        return String.join(" ", parts);
    }
}
