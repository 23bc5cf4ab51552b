package io.moldtank.adapters.mcp;

import java.util.Objects;

/**
 * A tool call refused with a problem code (the same codes as the REST API's problem types, e.g.
 * {@code duplicate-submission}); it becomes an MCP tool error ({@code isError}) carrying the code.
 */
final class ToolRefusal extends RuntimeException {
    private final String code;
    private final Long retryAfterSeconds;

    ToolRefusal(String code, String detail) {
        this(code, detail, null);
    }

    ToolRefusal(String code, String detail, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    String code() {
        return code;
    }

    Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
