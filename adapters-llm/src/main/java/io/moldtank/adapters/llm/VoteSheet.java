package io.moldtank.adapters.llm;

import io.moldtank.domain.validation.Vote;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects what one judging learnt (attempts, HTTP status, raw model text, error) and turns it into
 * the vote. Durations use the monotonic clock; the vote's timestamp uses the injected one.
 */
final class VoteSheet {
    static final int MAX_RAW_CHARS = 4000;

    private final String judge;
    private final Clock clock;
    private final long startNanos = System.nanoTime();
    private final Map<String, String> details = new LinkedHashMap<>();

    VoteSheet(LlmValidators.Settings settings, Clock clock) {
        this(settings.name(), "api", settings.kind().name().toLowerCase(java.util.Locale.ROOT), settings.model(), clock);
    }

    /** For a judge named {@code judge} reached by {@code via} (e.g. api=claude, cli=claude-code). */
    VoteSheet(String judge, String via, String what, String model, Clock clock) {
        this.judge = judge;
        this.clock = clock;
        details.put(via, what);
        details.put("model", model);
    }

    /** Any other fact worth keeping with the vote (exit code, cost). */
    void detail(String key, String value) {
        details.put(key, value);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    void attempt(int n) {
        details.put("attempts", String.valueOf(n));
    }

    void status(int status) {
        details.put("httpStatus", String.valueOf(status));
    }

    void failure(ApiError error) {
        status(error.status());
        details.put("errorType", error.type().isEmpty() ? error.code() : error.type());
        details.put("errorMessage", Texts.truncate(error.message(), 500));
    }

    void raw(String text) {
        details.put("raw", Texts.truncate(text, MAX_RAW_CHARS));
    }

    Vote verdict(Verdict v) {
        details.put("verdict", v.pass() ? "pass" : "fail");
        details.put("confidence", v.confidence().toPlainString());
        details.put("reasons", String.join("\n", v.reasons()));
        String summary = (v.pass() ? "pass" : "fail") + " (confidence " + v.confidence().toPlainString() + "): "
                + Texts.truncate(v.reasons().getFirst(), 200);
        return vote(v.pass() ? Vote.Kind.PASS : Vote.Kind.FAIL, summary);
    }

    Vote error(String why) {
        return vote(Vote.Kind.ERROR, Texts.truncate(why, 500));
    }

    Vote timeout(String why) {
        return vote(Vote.Kind.TIMEOUT, why);
    }

    private Vote vote(Vote.Kind kind, String summary) {
        Instant at = clock.instant();
        return new Vote(judge, kind, summary, details, elapsed(), at);
    }
}
