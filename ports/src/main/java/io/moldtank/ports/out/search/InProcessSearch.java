package io.moldtank.ports.out.search;

import io.moldtank.domain.a2a.AgentCard;
import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.search.SearchText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.moldtank.domain.search.TsVector;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import io.moldtank.ports.out.storage.Page;

/**
 * Search done in this process over candidates an adapter hands in: filter, match and rank with the domain's
 * {@link SearchText} (PostgreSQL's rules, to the float), order, and cut a page after the cursor. The
 * in-memory adapter hands in everything; the H2 adapter what its SQL filters left. Ids break ties in
 * the order databases sort UUIDs (their lower-case text). Documents are built once per listing (and card)
 * or bounty content and kept in a bounded cache: every query reads every candidate.
 */
public final class InProcessSearch {
    private static final Comparator<UUID> IDS = Comparator.comparing(UUID::toString);
    private final Map<Object, TsVector> documents;

    /** Keeps the documents of at most {@code cached} listings and bounties (least recently used go first). */
    public InProcessSearch(int cached) {
        this.documents = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, TsVector> eldest) {
                return size() > cached;
            }
        });
    }

    private record ListingContent(Listing listing, AgentCard card) {
    }

    private TsVector document(Listing l, AgentCard card) {
        return documents.computeIfAbsent(new ListingContent(l, card), k -> SearchDocuments.listing(l, card));
    }

    private TsVector document(BountySnapshot b) {
        return documents.computeIfAbsent(List.of(b.id(), b.terms()), k -> SearchDocuments.bounty(b));
    }

    /** A listing that may be found: with its seller's card (or null) and kept score (or null: never reckoned). */
    public record ListingCandidate(Listing listing, AgentCard sellerCard, Integer score) {
    }

    public Page<ListingHit> listings(ListingSearch q, List<ListingCandidate> candidates) {
        List<ListingHit> hits = new ArrayList<>();
        for (ListingCandidate c : candidates) {
            Listing l = c.listing();
            int score = c.score() == null ? q.unknownScore() : c.score();
            boolean kept = l.active() && (q.tag() == null || l.tags().contains(q.tag()))
                    && (q.maxPrice() == null || l.price().compareTo(q.maxPrice()) <= 0)
                    && (q.minReputation() == null || score >= q.minReputation());
            if (!kept) {
                continue;
            }
            Float rank = null;
            if (q.text() != null) {
                var doc = document(l, c.sellerCard());
                if (!q.text().matches(doc)) {
                    continue;
                }
                rank = q.text().rank(doc);
            }
            hits.add(new ListingHit(l, score, rank));
        }
        Keyed<ListingHit> keyed = switch (q.sort()) {
            case RELEVANCE -> Keyed.descending(h -> h.relevance(), h -> Float.toString(h.relevance()), SearchCursor::rank);
            case NEWEST -> Keyed.descending(h -> h.listing().createdAt(), h -> h.listing().createdAt().toString(),
                    SearchCursor::instant);
            case PRICE -> Keyed.ascending(h -> h.listing().price().units(), h -> Long.toString(h.listing().price().units()),
                    SearchCursor::number);
            case REPUTATION -> Keyed.descending(h -> (long) h.reputation(), h -> Integer.toString(h.reputation()),
                    SearchCursor::number);
        };
        return keyed.page(hits, h -> h.listing().id().value(), Orders.listing(q), q.after(), q.limit());
    }

    public Page<BountyHit> bounties(BountySearch q, List<BountySnapshot> candidates) {
        List<BountyHit> hits = new ArrayList<>();
        for (BountySnapshot b : candidates) {
            boolean kept = (q.status() == null || b.status() == q.status())
                    && (q.tag() == null || b.terms().tags().contains(q.tag()))
                    && (q.minReward() == null || b.terms().reward().compareTo(q.minReward()) >= 0)
                    && (q.maxReward() == null || b.terms().reward().compareTo(q.maxReward()) <= 0);
            var doc = document(b);
            if (kept && q.text().matches(doc)) {
                hits.add(new BountyHit(b, q.text().rank(doc)));
            }
        }
        Keyed<BountyHit> keyed = switch (q.sort()) {
            case RELEVANCE -> Keyed.descending(h -> h.relevance(), h -> Float.toString(h.relevance()), SearchCursor::rank);
            case NEWEST -> Keyed.descending(h -> h.bounty().createdAt(), h -> h.bounty().createdAt().toString(),
                    SearchCursor::instant);
            case REWARD_DESC -> Keyed.descending(h -> h.bounty().terms().reward().units(),
                    h -> Long.toString(h.bounty().terms().reward().units()), SearchCursor::number);
            case DEADLINE_ASC -> Keyed.ascending(h -> h.bounty().terms().deadline(),
                    h -> h.bounty().terms().deadline().toString(), SearchCursor::instant);
        };
        return keyed.page(hits, h -> h.bounty().id().value(), Orders.bounty(q), q.after(), q.limit());
    }

    /** One order: a sort key (ascending or descending), then the id ascending; its cursor's key text. */
    private record Keyed<T>(Function<T, Comparable<Object>> key, boolean descending, Function<T, String> text,
                            Function<SearchCursor.Position, Object> parse) {

        @SuppressWarnings("unchecked")
        static <T, K extends Comparable<K>> Keyed<T> ascending(Function<T, K> key, Function<T, String> text,
                                                              Function<SearchCursor.Position, K> parse) {
            return new Keyed<>(t -> (Comparable<Object>) (Comparable<?>) key.apply(t), false, text, parse::apply);
        }

        @SuppressWarnings("unchecked")
        static <T, K extends Comparable<K>> Keyed<T> descending(Function<T, K> key, Function<T, String> text,
                                                               Function<SearchCursor.Position, K> parse) {
            return new Keyed<>(t -> (Comparable<Object>) (Comparable<?>) key.apply(t), true, text, parse::apply);
        }

        Page<T> page(List<T> items, Function<T, UUID> id, String order, String after, int limit) {
            Comparator<T> byKey = Comparator.comparing(key);
            Comparator<T> sorted = (descending ? byKey.reversed() : byKey).thenComparing(id, IDS);
            List<T> all = items.stream().sorted(sorted).toList();
            if (after != null) {
                SearchCursor.Position from = SearchCursor.decode(after, order);
                @SuppressWarnings("unchecked")
                Comparable<Object> last = (Comparable<Object>) parse.apply(from);
                Predicate<T> beyond = t -> {
                    int c = key.apply(t).compareTo(last);
                    c = descending ? -c : c;
                    return c > 0 || c == 0 && IDS.compare(id.apply(t), from.id()) > 0;
                };
                all = all.stream().filter(beyond).toList();
            }
            if (all.size() <= limit) {
                return new Page<>(all, null);
            }
            T lastShown = all.get(limit - 1);
            return new Page<>(all.subList(0, limit), SearchCursor.encode(order, text.apply(lastShown),
                    id.apply(lastShown)));
        }
    }
}
