package io.moldtank.app.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is on disk while the main job is dead: the H2 file (opened read-only, as the next start would
 * find it) and the mock chain's journal, or the PostgreSQL schema several nodes share and the chain's log
 * in it. Read between a kill and the restart, this is exactly what an acknowledged write must have reached.
 */
final class Books {
    record Bounty(String status, String depositTx) {
    }

    record Release(String hash, String bounty, String to) {
    }

    final Map<String, Bounty> bounties = new HashMap<>();
    final Map<String, Long> submissions = new HashMap<>();
    /** submission id → status (QUEUED, VALIDATING, PASSED, FAILED, DEAD_LETTERED). */
    final Map<String, String> submissionStatus = new HashMap<>();
    /** bounty id → payout tx hash, for confirmed payouts. */
    final Map<String, String> paid = new HashMap<>();
    final List<Release> releases = new ArrayList<>();

    /** The H2 file of a dead single-process job and the journal beside it. */
    static Books read(Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;ACCESS_MODE_DATA=r";
        Books b;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            b = of(c);
        }
        Path journal = dir.resolve("db-mock-chain.log");
        if (Files.exists(journal)) {
            b.chain(Files.readAllLines(journal));
        }
        return b;
    }

    /** A PostgreSQL schema that several nodes share, with the mock chain's log in it. */
    static Books readPostgres(String url, String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.setSchema(schema);
            Books b = of(c);
            List<String> lines = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT line FROM mock_chain_log ORDER BY line_no")) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            b.chain(lines);
            return b;
        }
    }

    private static Books of(Connection c) throws Exception {
        Books b = new Books();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, status, deposit_tx FROM bounties")) {
                while (rs.next()) {
                    b.bounties.put(rs.getString(1), new Bounty(rs.getString(2), rs.getString(3)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT id, sequence_no, status FROM submissions")) {
                while (rs.next()) {
                    b.submissions.put(rs.getString(1), rs.getLong(2));
                    b.submissionStatus.put(rs.getString(1), rs.getString(3));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT bounty_id, tx_hash FROM payouts WHERE status = 'CONFIRMED'")) {
                while (rs.next()) {
                    b.paid.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return b;
    }

    /** The releases among the chain's lines ({@code tx <hash> RELEASE <bounty> - <to> <units>}). */
    private void chain(List<String> lines) {
        for (String line : lines) {
            String[] f = line.split(" ");
            if (f.length == 7 && f[0].equals("tx") && f[2].equals("RELEASE")) {
                releases.add(new Release(f[1], f[3], f[5]));
            }
        }
    }

    long releasesOf(String bounty) {
        return releases.stream().filter(r -> r.bounty().equals(bounty)).count();
    }
}
