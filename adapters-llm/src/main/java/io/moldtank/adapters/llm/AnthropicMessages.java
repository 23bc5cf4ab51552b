package io.moldtank.adapters.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;

/** Anthropic Messages API: POST /v1/messages, x-api-key, anthropic-version, answer in content[].text. */
final class AnthropicMessages implements ApiDialect {
    static final String VERSION = "2023-06-01";

    @Override
    public String path() {
        return "/v1/messages";
    }

    @Override
    public void authenticate(HttpRequest.Builder request, String apiKey) {
        request.header("x-api-key", apiKey).header("anthropic-version", VERSION);
    }

    @Override
    public ObjectNode body(String model, int maxOutputTokens, JudgePrompt prompt) {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("max_tokens", maxOutputTokens);
        body.put("system", prompt.instructions());
        body.putArray("messages").addObject().put("role", "user").put("content", prompt.input());
        return body;
    }

    @Override
    public Answer answer(JsonNode body) {
        String stop = body.path("stop_reason").asText("");
        if (stop.equals("max_tokens") || stop.equals("refusal")) {
            return new NoText("model stopped: " + stop);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : body.path("content")) {
            if (block.path("type").asText().equals("text")) {
                text.append(block.path("text").asText());
            }
        }
        return text.isEmpty() ? new NoText("no text block in content") : new Text(text.toString());
    }
}
