package io.moldtank.adapters.http;

import java.util.List;

/**
 * An RFC 9457 problem the edge answers with. Thrown by handlers and guards, turned into
 * application/problem+json in one place ({@link Problems}).
 */
final class ApiProblem extends RuntimeException {
    static final String TYPE_ROOT = "https://moldtank.dev/problems/";

    /** One invalid field: a JSON pointer-ish path and what is wrong with it. */
    record FieldError(String field, String message) {
    }

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Long retryAfterSeconds;

    ApiProblem(int status, String typeSuffix, String title, String detail, List<FieldError> errors, Long retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.type = TYPE_ROOT + typeSuffix;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfter;
    }

    static ApiProblem invalid(List<FieldError> errors) {
        return new ApiProblem(400, "invalid-input", "Invalid input", "the request has invalid fields", errors, null);
    }

    /** A listing's check spec that cannot run: its own code, so a seller tells it from a bad title or price. */
    static ApiProblem invalidCheck(List<FieldError> errors) {
        return new ApiProblem(400, "invalid-check", "Invalid check", "the listing's check cannot run as declared", errors,
                null);
    }

    static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** Not readable HTTP: broken framing, a body shorter than announced, a malformed request line. */
    static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "bad-request", "Bad request", detail, List.of(), null);
    }

    /**
     * A status Helidon decided before any handler ran (a bad prologue, an oversized header), as the
     * documented reason code for that status; an unexpected 5xx stays an internal error.
     */
    static ApiProblem ofStatus(int status, String detail) {
        String code = switch (status) {
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 408 -> "request-timeout";
            case 413 -> "body-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
        String title = status >= 500 ? "Internal error" : "Bad request";
        return new ApiProblem(status, code, title, status >= 500 ? "the server failed; retry later" : detail, List.of(), null);
    }

    static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "unauthorized", "Not authenticated", detail, List.of(), null);
    }

    static ApiProblem forbidden(String code, String detail) {
        return new ApiProblem(403, code, "Forbidden", detail, List.of(), null);
    }

    static ApiProblem notFound(String what, String id) {
        return new ApiProblem(404, "not-found", "Not found", what + " " + id + " does not exist", List.of(), null);
    }

    static ApiProblem conflict(String code, String detail) {
        return new ApiProblem(409, code, "Refused", detail, List.of(), null);
    }

    static ApiProblem tooLarge(long limit) {
        return new ApiProblem(413, "body-too-large", "Body too large", "bodies are limited to " + limit + " bytes",
                List.of(), null);
    }

    static ApiProblem unsupportedMedia() {
        return new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                "send Content-Type: application/json", List.of(), null);
    }

    static ApiProblem idempotencyMismatch() {
        return new ApiProblem(422, "idempotency-key-reused", "Idempotency key reused",
                "this Idempotency-Key was used with another request", List.of(), null);
    }

    static ApiProblem tooMany(String bucket, long retryAfterSeconds) {
        return new ApiProblem(429, "rate-limited", "Too many requests", "the " + bucket + " bucket is empty",
                List.of(), retryAfterSeconds);
    }

    /** Every waiting slot is taken ({@code ?wait=} on a GET): come back after Retry-After, or read without waiting. */
    static ApiProblem waitersBusy() {
        return new ApiProblem(503, "wait-capacity", "Too many waiting requests",
                "the server holds as many waiting requests as it may; retry shortly or read without wait", List.of(),
                1L);
    }

    int status() { return status; }
    String type() { return type; }
    String title() { return title; }
    List<FieldError> errors() { return errors; }
    Long retryAfterSeconds() { return retryAfterSeconds; }
}
