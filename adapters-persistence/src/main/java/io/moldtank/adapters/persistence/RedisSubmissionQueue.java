package io.moldtank.adapters.persistence;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.ports.out.queue.DeadLetter;
import io.moldtank.ports.out.queue.QueueClaim;
import io.moldtank.ports.out.queue.QueueConflictException;
import io.moldtank.ports.out.queue.QueueUnavailableException;
import io.moldtank.ports.out.queue.QueuedSubmission;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The submission queue in Redis: every operation is one Lua script, so it is atomic. Sorted sets
 * order ready items by arrival and, per bounty, by sequence; a lease set scored by lease end lets
 * every claim first put lapsed leases back in line (see queue-common.lua). Times are the injected
 * Clock's milliseconds.
 *
 * <p>Lettuce re-sends a call that was in flight when the connection dropped, so every script answers
 * its own re-send as it answered the first run: a claim by its token, an ack or fail by a per-call id.
 * An acked submission is remembered for 30 s, so an enqueue re-sent after its reply was lost (while a
 * worker already finished the item) reports false instead of queueing it again.
 */
final class RedisSubmissionQueue implements SubmissionQueue {

    private static final String[] NO_KEYS = new String[0];
    private static final RedisScript ENQUEUE = RedisScript.load("queue-enqueue", "queue-common");
    private static final RedisScript CLAIM = RedisScript.load("queue-claim", "queue-common");
    private static final RedisScript ACK = RedisScript.load("queue-ack", "queue-common");
    private static final RedisScript ACK_CLAIM = RedisScript.load("queue-ack-claim", "queue-common");
    private static final RedisScript FAIL = RedisScript.load("queue-fail", "queue-common");
    private static final RedisScript DEPTH = RedisScript.load("queue-depth", "queue-common");
    private static final RedisScript DEAD = RedisScript.load("queue-dead", "queue-common");

    private final RedisCommands<String, String> redis;
    private final String prefix;
    private final Clock clock;
    private final int maxAttempts;
    private final Wakeups wakeups;

    RedisSubmissionQueue(RedisCommands<String, String> redis, String prefix, Clock clock, int maxAttempts, Wakeups wakeups) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.redis = redis;
        this.prefix = prefix;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.wakeups = wakeups;
    }

    @Override
    public boolean enqueue(QueuedSubmission item) {
        Long added = call("enqueue", () -> ENQUEUE.run(redis, ScriptOutputType.INTEGER, NO_KEYS, prefix,
                item.submissionId().toString(), item.bountyId().toString(), Long.toString(item.sequence()), now()));
        if (added == 2) {
            wakeups.wakeLocal();
        }
        return added > 0;
    }

    @Override
    public Optional<QueueClaim> claim(String workerId, Duration lease) {
        return claim(workerId, lease, CallTokens.next());
    }

    /** With the claim's token given: the script Lettuce re-sends after a reconnect carries the same one. */
    Optional<QueueClaim> claim(String workerId, Duration lease, String token) {
        SubmissionQueue.checkWorkerId(workerId);
        SubmissionQueue.checkDuration("lease", lease, false);
        long now = clock.millis();
        long leaseUntil = now + Math.max(1, lease.toMillis());
        List<Object> row = call("claim", () -> CLAIM.run(redis, ScriptOutputType.MULTI, NO_KEYS, prefix,
                Long.toString(now), Integer.toString(maxAttempts), token, workerId, Long.toString(leaseUntil)));
        return claimed(row, 0, workerId, token, leaseUntil);
    }

    /** One script: the ack and the next claim cost a single round trip. */
    @Override
    public Handoff ackAndClaim(QueueClaim done, Duration lease) {
        SubmissionQueue.checkDuration("lease", lease, false);
        long now = clock.millis();
        long leaseUntil = now + Math.max(1, lease.toMillis());
        String token = CallTokens.next();
        String callId = CallTokens.next();
        List<Object> row = call("ackAndClaim", () -> ACK_CLAIM.run(redis, ScriptOutputType.MULTI, NO_KEYS, prefix,
                done.item().submissionId().toString(), done.token(), callId, Long.toString(now),
                Integer.toString(maxAttempts), token, done.workerId(), Long.toString(leaseUntil)));
        Outcome acked = (Long) row.get(0) == 1 ? Outcome.ACKED : Outcome.LEASE_LOST;
        return new Handoff(acked, claimed(row, 1, done.workerId(), token, leaseUntil));
    }

    /** Reads {submission, bounty, sequence, attempt} at {@code from}, when the script claimed anything. */
    private static Optional<QueueClaim> claimed(List<Object> row, int from, String workerId, String token, long leaseUntil) {
        if (row == null || row.size() < from + 4) {
            return Optional.empty();
        }
        QueuedSubmission item = new QueuedSubmission(BountyId.parse((String) row.get(from + 1)),
                Long.parseLong((String) row.get(from + 2)), SubmissionId.parse((String) row.get(from)));
        // a re-sent claim (see queue-common.lua) answers with its first run's lease end
        long until = row.size() > from + 4 ? Long.parseLong((String) row.get(from + 4)) : leaseUntil;
        return Optional.of(new QueueClaim(item, workerId, token, ((Long) row.get(from + 3)).intValue(),
                Instant.ofEpochMilli(until)));
    }

    @Override
    public Optional<QueueClaim> claim(String workerId, Duration lease, Duration maxWait) {
        return wakeups.waitFor(() -> claim(workerId, lease), maxWait);
    }

    @Override
    public Outcome ack(QueueClaim claim) {
        return ack(claim, CallTokens.next());
    }

    /** With this call's id given, as a call Lettuce re-sends after a reconnect carries the same one. */
    Outcome ack(QueueClaim claim, String callId) {
        Long acked = call("ack", () -> ACK.run(redis, ScriptOutputType.INTEGER, NO_KEYS, prefix,
                claim.item().submissionId().toString(), claim.token(), callId));
        return acked == 1 ? Outcome.ACKED : Outcome.LEASE_LOST;
    }

    @Override
    public Outcome fail(QueueClaim claim, String reason, Duration retryAfter) {
        SubmissionQueue.checkDuration("retryAfter", retryAfter, true);
        long now = clock.millis();
        Long result = call("fail", () -> FAIL.run(redis, ScriptOutputType.INTEGER, NO_KEYS, prefix,
                claim.item().submissionId().toString(), claim.token(), Long.toString(now),
                Long.toString(now + retryAfter.toMillis()), Integer.toString(maxAttempts),
                SubmissionQueue.reasonForStorage(reason), CallTokens.next()));
        return switch (result.intValue()) {
            case 0 -> Outcome.LEASE_LOST;
            case 1 -> {
                wakeups.wakeLocal();
                yield Outcome.RETRY_SCHEDULED;
            }
            default -> Outcome.DEAD_LETTERED;
        };
    }

    @Override
    public long depth() {
        return call("depth", () -> DEPTH.<Long>run(redis, ScriptOutputType.INTEGER, NO_KEYS, prefix, now(),
                Integer.toString(maxAttempts)));
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
        List<Object> flat = call("deadLetters", () -> DEAD.run(redis, ScriptOutputType.MULTI, NO_KEYS, prefix, now(),
                Integer.toString(maxAttempts), Integer.toString(Math.max(0, limit))));
        List<DeadLetter> dead = new ArrayList<>();
        for (int i = 0; i + 5 < flat.size(); i += 6) {
            QueuedSubmission item = new QueuedSubmission(BountyId.parse((String) flat.get(i + 1)),
                    Long.parseLong((String) flat.get(i + 2)), SubmissionId.parse((String) flat.get(i)));
            dead.add(new DeadLetter(item, Integer.parseInt((String) flat.get(i + 3)), (String) flat.get(i + 4),
                    Instant.ofEpochMilli(Long.parseLong((String) flat.get(i + 5)))));
        }
        return dead;
    }

    private String now() {
        return Long.toString(clock.millis());
    }

    private static <T> T call(String what, Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisCommandExecutionException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("CONFLICT ")) {
                throw new QueueConflictException(message.substring("CONFLICT ".length()));
            }
            throw new QueueUnavailableException("Redis " + what + " failed: " + message, e);
        } catch (RedisException e) {
            throw new QueueUnavailableException("Redis " + what + " failed: " + e.getMessage(), e);
        }
    }
}
