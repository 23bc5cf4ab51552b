package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.a2a.AgentCard;
import io.moldtank.domain.a2a.CardState;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.domain.listing.Listing;
import io.moldtank.ports.out.search.BountyHit;
import io.moldtank.ports.out.search.BountySearch;
import io.moldtank.ports.out.search.InProcessSearch;
import io.moldtank.ports.out.search.ListingHit;
import io.moldtank.ports.out.search.ListingSearch;
import io.moldtank.ports.out.search.Orders;
import io.moldtank.ports.out.search.SearchBounties;
import io.moldtank.ports.out.search.SearchCursor;
import io.moldtank.ports.out.search.SearchListings;
import io.moldtank.ports.out.storage.Page;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Discovery on the database of {@link SqlStorage}. On PostgreSQL a text is matched and ranked by the
 * database: {@code listing_search}/{@code bounty_search} (tsvector, GIN, kept by triggers), the query
 * through {@code websearch_to_tsquery('english', …)}, ranked by {@code ts_rank}, keyset-paged in SQL. On
 * H2 (the embedded default) SQL applies the filters and {@link InProcessSearch} matches what is left, with
 * the same rules to the float. Without a text both run the same SQL.
 */
public final class SqlSearch implements SearchListings, SearchBounties {
    /** Documents of the embedded matcher, built once per content (H2 rereads every candidate per query). */
    private static final int CACHED_DOCUMENTS = 10_000;
    private final Db db;
    private final InProcessSearch inProcess = new InProcessSearch(CACHED_DOCUMENTS);
    private volatile Boolean postgres;

    SqlSearch(Db db) {
        this.db = db;
    }

    @Override
    public Page<ListingHit> searchListings(ListingSearch q) {
        return db.read("search listings", c -> q.text() != null && !postgres(c) ? listingsInProcess(c, q) : listings(c, q));
    }

    @Override
    public Page<BountyHit> searchBounties(BountySearch q) {
        return db.read("search bounties", c -> postgres(c) ? bounties(c, q) : bountiesInProcess(c, q));
    }

    private boolean postgres(Connection c) throws SQLException {
        if (postgres == null) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
        return postgres;
    }

    private static Page<ListingHit> listings(Connection c, ListingSearch q) throws SQLException {
        boolean text = q.text() != null;
        Query sql = new Query().add("SELECT l.id, COALESCE(r.score, ?) AS score", q.unknownScore());
        if (text) {
            sql.add(", ts_rank(s.document, wq.query) AS rank");
        }
        sql.add(" FROM listings l LEFT JOIN agent_reputation r ON r.agent_id = l.seller_id");
        if (text) {
            sql.add(" JOIN listing_search s ON s.listing_id = l.id"
                    + " CROSS JOIN websearch_to_tsquery('english', ?) AS wq(query)", q.text().text());
        }
        sql.add(" WHERE l.active = TRUE");
        if (text) {
            sql.add(" AND s.document @@ wq.query");
        }
        filters(sql, q);
        String order = Orders.listing(q);
        if (q.after() != null) {
            SearchCursor.Position from = SearchCursor.decode(q.after(), order);
            switch (q.sort()) {
                case RELEVANCE -> sql.keyset("l.id", "ts_rank(s.document, wq.query)", "<", SearchCursor.rank(from), from);
                case NEWEST -> sql.keyset("l.id", "l.created_at", "<", SearchCursor.instant(from), from);
                case PRICE -> sql.keyset("l.id", "l.price_units", ">", SearchCursor.number(from), from);
                case REPUTATION -> sql.add(" AND (COALESCE(r.score, ?) < ? OR (COALESCE(r.score, ?) = ? AND l.id > ?))",
                        q.unknownScore(), (int) SearchCursor.number(from), q.unknownScore(),
                        (int) SearchCursor.number(from), from.id());
            }
        }
        sql.add(switch (q.sort()) {
            case RELEVANCE -> " ORDER BY rank DESC, l.id";
            case NEWEST -> " ORDER BY l.created_at DESC, l.id";
            case PRICE -> " ORDER BY l.price_units, l.id";
            case REPUTATION -> " ORDER BY score DESC, l.id";
        }).add(" LIMIT ?", q.limit() + 1);
        record Row(UUID id, int score, Float rank) {
        }
        List<Row> rows = sql.run(c, rs -> new Row(Rows.uuid(rs, "id"), rs.getInt("score"),
                text ? rs.getFloat("rank") : null));
        Map<UUID, Listing> byId = new HashMap<>();
        Listings.loadAll(c, rows.stream().map(Row::id).toList()).forEach(l -> byId.put(l.id().value(), l));
        List<ListingHit> hits = rows.stream().map(r -> new ListingHit(byId.get(r.id()), r.score(), r.rank())).toList();
        return page(hits, q.limit(), h -> SearchCursor.encode(order, switch (q.sort()) {
            case RELEVANCE -> Float.toString(h.relevance());
            case NEWEST -> h.listing().createdAt().toString();
            case PRICE -> Long.toString(h.listing().price().units());
            case REPUTATION -> Integer.toString(h.reputation());
        }, h.listing().id().value()));
    }

    /** Today's filters and the minimum reputation, the same for SQL and for the in-process matcher. */
    private static void filters(Query sql, ListingSearch q) {
        if (q.tag() != null) {
            sql.add(" AND EXISTS (SELECT 1 FROM listing_tags t WHERE t.listing_id = l.id AND t.tag = ?)", q.tag());
        }
        if (q.maxPrice() != null) {
            sql.add(" AND l.price_units <= ?", q.maxPrice().units());
        }
        if (q.minReputation() != null) {
            sql.add(" AND COALESCE(r.score, ?) >= ?", q.unknownScore(), q.minReputation());
        }
    }

    private Page<ListingHit> listingsInProcess(Connection c, ListingSearch q) throws SQLException {
        Query sql = new Query().add("SELECT l.id, r.score AS score FROM listings l"
                + " LEFT JOIN agent_reputation r ON r.agent_id = l.seller_id WHERE l.active = TRUE");
        filters(sql, q);
        Map<UUID, Integer> scores = new LinkedHashMap<>();
        sql.run(c, rs -> scores.put(Rows.uuid(rs, "id"), (Integer) rs.getObject("score")));
        List<Listing> found = Listings.loadAll(c, List.copyOf(scores.keySet()));
        Map<AgentId, AgentCard> cards = cards(c, found.stream().map(l -> l.seller().value()).distinct().toList());
        return inProcess.listings(q, found.stream().map(l -> new InProcessSearch.ListingCandidate(l,
                cards.get(l.seller()), scores.get(l.id().value()))).toList());
    }

    private static Map<AgentId, AgentCard> cards(Connection c, List<UUID> sellers) throws SQLException {
        Map<AgentId, AgentCard> out = new HashMap<>();
        if (sellers.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM agent_cards WHERE agent_id IN ("
                + Rows.placeholders(sellers.size()) + ")")) {
            Rows.bindUuids(ps, 1, sellers);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CardState s = CardRows.read(rs);
                    if (s.card() != null) {
                        out.put(s.agent(), s.card());
                    }
                }
            }
        }
        return out;
    }

    private static Page<BountyHit> bounties(Connection c, BountySearch q) throws SQLException {
        Query sql = new Query().add("SELECT b.id, ts_rank(s.document, wq.query) AS rank FROM bounties b"
                + " JOIN bounty_search s ON s.bounty_id = b.id"
                + " CROSS JOIN websearch_to_tsquery('english', ?) AS wq(query) WHERE s.document @@ wq.query",
                q.text().text());
        filters(sql, q);
        String order = Orders.bounty(q);
        if (q.after() != null) {
            SearchCursor.Position from = SearchCursor.decode(q.after(), order);
            switch (q.sort()) {
                case RELEVANCE -> sql.keyset("b.id", "ts_rank(s.document, wq.query)", "<", SearchCursor.rank(from), from);
                case NEWEST -> sql.keyset("b.id", "b.created_at", "<", SearchCursor.instant(from), from);
                case REWARD_DESC -> sql.keyset("b.id", "b.reward_units", "<", SearchCursor.number(from), from);
                case DEADLINE_ASC -> sql.keyset("b.id", "b.deadline", ">", SearchCursor.instant(from), from);
            }
        }
        sql.add(switch (q.sort()) {
            case RELEVANCE -> " ORDER BY rank DESC, b.id";
            case NEWEST -> " ORDER BY b.created_at DESC, b.id";
            case REWARD_DESC -> " ORDER BY b.reward_units DESC, b.id";
            case DEADLINE_ASC -> " ORDER BY b.deadline, b.id";
        }).add(" LIMIT ?", q.limit() + 1);
        record Row(UUID id, float rank) {
        }
        List<Row> rows = sql.run(c, rs -> new Row(Rows.uuid(rs, "id"), rs.getFloat("rank")));
        Map<UUID, BountySnapshot> byId = new HashMap<>();
        Bounties.loadAll(c, rows.stream().map(Row::id).toList()).forEach(b -> byId.put(b.id().value(), b));
        List<BountyHit> hits = rows.stream().map(r -> new BountyHit(byId.get(r.id()), r.rank())).toList();
        return page(hits, q.limit(), h -> SearchCursor.encode(order, switch (q.sort()) {
            case RELEVANCE -> Float.toString(h.relevance());
            case NEWEST -> h.bounty().createdAt().toString();
            case REWARD_DESC -> Long.toString(h.bounty().terms().reward().units());
            case DEADLINE_ASC -> h.bounty().terms().deadline().toString();
        }, h.bounty().id().value()));
    }

    private static void filters(Query sql, BountySearch q) {
        if (q.status() != null) {
            sql.add(" AND b.status = ?", q.status().name());
        }
        if (q.tag() != null) {
            sql.add(" AND EXISTS (SELECT 1 FROM bounty_tags t WHERE t.bounty_id = b.id AND t.tag = ?)", q.tag());
        }
        if (q.minReward() != null) {
            sql.add(" AND b.reward_units >= ?", q.minReward().units());
        }
        if (q.maxReward() != null) {
            sql.add(" AND b.reward_units <= ?", q.maxReward().units());
        }
    }

    private Page<BountyHit> bountiesInProcess(Connection c, BountySearch q) throws SQLException {
        Query sql = new Query().add("SELECT b.id FROM bounties b WHERE 1 = 1");
        filters(sql, q);
        List<UUID> ids = sql.run(c, rs -> Rows.uuid(rs, "id"));
        return inProcess.bounties(q, Bounties.loadAll(c, ids));
    }

    private static <T> Page<T> page(List<T> hits, int limit, Function<T, String> cursor) {
        if (hits.size() <= limit) {
            return new Page<>(hits, null);
        }
        List<T> shown = hits.subList(0, limit);
        return new Page<>(shown, cursor.apply(shown.getLast()));
    }

    /** SQL text with its parameters in the order they appear. */
    private static final class Query {
        private final StringBuilder text = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        Query add(String sql, Object... values) {
            text.append(sql);
            params.addAll(List.of(values));
            return this;
        }

        /**
         * Rows after the cursor's: the key beyond it ({@code beyond}: "<" descending, ">" ascending), or
         * equal with a greater id.
         */
        Query keyset(String id, String key, String beyond, Object value, SearchCursor.Position from) {
            return add(" AND (" + key + " " + beyond + " ? OR (" + key + " = ? AND " + id + " > ?))", value, value,
                    from.id());
        }

        <T> List<T> run(Connection c, RowReader<T> reader) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(text.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    switch (params.get(i)) {
                        case Instant t -> Rows.instant(ps, i + 1, t);
                        case UUID u -> Rows.uuid(ps, i + 1, u);
                        case Float f -> ps.setFloat(i + 1, f);
                        default -> ps.setObject(i + 1, params.get(i));
                    }
                }
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(reader.read(rs));
                    }
                }
                return out;
            }
        }
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
