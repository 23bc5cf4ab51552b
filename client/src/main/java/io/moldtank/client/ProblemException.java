package io.moldtank.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * The server refused: an RFC 9457 problem+json answer. {@link #code()} is the stable reason code (the
 * suffix of {@code type}, e.g. {@code duplicate-submission}; every code is in the server's OpenAPI
 * {@code x-problem-types}): branch on it, or catch the subclass of its status.
 */
public abstract sealed class ProblemException extends MoldTankException {
    /** One invalid field of an {@code invalid-input} answer. */
    public record FieldError(String field, String message) {
    }

    public static final String DUPLICATE_SUBMISSION = "duplicate-submission";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String WAIT_CAPACITY = "wait-capacity";
    public static final String IDEMPOTENCY_IN_FLIGHT = "idempotency-in-flight";
    public static final String INSUFFICIENT_FUNDS = "insufficient-funds";
    public static final String WALLET_REGISTERED = "wallet-registered";

    private final int status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    ProblemException(int status, String code, String title, String detail, List<FieldError> errors,
                     Duration retryAfter) {
        super(status + " " + code + ": " + detail, null);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public int status() { return status; }
    public String code() { return code; }
    public String title() { return title; }
    public String detail() { return getMessage().substring(getMessage().indexOf(": ") + 2); }
    public List<FieldError> errors() { return errors; }
    /** The server's Retry-After, when it sent one. */
    public Optional<Duration> retryAfter() { return Optional.ofNullable(retryAfter); }

    public boolean is(String reasonCode) {
        return code.equals(reasonCode);
    }

    /** 400 invalid-input / bad-request, 413, 414, 415, 422 (idempotency-key-reused), 431: fix the request. */
    public static final class InvalidInput extends ProblemException {
        InvalidInput(int s, String c, String t, String d, List<FieldError> e, Duration r) { super(s, c, t, d, e, r); }
    }

    /** 401: missing, stale, replayed or wrong signature. */
    public static final class Unauthorized extends ProblemException {
        Unauthorized(int s, String c, String t, String d, List<FieldError> e, Duration r) { super(s, c, t, d, e, r); }
    }

    /** 403: signed, but not yours to do (e.g. {@code not-poster}, {@code wrong-party}). */
    public static final class Forbidden extends ProblemException {
        Forbidden(int s, String c, String t, String d, List<FieldError> e, Duration r) { super(s, c, t, d, e, r); }
    }

    /** 404: no such bounty, submission, job, listing, agent, payout or route. */
    public static final class NotFound extends ProblemException {
        NotFound(int s, String c, String t, String d, List<FieldError> e, Duration r) { super(s, c, t, d, e, r); }
    }

    /** 409: not now, in this state (e.g. {@code duplicate-submission}, {@code illegal-transition}). */
    public static final class Conflict extends ProblemException {
        Conflict(int s, String c, String t, String d, List<FieldError> e, Duration r) { super(s, c, t, d, e, r); }
    }

    /** 429, still after the retries the SDK made; {@link #retryAfter()} says when to come back. */
    public static final class RateLimited extends ProblemException {
        RateLimited(int s, String c, String t, String d, List<FieldError> e, Duration r) { super(s, c, t, d, e, r); }
    }

    /** 503 (and 502, 504): try again later. */
    public static final class Unavailable extends ProblemException {
        Unavailable(int s, String c, String t, String d, List<FieldError> e, Duration r) { super(s, c, t, d, e, r); }
    }

    /** 500 and any other status: the server failed. */
    public static final class ServerFailure extends ProblemException {
        ServerFailure(int s, String c, String t, String d, List<FieldError> e, Duration r) { super(s, c, t, d, e, r); }
    }

    /** The typed exception for an answer; a body that is no problem document still gives status and text. */
    static ProblemException of(int status, byte[] body, Duration retryAfter) {
        String code = "http-" + status;
        String title = "";
        String detail = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        List<FieldError> errors = new ArrayList<>();
        try {
            JSONObject o = new JSONObject(detail);
            String type = o.optString("type", "");
            code = type.isEmpty() ? code : type.substring(type.lastIndexOf('/') + 1);
            title = o.optString("title", "");
            detail = o.optString("detail", "");
            JSONArray list = o.optJSONArray("errors");
            for (int i = 0; list != null && i < list.length(); i++) {
                JSONObject e = list.optJSONObject(i);
                if (e != null) {
                    errors.add(new FieldError(e.optString("field", ""), e.optString("message", "")));
                }
            }
        } catch (JSONException notJson) {
            detail = detail.length() > 300 ? detail.substring(0, 300) + "…" : detail;
        }
        return switch (status) {
            case 400, 413, 414, 415, 422, 431 -> new InvalidInput(status, code, title, detail, errors, retryAfter);
            case 401 -> new Unauthorized(status, code, title, detail, errors, retryAfter);
            case 403 -> new Forbidden(status, code, title, detail, errors, retryAfter);
            case 404 -> new NotFound(status, code, title, detail, errors, retryAfter);
            case 409 -> new Conflict(status, code, title, detail, errors, retryAfter);
            case 429 -> new RateLimited(status, code, title, detail, errors, retryAfter);
            case 502, 503, 504 -> new Unavailable(status, code, title, detail, errors, retryAfter);
            default -> new ServerFailure(status, code, title, detail, errors, retryAfter);
        };
    }
}
