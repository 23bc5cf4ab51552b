package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.bounty.BountyId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-bound JDBC transactions over a pool. {@link #inTransaction} binds one connection to the calling
 * thread; every port called on that thread joins it (nested calls too), it commits when the work
 * returns and rolls back on any exception. A port called with no transaction open runs in its own short
 * one. Each write inside a caller's transaction runs under a savepoint, so a refused write (a
 * {@code StaleWrite}, an unstorable value) leaves nothing half-written and — on PostgreSQL — does not
 * poison the caller's transaction. Events recorded in a transaction reach subscribers only after it
 * has committed.
 *
 * <p>Plain JDBC rather than Helidon DbClient: the Transactions port needs a transaction that follows the
 * thread through code that knows nothing of it (services call several ports, each unaware of the
 * others), and DbClient's {@code DbTransaction} is an explicit handle that would have to be threaded
 * through every port call.
 */
final class Db {
    private static final Logger LOG = LoggerFactory.getLogger(Db.class);
    private static final int STRIPES = 64;

    /** A unit of JDBC work on the transaction's connection. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private static final class Tx {
        final Connection connection;
        final List<Events.Logged> events = new ArrayList<>();

        Tx(Connection connection) {
            this.connection = connection;
        }
    }

    private final DataSource dataSource;
    private final ThreadLocal<Tx> current = new ThreadLocal<>();
    private final List<Consumer<Events.Logged>> subscribers;
    private final ReentrantLock[] deliveryOrder = new ReentrantLock[STRIPES];

    Db(DataSource dataSource, List<Consumer<Events.Logged>> subscribers) {
        this.dataSource = dataSource;
        this.subscribers = subscribers;
        Arrays.setAll(deliveryOrder, i -> new ReentrantLock());
    }

    <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get(); // joins the enclosing transaction
        }
        Tx tx = begin();
        current.set(tx);
        T result;
        List<ReentrantLock> held = List.of();
        try {
            result = work.get();
            held = lockBountiesOf(tx.events);
            commit(tx.connection);
        } catch (RuntimeException | Error e) {
            rollback(tx.connection, e);
            held.forEach(ReentrantLock::unlock);
            throw e;
        } finally {
            current.remove();
            close(tx.connection);
        }
        try {
            deliver(tx.events);
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
        return result;
    }

    /**
     * Commit and delivery of a bounty's events happen under that bounty's stripe lock. A later
     * transaction on the same bounty waited for the bounty row, so it got higher event ids; without
     * this lock it could still deliver first, and listeners would see that bounty's ids go backwards.
     * Stripes are taken in index order, so two transactions never wait on each other.
     */
    private List<ReentrantLock> lockBountiesOf(List<Events.Logged> events) {
        TreeSet<Integer> stripes = new TreeSet<>();
        for (Events.Logged e : events) {
            BountyId bounty = EventJson.bountyOf(e.event());
            if (bounty != null) {
                stripes.add(Math.floorMod(bounty.hashCode(), STRIPES));
            }
        }
        List<ReentrantLock> held = new ArrayList<>(stripes.size());
        for (int stripe : stripes) {
            deliveryOrder[stripe].lock();
            held.add(deliveryOrder[stripe]);
        }
        return held;
    }

    /** A write: under a savepoint inside the caller's transaction, or in a transaction of its own. */
    <T> T write(String operation, Work<T> work) {
        Tx tx = current.get();
        if (tx == null) {
            return inTransaction(() -> {
                try {
                    return work.apply(current.get().connection);
                } catch (SQLException e) {
                    throw SqlErrors.translate(operation, e);
                }
            });
        }
        Savepoint savepoint = null;
        try {
            savepoint = tx.connection.setSavepoint();
            T result = work.apply(tx.connection);
            tx.connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            undo(tx.connection, savepoint, e);
            throw SqlErrors.translate(operation, e);
        } catch (RuntimeException | Error e) {
            undo(tx.connection, savepoint, e);
            throw e;
        }
    }

    /**
     * Work in a transaction of its own on a connection of its own, whatever the calling thread has open:
     * for state that must not commit or roll back with the caller's (the mock chain's log). No events.
     */
    <T> T separately(String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(operation, e);
        }
    }

    /**
     * A read: on the caller's transaction, or in a short read-only REPEATABLE READ transaction so that a
     * read of several statements (a bounty with its slots) sees one snapshot.
     */
    <T> T read(String operation, Work<T> work) {
        Tx tx = current.get();
        try {
            if (tx != null) {
                return work.apply(tx.connection);
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                c.setReadOnly(true);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try {
                    T result = work.apply(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(operation, e);
        }
    }

    /** Queues events for delivery after the current transaction commits; call from inside a write. */
    void afterCommit(List<Events.Logged> events) {
        current.get().events.addAll(events);
    }

    private Tx begin() {
        try {
            Connection c = dataSource.getConnection();
            try {
                c.setAutoCommit(false);
                return new Tx(c);
            } catch (SQLException e) {
                close(c);
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("begin a transaction", e);
        }
    }

    private static void commit(Connection c) {
        try {
            c.commit();
        } catch (SQLException e) {
            throw SqlErrors.translate("commit", e);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void undo(Connection c, Savepoint savepoint, Throwable cause) {
        if (savepoint == null) {
            return;
        }
        try {
            c.rollback(savepoint);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("closing a pooled connection failed", e);
        }
    }

    private void deliver(List<Events.Logged> committed) {
        for (Events.Logged e : committed) {
            for (Consumer<Events.Logged> s : subscribers) {
                try {
                    s.accept(e);
                } catch (RuntimeException failure) {
                    // committed is committed: a failing subscriber must not turn success into an error
                    LOG.error("event subscriber failed on {}", e.event().getClass().getSimpleName(), failure);
                }
            }
        }
    }
}
