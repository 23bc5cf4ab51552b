package io.moldtank.adapters.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.out.validation.ValidationRequest;
import io.moldtank.ports.out.validation.Validator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An LLM as a validator: one prompt, a bounded number of HTTP attempts, and a vote. Every path that
 * does not end in a schema-valid verdict ends in ERROR or TIMEOUT, so a broken or hostile answer can
 * never count as a pass.
 */
final class LlmJudge implements Validator {
    /** Roughly 100k tokens: beyond that a model cannot read the whole submission, so it must not judge it. */
    static final int MAX_PROMPT_CHARS = 400_000;
    private static final Logger LOG = LoggerFactory.getLogger(LlmJudge.class);

    private final LlmValidators.Settings settings;
    private final ApiDialect dialect;
    private final HttpCaller caller;
    private final Clock clock;
    private final URI endpoint;

    LlmJudge(LlmValidators.Settings settings, ApiDialect dialect, HttpCaller caller, Clock clock) {
        this.settings = settings;
        this.dialect = dialect;
        this.caller = caller;
        this.clock = clock;
        this.endpoint = dialect.endpoint(settings.baseUrl());
    }

    @Override
    public boolean wantsEvidence() {
        return true; // a second opinion: it reads the test runner's report before it votes
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public Vote validate(ValidationRequest request) {
        VoteSheet sheet = new VoteSheet(settings, clock);
        JudgePrompt prompt = JudgePrompt.of(request.terms(), request.content(), request.evidence());
        if (prompt.length() > MAX_PROMPT_CHARS) {
            return sheet.error("prompt of " + prompt.length() + " characters exceeds " + MAX_PROMPT_CHARS
                    + "; this judge will not rule on what it cannot read whole");
        }
        String body = dialect.body(settings.model(), settings.maxOutputTokens(), prompt).toString();
        try {
            return attempts(request, body, sheet);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return sheet.error("interrupted");
        }
    }

    private Vote attempts(ValidationRequest request, String body, VoteSheet sheet) throws InterruptedException {
        LlmValidators.Retries retries = settings.retries();
        String lastProblem = "no attempt made";
        for (int attempt = 1; attempt <= retries.maxAttempts(); attempt++) {
            sheet.attempt(attempt);
            HttpCaller.Call call = caller.post(endpoint, b -> dialect.authenticate(b, settings.apiKey()), body);
            Optional<Duration> asked = Optional.empty();
            switch (call) {
                case HttpCaller.TimedOut t -> {
                    LOG.warn("judge {} submission {} attempt {}: no answer within {}", name(),
                            request.submissionId(), attempt, settings.timeout());
                    return sheet.timeout("no answer within " + settings.timeout().toMillis() + " ms");
                }
                case HttpCaller.Unreachable u -> lastProblem = Texts.redact(u.why(), settings.apiKey());
                case HttpCaller.Response r when r.status() / 100 == 2 -> {
                    return decide(r, sheet);
                }
                case HttpCaller.Response r -> {
                    ApiError error = ApiError.of(r.status(), Texts.redact(r.body(), settings.apiKey()));
                    sheet.failure(error);
                    lastProblem = error.describe();
                    if (!error.retryable()) {
                        LOG.warn("judge {} submission {}: {} (not retried)", name(), request.submissionId(), lastProblem);
                        return sheet.error(lastProblem);
                    }
                    asked = RetryAfter.of(r.headers(), clock.instant());
                }
            }
            if (attempt == retries.maxAttempts()) {
                break;
            }
            Duration wait = asked.isPresent() ? asked.get() : Backoff.after(attempt, retries);
            if (sheet.elapsed().plus(wait).compareTo(retries.budget()) > 0) {
                LOG.warn("judge {} submission {}: {}; waiting {} would pass the retry budget {}", name(),
                        request.submissionId(), lastProblem, wait, retries.budget());
                return sheet.error("gave up after " + attempt + " attempt(s), retry budget " + retries.budget()
                        + " exhausted: " + lastProblem);
            }
            LOG.info("judge {} submission {} attempt {}: {}; retrying in {} ms", name(), request.submissionId(),
                    attempt, lastProblem, wait.toMillis());
            Thread.sleep(wait.toMillis());
        }
        return sheet.error("gave up after " + retries.maxAttempts() + " attempt(s): " + lastProblem);
    }

    private Vote decide(HttpCaller.Response r, VoteSheet sheet) {
        sheet.status(r.status());
        JsonNode json;
        try {
            json = ApiDialect.JSON.readTree(r.body());
        } catch (JsonProcessingException e) {
            return sheet.error("API answered " + r.status() + " with a body that is not JSON");
        }
        return switch (dialect.answer(json)) {
            case ApiDialect.NoText n -> sheet.error(n.why());
            case ApiDialect.Text t -> {
                String raw = Texts.redact(t.text(), settings.apiKey());
                sheet.raw(raw);
                yield switch (VerdictParser.parse(raw)) {
                    case VerdictParser.Invalid i -> sheet.error("verdict rejected: " + i.why());
                    case VerdictParser.Valid v -> sheet.verdict(v.verdict());
                };
            }
        };
    }
}
