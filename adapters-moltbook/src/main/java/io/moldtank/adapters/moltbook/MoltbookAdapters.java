package io.moldtank.adapters.moltbook;

import io.moldtank.ports.out.moltbook.IdentityVerifier;
import io.moldtank.ports.out.source.ProblemSource;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The one entry into this module: a {@link ProblemSource} that reads Moltbook's newest posts, and an
 * {@link IdentityVerifier} for "Sign in with Moltbook", both over the JDK HttpClient. {@code app} calls
 * this to wire the scraper and the sign-in.
 */
public final class MoltbookAdapters {

    /** Where Moltbook's API lives; the {@code www} matters (the bare host redirects and drops the key). */
    public static final URI DEFAULT_BASE_URL = URI.create("https://www.moltbook.com/api/v1");
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private MoltbookAdapters() {
    }

    public static ProblemSource problemSource(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        return new MoltbookSource(settings, new MoltbookHttp(settings.apiKey(), settings.requestTimeout()));
    }

    /**
     * "Sign in with Moltbook": verifies identity tokens with {@code POST /agents/verify-identity}, sending the
     * app key in {@code X-Moltbook-App-Key} (never logged) and {@code audience} in the body.
     */
    public static IdentityVerifier identityVerifier(IdentitySettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new IdentityClient(settings, new MoltbookHttp(settings.appKey(), settings.requestTimeout()));
    }

    /**
     * How MoldTank verifies identity tokens: Moltbook's base URL (null: {@link #DEFAULT_BASE_URL}; https, or
     * http to loopback for tests), the platform's app key ({@code moltdev_…}), the audience tokens must be made
     * for (this platform's name), and the limit on each exchange (null: 10 s).
     */
    public record IdentitySettings(URI baseUrl, String appKey, String audience, Duration requestTimeout) {
        public IdentitySettings {
            baseUrl = BaseUrl.check(baseUrl == null ? DEFAULT_BASE_URL : baseUrl);
            appKey = Settings.checkKey(appKey);
            if (audience == null || audience.isBlank() || audience.length() > 200
                    || audience.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("the Moltbook audience must be 1..200 printable characters");
            }
            requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
            if (requestTimeout.isNegative() || requestTimeout.isZero()
                    || requestTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("requestTimeout must be within 0..1 minute");
            }
        }

        @Override
        public String toString() {
            return "IdentitySettings[baseUrl=" + baseUrl + ", appKey=(redacted), audience=" + audience
                    + ", requestTimeout=" + requestTimeout + "]";
        }
    }

    /** How the source waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * How the source reaches Moltbook. {@code baseUrl} (null: {@link #DEFAULT_BASE_URL}) must be https,
     * or http on a loopback host (tests); {@code apiKey} is sent as a bearer token and shown nowhere;
     * {@code submolt} limits reading to one community (null: all); {@code pageSize} is 1..100;
     * {@code requestTimeout} (null: {@link #DEFAULT_REQUEST_TIMEOUT}) bounds each whole exchange;
     * {@code sleeper} (null: {@link Sleeper#REAL}) does the back-off and rate-limit waits.
     */
    public record Settings(URI baseUrl, String apiKey, String submolt, int pageSize, Duration requestTimeout,
                           Sleeper sleeper) {
        public Settings {
            baseUrl = BaseUrl.check(baseUrl == null ? DEFAULT_BASE_URL : baseUrl);
            apiKey = checkKey(apiKey);
            submolt = submolt == null || submolt.isBlank() ? null : submolt.strip();
            if (submolt != null && (submolt.length() > 100 || submolt.chars().anyMatch(Character::isISOControl))) {
                throw new IllegalArgumentException("submolt must be 1..100 printable characters");
            }
            if (pageSize < 1 || pageSize > 100) {
                throw new IllegalArgumentException("pageSize must be within 1..100, was " + pageSize);
            }
            requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
            if (requestTimeout.isNegative() || requestTimeout.isZero()
                    || requestTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("requestTimeout must be within 0..5 minutes");
            }
            sleeper = sleeper == null ? Sleeper.REAL : sleeper;
        }

        /** The defaults: Moltbook itself, every submolt, 50 posts a page, 15 s a request, real sleeps. */
        public static Settings of(String apiKey) {
            return new Settings(null, apiKey, null, DEFAULT_PAGE_SIZE, null, null);
        }

        public Settings withBaseUrl(URI newBaseUrl) {
            return new Settings(newBaseUrl, apiKey, submolt, pageSize, requestTimeout, sleeper);
        }

        public Settings withSubmolt(String newSubmolt) {
            return new Settings(baseUrl, apiKey, newSubmolt, pageSize, requestTimeout, sleeper);
        }

        public Settings withPageSize(int newPageSize) {
            return new Settings(baseUrl, apiKey, submolt, newPageSize, requestTimeout, sleeper);
        }

        public Settings withRequestTimeout(Duration newTimeout) {
            return new Settings(baseUrl, apiKey, submolt, pageSize, newTimeout, sleeper);
        }

        public Settings withSleeper(Sleeper newSleeper) {
            return new Settings(baseUrl, apiKey, submolt, pageSize, requestTimeout, newSleeper);
        }

        @Override
        public String toString() {
            return "Settings[baseUrl=" + baseUrl + ", apiKey=(redacted), submolt=" + submolt + ", pageSize="
                    + pageSize + ", requestTimeout=" + requestTimeout + "]";
        }

        // A key with spaces or control characters would break (or inject into) the header; the
        // message never quotes it.
        static String checkKey(String key) {
            String k = key == null ? "" : key.strip();
            if (k.isEmpty()) {
                throw new IllegalArgumentException("a Moltbook API key is required");
            }
            if (k.length() > 512 || !k.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException(
                        "the Moltbook API key must be up to 512 printable ASCII characters without spaces");
            }
            return k;
        }
    }
}
