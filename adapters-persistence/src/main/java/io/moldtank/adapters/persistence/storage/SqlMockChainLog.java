package io.moldtank.adapters.persistence.storage;

import io.moldtank.ports.out.chain.MockChainLog;
import io.moldtank.ports.out.storage.StaleWrite;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The mock chain's log in table {@code mock_chain_log}. Every call runs on a connection of its own, never
 * in the caller's transaction: the chain is not part of the books, and a business transaction that rolls
 * back must not take a mined transaction with it (nor commit one the chain refused).
 */
public final class SqlMockChainLog implements MockChainLog {
    private final Db db;

    SqlMockChainLog(Db db) {
        this.db = db;
    }

    @Override
    public List<String> after(long seen) {
        if (seen < 0) {
            throw new IllegalArgumentException("seen must not be negative");
        }
        return db.separately("read mock chain log", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT line_no, line FROM mock_chain_log WHERE line_no > ? ORDER BY line_no")) {
                ps.setLong(1, seen);
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getLong(1) != seen + lines.size() + 1) {
                            throw new IllegalStateException("mock chain log has a gap before line " + rs.getLong(1));
                        }
                        lines.add(rs.getString(2));
                    }
                }
                return lines;
            }
        });
    }

    @Override
    public boolean append(long seen, List<String> lines) {
        if (seen < 0 || lines.isEmpty()) {
            throw new IllegalArgumentException("seen >= 0 and at least one line");
        }
        lines.forEach(MockChainLog::requireLine);
        try {
            return db.separately("append to mock chain log", c -> {
                if (seen > 0) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM mock_chain_log WHERE line_no = ?")) {
                        ps.setLong(1, seen);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                throw new IllegalArgumentException("line " + seen + " was never written");
                            }
                        }
                    }
                }
                // a racing writer holds or has taken line seen + 1: the primary key refuses the second
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO mock_chain_log (line_no, line) VALUES (?, ?)")) {
                    for (int i = 0; i < lines.size(); i++) {
                        ps.setLong(1, seen + i + 1);
                        ps.setString(2, lines.get(i));
                        ps.executeUpdate(); // one by one: a batch would report a collision in its own words
                    }
                }
                return true;
            });
        } catch (StaleWrite anotherWriterFirst) {
            return false;
        }
    }
}
