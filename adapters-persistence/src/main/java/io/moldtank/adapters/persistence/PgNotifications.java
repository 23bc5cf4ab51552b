package io.moldtank.adapters.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wake-ups between processes over PostgreSQL LISTEN/NOTIFY: for queue waiters, and for the event
 * feed, which follows what other processes commit.
 *
 * <p>NOTIFY is sent by a background thread after the enqueue has committed, in its own tiny
 * transaction, and coalesced: a burst of enqueues costs one NOTIFY. So the enqueue transaction
 * never takes PostgreSQL's notify queue lock, which would serialise committing transactions.
 * The listener holds its own connection (a plain JDBC one: LISTEN needs {@link PGConnection},
 * which a pool hands out only wrapped) and reconnects after failures. Waiters also poll, so a
 * lost notification only costs latency.
 *
 * <p>Each instance signs its NOTIFYs with a random id and ignores its own: its waiters were woken
 * in-process already, so the round trip through PostgreSQL would only wake them a second time.
 */
final class PgNotifications extends Wakeups {

    private static final Logger LOG = LoggerFactory.getLogger(PgNotifications.class);

    private final String jdbcUrl;
    private final Properties connectionProperties;
    private final String channel;
    private final DataSource pool;
    private final String self = UUID.randomUUID().toString();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong received = new AtomicLong(); // notifications read, own ones included
    private final Thread listener;
    private final Thread notifier;
    private volatile boolean running = true;
    private volatile Connection listening;

    PgNotifications(String jdbcUrl, Properties connectionProperties, String channel, DataSource pool) {
        if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("bad channel name: " + channel);
        }
        this.jdbcUrl = jdbcUrl;
        this.connectionProperties = connectionProperties;
        this.channel = channel;
        this.pool = pool;
        this.listener = Thread.ofPlatform().daemon().name("moldtank-listen-" + channel).start(this::listen);
        this.notifier = Thread.ofPlatform().daemon().name("moldtank-notify-" + channel).start(this::sendNotifies);
    }

    @Override
    void signal() {
        wakeLocal();
        notifyOthers();
    }

    /** Wakes the other processes only (sent after the caller's commit, coalesced). */
    void notifyOthers() {
        pending.set(true);
        LockSupport.unpark(notifier);
    }

    private void listen() {
        while (running) {
            try (Connection c = DriverManager.getConnection(jdbcUrl, connectionProperties)) {
                listening = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + channel);
                }
                wakeLocal(); // anything sent while we were not listening is picked up by the waiters' next claim
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications(1000);
                    if (notes != null && fromOthers(notes)) {
                        wakeLocal();
                    }
                    if (notes != null) {
                        received.addAndGet(notes.length);
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("LISTEN connection for {} lost ({}); reconnecting", channel, e.getMessage());
                    pause(500);
                }
            } finally {
                listening = null;
            }
        }
    }

    /** Notifications this instance has read, its own included. */
    long received() {
        return received.get();
    }

    private boolean fromOthers(PGNotification[] notes) {
        for (PGNotification note : notes) {
            if (!self.equals(note.getParameter())) {
                return true;
            }
        }
        return false;
    }

    private void sendNotifies() {
        while (running) {
            if (!pending.getAndSet(false)) {
                LockSupport.parkNanos(millisToNanos(1000));
                continue;
            }
            try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                s.setString(1, channel);
                s.setString(2, self);
                s.execute();
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("NOTIFY on {} failed ({}); waiters fall back to polling", channel, e.getMessage());
                    pause(500);
                }
            }
        }
    }

    private static void pause(long millis) {
        LockSupport.parkNanos(millisToNanos(millis));
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(notifier);
        Connection c = listening;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        try {
            listener.join(3000);
            notifier.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
