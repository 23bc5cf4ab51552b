package io.moldtank.adapters.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;

/**
 * OpenAI Responses API: POST /v1/responses with a Bearer key, instructions + input, and the verdict
 * schema enforced through text.format json_schema (strict). The answer is the output_text parts.
 */
final class OpenAiResponses implements ApiDialect {

    @Override
    public String path() {
        return "/v1/responses";
    }

    @Override
    public void authenticate(HttpRequest.Builder request, String apiKey) {
        request.header("Authorization", "Bearer " + apiKey);
    }

    @Override
    public ObjectNode body(String model, int maxOutputTokens, JudgePrompt prompt) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        body.put("instructions", prompt.instructions());
        body.put("input", prompt.input());
        body.put("max_output_tokens", maxOutputTokens);
        // Submissions are strangers' code: do not ask the vendor to keep them.
        body.put("store", false);
        ObjectNode format = body.putObject("text").putObject("format");
        format.put("type", "json_schema").put("name", "verdict").put("strict", true);
        format.set("schema", ApiDialect.verdictSchema());
        return body;
    }

    @Override
    public Answer answer(JsonNode body) {
        String status = body.path("status").asText("completed");
        if (!status.equals("completed")) {
            return new NoText("response " + status + ": " + body.path("incomplete_details").path("reason").asText(""));
        }
        // output_text is a convenience some servers and SDKs add; the raw API has it in output[].content[].
        if (body.path("output_text").isTextual() && !body.path("output_text").asText().isEmpty()) {
            return new Text(body.path("output_text").asText());
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode item : body.path("output")) {
            if (!item.path("type").asText().equals("message")) {
                continue;
            }
            for (JsonNode part : item.path("content")) {
                switch (part.path("type").asText()) {
                    case "output_text" -> text.append(part.path("text").asText());
                    case "refusal" -> {
                        return new NoText("model refused: " + part.path("refusal").asText());
                    }
                    default -> { }
                }
            }
        }
        return text.isEmpty() ? new NoText("no output_text in output") : new Text(text.toString());
    }
}
