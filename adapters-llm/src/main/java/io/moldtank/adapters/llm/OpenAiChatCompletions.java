package io.moldtank.adapters.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;

/**
 * Any OpenAI-compatible chat endpoint (vLLM, llama.cpp, Ollama, LM Studio): POST
 * /v1/chat/completions, answer in choices[0].message.content. Local servers often need no key.
 */
final class OpenAiChatCompletions implements ApiDialect {

    @Override
    public String path() {
        return "/v1/chat/completions";
    }

    @Override
    public void authenticate(HttpRequest.Builder request, String apiKey) {
        if (!apiKey.isEmpty()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
    }

    @Override
    public ObjectNode body(String model, int maxOutputTokens, JudgePrompt prompt) {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("max_tokens", maxOutputTokens);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", prompt.instructions());
        messages.addObject().put("role", "user").put("content", prompt.input());
        ObjectNode schema = body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
        schema.put("name", "verdict").put("strict", true);
        schema.set("schema", ApiDialect.verdictSchema());
        return body;
    }

    @Override
    public Answer answer(JsonNode body) {
        JsonNode choice = body.path("choices").path(0);
        if (choice.isMissingNode()) {
            return new NoText("no choices in response");
        }
        if (choice.path("finish_reason").asText("").equals("length")) {
            return new NoText("model stopped: length");
        }
        JsonNode message = choice.path("message");
        if (message.path("refusal").isTextual()) {
            return new NoText("model refused: " + message.path("refusal").asText());
        }
        JsonNode content = message.path("content");
        return content.isTextual() && !content.asText().isEmpty()
                ? new Text(content.asText()) : new NoText("message has no content");
    }
}
