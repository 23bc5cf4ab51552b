package io.moldtank.adapters.persistence;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.moldtank.ports.out.guard.IdempotencyStore;
import io.moldtank.ports.out.guard.NonceStore;
import io.moldtank.ports.out.guard.RateLimiter;
import io.moldtank.ports.out.queue.QueueUnavailableException;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One Lettuce connection (thread-safe, shared by all callers) plus a pub/sub connection whose
 * messages on {@code <prefix>:queue:wake} wake workers waiting for a claim, in any process.
 */
final class RedisConnection implements PersistenceAdapters.RedisStore {

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final String prefix;
    // package-visible so the restart test can see pub/sub wake-ups arrive
    final Wakeups wakeups = new Wakeups();

    private RedisConnection(ClientResources resources, RedisClient client, StatefulRedisConnection<String, String> connection,
                            StatefulRedisPubSubConnection<String, String> pubSub, String prefix) {
        this.resources = resources;
        this.client = client;
        this.connection = connection;
        this.pubSub = pubSub;
        this.prefix = prefix;
    }

    static RedisConnection open(String uri, String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.length() > 100) {
            throw new IllegalArgumentException("key prefix must be 1..100 characters");
        }
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(Duration.ofSeconds(10));
        // Lettuce's default reconnect back-off grows to 30 s; 1 s at most lets workers resume soon after Redis returns.
        ClientResources resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, redisUri);
        // While disconnected, calls fail at once (QueueUnavailableException / GuardUnavailableException, which
        // callers retry) instead of piling up in an unbounded buffer with every caller blocked for the timeout.
        // Reconnecting stays automatic, and the pub/sub connection subscribes again when it is back.
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            StatefulRedisPubSubConnection<String, String> pubSub = client.connectPubSub();
            RedisConnection redis = new RedisConnection(resources, client, connection, pubSub, prefix);
            pubSub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    redis.wakeups.wakeLocal();
                }
            });
            pubSub.sync().subscribe(prefix + ":queue:wake");
            return redis;
        } catch (RedisException e) {
            client.shutdown();
            resources.shutdown();
            throw new QueueUnavailableException("Redis at " + redisUri.getHost() + ":" + redisUri.getPort()
                    + " is not reachable: " + e.getMessage(), e);
        }
    }

    @Override
    public SubmissionQueue submissionQueue(Clock clock, int maxAttempts) {
        return new RedisSubmissionQueue(connection.sync(), prefix + ":queue", clock, maxAttempts, wakeups);
    }

    @Override
    public NonceStore nonceStore() {
        return new RedisNonceStore(connection.sync(), prefix);
    }

    @Override
    public RateLimiter rateLimiter(Clock clock) {
        return new RedisRateLimiter(connection.sync(), prefix, clock);
    }

    @Override
    public IdempotencyStore idempotencyStore() {
        return new RedisIdempotencyStore(connection.sync(), prefix);
    }

    @Override
    public void close() {
        pubSub.close();
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
