package io.moldtank.adapters.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A writer process for the kill -9 durability test: opens the embedded default's H2 file exactly as
 * the main job does, then commits numbered rows from two threads and prints {@code ACK n} only after
 * each commit returned — as the API answers 2xx only after its transaction committed.
 * Argument: the H2 file (without ".mv.db").
 */
public final class CommitAndAck {

    private CommitAndAck() {
    }

    public static void main(String[] args) throws Exception {
        PersistenceAdapters.SqlStore store = PersistenceAdapters.h2File(Path.of(args[0]));
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS durability_probe (n BIGINT PRIMARY KEY, pad VARCHAR(200))");
        }
        AtomicLong next = new AtomicLong(System.nanoTime());
        System.out.println("READY");
        System.out.flush();
        Runnable writer = () -> {
            try (Connection c = store.dataSource().getConnection();
                 PreparedStatement insert = c.prepareStatement("INSERT INTO durability_probe VALUES (?, ?)")) {
                c.setAutoCommit(false);
                while (true) {
                    long n = next.incrementAndGet();
                    insert.setLong(1, n);
                    insert.setString(2, "x".repeat(150));
                    insert.executeUpdate();
                    c.commit();
                    synchronized (System.out) {
                        System.out.println("ACK " + n);
                        System.out.flush();
                    }
                }
            } catch (Exception e) {
                e.printStackTrace();
            }
        };
        Thread a = Thread.ofPlatform().start(writer);
        Thread b = Thread.ofPlatform().start(writer);
        a.join();
        b.join();
    }
}
