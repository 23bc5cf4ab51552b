package io.moldtank.app.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What a refused request must leave as it was: the row count of every table, the rows per status of
 * every table with a status column (an update changes no count), every ledger account's totals, and
 * the last event id. Read over the running job's own pool.
 */
final class StorageTotals {
    private final DataSource db;
    private final List<String> queries = new ArrayList<>();

    StorageTotals(DataSource db) {
        this.db = db;
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT t.table_name, (SELECT COUNT(*) FROM information_schema.columns c "
                     + "WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND LOWER(c.column_name) = 'status') "
                     + "FROM information_schema.tables t WHERE LOWER(t.table_schema) = 'public' "
                     + "AND t.table_type = 'BASE TABLE' ORDER BY t.table_name")) {
            while (r.next()) {
                String table = r.getString(1);
                queries.add("SELECT '" + table + "', COUNT(*) FROM " + table);
                if (r.getInt(2) > 0) {
                    queries.add("SELECT '" + table + ".' || status, COUNT(*) FROM " + table + " GROUP BY status");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables", e);
        }
        queries.add("SELECT 'ledger.' || CAST(id AS VARCHAR), debits_posted * 1000003 + credits_posted * 1009 "
                + "+ debits_pending * 101 + credits_pending FROM ledger_accounts");
        queries.add("SELECT 'ledger.credits-minus-debits', COALESCE(SUM(credits_posted - debits_posted), 0) FROM ledger_accounts");
        queries.add("SELECT 'events.max-id', COALESCE(MAX(id), 0) FROM events");
    }

    /** A name → number map of everything above, sorted by name so two snapshots diff cleanly. */
    Map<String, Long> snapshot() {
        Map<String, Long> totals = new TreeMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String q : queries) {
                try (ResultSet r = s.executeQuery(q)) {
                    while (r.next()) {
                        totals.put(r.getString(1), r.getLong(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the storage totals", e);
        }
        return totals;
    }

    /** The entries that differ, as "name: before → after". */
    static List<String> changes(Map<String, Long> before, Map<String, Long> after) {
        List<String> changed = new ArrayList<>();
        Map<String, Long> all = new TreeMap<>(before);
        all.putAll(after);
        all.keySet().forEach(k -> {
            if (!java.util.Objects.equals(before.get(k), after.get(k))) {
                changed.add(k + ": " + before.get(k) + " -> " + after.get(k));
            }
        });
        return changed;
    }
}
