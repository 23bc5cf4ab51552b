package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.listing.ListingId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.out.storage.ListingQuery;
import io.moldtank.ports.out.storage.Page;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.*;

/** Listings, saved whole (insert or replace) with their tags; discovered newest first by keyset. */
final class Listings {
    private static final String ORDER = "LISTINGS_NEWEST";
    private static final String COLUMNS = "id, seller_id, title, description, price_units, active, created_at, check_spec";

    private Listings() {
    }

    /** Update first, insert if missing; a concurrent first insert makes the insert a no-op, then update again. */
    static void save(Connection c, Listing l) throws SQLException {
        if (update(c, l) == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO listings (seller_id, title, description, "
                    + "price_units, active, created_at, check_spec, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                bind(ps, l);
                if (ps.executeUpdate() == 0) {
                    update(c, l);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM listing_tags WHERE listing_id = ?")) {
            ps.setObject(1, l.id().value());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO listing_tags (listing_id, tag) VALUES (?, ?)")) {
            for (String tag : new TreeSet<>(l.tags())) {
                ps.setObject(1, l.id().value());
                ps.setString(2, tag);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static int update(Connection c, Listing l) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE listings SET seller_id = ?, title = ?, description = ?, "
                + "price_units = ?, active = ?, created_at = ?, check_spec = ? WHERE id = ?")) {
            bind(ps, l);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Listing l) throws SQLException {
        ps.setObject(1, l.seller().value());
        ps.setString(2, Text.column("listing.title", l.title(), 200));
        ps.setString(3, Text.column("listing.description", l.description(), 20_000));
        ps.setLong(4, l.price().units());
        ps.setBoolean(5, l.active());
        Rows.instant(ps, 6, l.createdAt());
        String check = JobCheckJson.check(l.check());
        if (check == null) {
            ps.setNull(7, java.sql.Types.VARCHAR);
        } else {
            ps.setString(7, check);
        }
        ps.setObject(8, l.id().value());
    }

    static Optional<Listing> load(Connection c, ListingId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM listings WHERE id = ?")) {
            ps.setObject(1, id.value());
            return read(c, ps).stream().findFirst();
        }
    }

    /** The listings with these ids, with their tags, in no particular order. */
    static List<Listing> loadAll(Connection c, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM listings WHERE id IN ("
                + Rows.placeholders(ids.size()) + ")")) {
            Rows.bindUuids(ps, 1, ids);
            return read(c, ps);
        }
    }

    static Page<Listing> discover(Connection c, ListingQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM listings l WHERE active = TRUE");
        List<Object> params = new ArrayList<>();
        if (q.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM listing_tags t WHERE t.listing_id = l.id AND t.tag = ?)");
            params.add(q.tag());
        }
        if (q.maxPrice() != null) {
            sql.append(" AND price_units <= ?");
            params.add(q.maxPrice().units());
        }
        if (q.after() != null) {
            List<String> keys = Cursor.decode(q.after(), ORDER, 2);
            Instant at;
            UUID id;
            try {
                at = Instant.parse(keys.get(0));
                id = UUID.fromString(keys.get(1));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException("malformed cursor");
            }
            sql.append(" AND (created_at < ? OR (created_at = ? AND id > ?))");
            params.addAll(List.of(at, at, id));
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT ?");
        params.add(q.limit() + 1);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i) instanceof Instant t) {
                    Rows.instant(ps, i + 1, t);
                } else {
                    ps.setObject(i + 1, params.get(i));
                }
            }
            List<Listing> found = read(c, ps);
            if (found.size() <= q.limit()) {
                return new Page<>(found, null);
            }
            Listing last = found.get(q.limit() - 1);
            return new Page<>(found.subList(0, q.limit()),
                    Cursor.encode(ORDER, last.createdAt().toString(), last.id().value().toString()));
        }
    }

    private static List<Listing> read(Connection c, PreparedStatement ps) throws SQLException {
        record Row(UUID id, UUID seller, String title, String description, long price, boolean active, Instant at,
                   String check) {
        }
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(Rows.uuid(rs, "id"), Rows.uuid(rs, "seller_id"), rs.getString("title"),
                        rs.getString("description"), rs.getLong("price_units"), rs.getBoolean("active"),
                        Rows.instant(rs, "created_at"), rs.getString("check_spec")));
            }
        }
        Map<UUID, Set<String>> tags = tags(c, rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> new Listing(new ListingId(r.id()), new AgentId(r.seller()), r.title(),
                r.description(), Usdc.ofUnits(r.price()), tags.getOrDefault(r.id(), Set.of()), r.active(), r.at(),
                JobCheckJson.check(r.check())))
                .toList();
    }

    private static Map<UUID, Set<String>> tags(Connection c, List<UUID> ids) throws SQLException {
        Map<UUID, Set<String>> tags = new HashMap<>();
        if (ids.isEmpty()) {
            return tags;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT listing_id, tag FROM listing_tags WHERE listing_id IN ("
                + Rows.placeholders(ids.size()) + ")")) {
            Rows.bindUuids(ps, 1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.computeIfAbsent(Rows.uuid(rs, "listing_id"), k -> new HashSet<>()).add(rs.getString("tag"));
                }
            }
        }
        return tags;
    }
}
