package io.moldtank.ports.service;

import io.moldtank.ports.out.storage.Leases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Elects the one node of a deployment that runs periodic work (expiry sweep, requeue sweep, reconciliation,
 * the scraper's slots, A2A card refresh): the holder of the {@value #LEASE} lease in the shared database.
 * Every node calls {@link #heartbeat} about three times per TTL: the holder renews, the others take the
 * lease once it is free or expired, so a dead holder is replaced within one TTL and a heartbeat.
 *
 * <p>Fencing: each new holder gets a higher fence. A holder that was paused past its TTL finds at its next
 * heartbeat that the lease is another's ({@link Change#LOST}) or that its fence moved (a new
 * {@link Change#ELECTED} term), and {@link #leads} stops starting passes as soon as less than a third of
 * the TTL is left on the term it knows — without asking the database, so a holder cut off from it stops
 * on its own clock before another can take over (node clocks must agree to well under a third of the TTL).
 */
public final class ElectingScheduler {
    public static final String LEASE = "scheduler";

    /** What a heartbeat found. */
    public enum Change {
        /** This node now holds the lease in a new term (a higher fence). */
        ELECTED,
        /** This node held it and still does, same fence. */
        RENEWED,
        /** This node held it and no longer does. */
        LOST,
        /** Another node holds it. */
        FOLLOWING,
        /** The database did not answer: the known term, if any, runs out on its own. */
        UNREACHABLE
    }

    /** A term of office: the fence of the lease and when it runs out unless renewed. */
    public record Term(long fence, Instant expiresAt) {
    }

    private final Leases leases;
    private final Clock clock;
    private final String node;
    private final Duration ttl;
    private volatile Term term;

    /** {@code node} names this process in the lease; {@code ttl} is how long a heartbeat keeps it. */
    public ElectingScheduler(Leases leases, Clock clock, String node, Duration ttl) {
        this.leases = Objects.requireNonNull(leases, "leases");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.node = Objects.requireNonNull(node, "node");
        if (ttl.isNegative() || ttl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the scheduler lease lasts at least one second");
        }
        this.ttl = ttl;
    }

    /** How often to call {@link #heartbeat}: a third of the TTL, so two may fail before the term runs out. */
    public Duration heartbeatInterval() {
        return ttl.dividedBy(3);
    }

    public String node() {
        return node;
    }

    /** Takes the lease when it is free or expired, renews it when it is this node's; says what changed. */
    public synchronized Change heartbeat() {
        Optional<Leases.Lease> held;
        try {
            held = leases.tryHold(LEASE, node, ttl, clock.instant());
        } catch (RuntimeException unreachable) {
            return Change.UNREACHABLE;
        }
        Term before = term;
        if (held.isEmpty()) {
            term = null;
            return before == null ? Change.FOLLOWING : Change.LOST;
        }
        term = new Term(held.get().fence(), held.get().expiresAt());
        return before != null && before.fence() == term.fence() ? Change.RENEWED : Change.ELECTED;
    }

    /** Whether a pass of periodic work may start now: this node's term has more than a third of the TTL left. */
    public boolean leads() {
        Term t = term;
        return t != null && clock.instant().isBefore(t.expiresAt().minus(ttl.dividedBy(3)));
    }

    /** The term this node believes it holds (it may have run out: ask {@link #leads}). */
    public Optional<Term> term() {
        return Optional.ofNullable(term);
    }

    /** Gives the lease up (a graceful stop), so another node takes over at its next heartbeat, not after the TTL. */
    public synchronized void stepDown() {
        if (term == null) {
            return;
        }
        term = null;
        leases.release(LEASE, node, null);
    }
}
