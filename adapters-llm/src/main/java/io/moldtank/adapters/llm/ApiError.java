package io.moldtank.adapters.llm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A non-2xx answer, read from either vendor's error body: Anthropic's
 * {"type":"error","error":{"type","message"}} or OpenAI's {"error":{"message","type","code"}}.
 */
record ApiError(int status, String type, String code, String message) {

    static ApiError of(int status, String body) {
        JsonNode error;
        try {
            error = ApiDialect.JSON.readTree(body == null ? "" : body).path("error");
        } catch (Exception e) {
            error = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (error.isTextual()) {
            // some OpenAI-compatible servers answer {"error": "message"}
            return new ApiError(status, "", "", error.asText());
        }
        String message = error.path("message").asText("");
        if (message.isEmpty()) {
            message = Texts.truncate(body == null ? "" : body.strip(), 300);
        }
        return new ApiError(status, error.path("type").asText(""), error.path("code").asText(""), message);
    }

    /**
     * Overload (529), rate limits (429), timeouts (408) and server faults (5xx) pass with time;
     * anything else (400 bad request, 401 key, 403, 404 model) will fail the same way again.
     * A 429 for an exhausted quota is permanent until someone pays, so it is not retried either.
     */
    boolean retryable() {
        if (code.equals("insufficient_quota") || type.equals("insufficient_quota")) {
            return false;
        }
        return status == 408 || status == 429 || status >= 500;
    }

    String describe() {
        String kind = !type.isEmpty() ? type : !code.isEmpty() ? code : "http_" + status;
        return "HTTP " + status + " " + kind + ": " + message;
    }
}
