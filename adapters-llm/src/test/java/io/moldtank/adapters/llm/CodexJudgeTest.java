package io.moldtank.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moldtank.adapters.llm.FakeLlmServer.Reply;
import io.moldtank.domain.validation.Vote;
import org.junit.jupiter.api.Test;

/** Codex through the OpenAI Responses API, against a local server speaking its wire format. */
class CodexJudgeTest implements LlmJudgeContract {

    @Override
    public LlmValidators.Kind kind() {
        return LlmValidators.Kind.CODEX;
    }

    @Override
    public String answering(String modelText) {
        return response("completed", part("output_text", "text", modelText)).toString();
    }

    private static ObjectNode part(String type, String field, String text) {
        ObjectNode p = JSON.createObjectNode().put("type", type).put(field, text);
        if (type.equals("output_text")) {
            p.putArray("annotations");
        }
        return p;
    }

    private static ObjectNode response(String status, ObjectNode part) {
        ObjectNode r = JSON.createObjectNode().put("id", "resp_67ccd2bed1ec8190").put("object", "response")
                .put("created_at", 1741476542).put("status", status).put("model", "judge-model-1");
        var output = r.putArray("output");
        output.addObject().put("type", "reasoning").put("id", "rs_1").putArray("summary");
        ObjectNode msg = output.addObject().put("type", "message").put("id", "msg_1").put("status", "completed")
                .put("role", "assistant");
        msg.putArray("content").add(part);
        r.putObject("usage").put("input_tokens", 812).put("output_tokens", 41).put("total_tokens", 853);
        return r;
    }

    @Override
    public String errorBody(String type, String message) {
        ObjectNode e = JSON.createObjectNode();
        e.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
        return e.toString();
    }

    @Override
    public int overloadedStatus() {
        return 503;
    }

    @Override
    public String overloadedType() {
        return "server_error";
    }

    @Override
    public String untrustedInput(JsonNode requestBody) {
        return requestBody.path("input").asText();
    }

    @Test
    void theRequestIsAResponsesCallWithABearerKeyAndAStrictVerdictSchema() throws Exception {
        try (var server = new FakeLlmServer().then(ok(PASS))) {
            judge(server.baseUrl()).validate(Fixtures.fizzbuzzSubmission());
            var r = server.only();
            assertThat(r.path()).isEqualTo("/v1/responses");
            assertThat(r.header("authorization")).isEqualTo("Bearer " + Fixtures.API_KEY);
            assertThat(r.header("x-api-key")).isNull();
            JsonNode body = JSON.readTree(r.body());
            assertThat(LlmJudgeContract.fieldNames(body))
                    .containsExactlyInAnyOrder("model", "instructions", "input", "max_output_tokens", "store", "text");
            assertThat(body.path("instructions").asText()).contains("untrusted DATA");
            assertThat(body.path("store").asBoolean(true)).isFalse();
            JsonNode format = body.path("text").path("format");
            assertThat(format.path("type").asText()).isEqualTo("json_schema");
            assertThat(format.path("name").asText()).isEqualTo("verdict");
            assertThat(format.path("strict").asBoolean()).isTrue();
            assertThat(format.path("schema").path("additionalProperties").asBoolean(true)).isFalse();
            assertThat(format.path("schema").path("required")).hasSize(3);
        }
    }

    @Test
    void theOutputTextConvenienceFieldIsReadWhenPresent() throws Exception {
        ObjectNode body = response("completed", part("output_text", "text", "not this"));
        body.put("output_text", PASS);
        try (var server = new FakeLlmServer().then(Reply.json(200, body.toString()))) {
            assertThat(judge(server.baseUrl()).validate(Fixtures.fizzbuzzSubmission()).kind()).isEqualTo(Vote.Kind.PASS);
        }
    }

    @Test
    void aRefusalIsAnError() throws Exception {
        try (var server = new FakeLlmServer().then(Reply.json(200,
                response("completed", part("refusal", "refusal", "I can't help with that.")).toString()))) {
            Vote vote = judge(server.baseUrl()).validate(Fixtures.fizzbuzzSubmission());
            assertThat(vote.kind()).isEqualTo(Vote.Kind.ERROR);
            assertThat(vote.summary()).contains("refused");
        }
    }

    @Test
    void anIncompleteResponseIsAnError() throws Exception {
        ObjectNode body = response("incomplete", part("output_text", "text", "{\"verdict\":\"pa"));
        body.putObject("incomplete_details").put("reason", "max_output_tokens");
        try (var server = new FakeLlmServer().then(Reply.json(200, body.toString()))) {
            Vote vote = judge(server.baseUrl()).validate(Fixtures.fizzbuzzSubmission());
            assertThat(vote.kind()).isEqualTo(Vote.Kind.ERROR);
            assertThat(vote.summary()).contains("incomplete").contains("max_output_tokens");
        }
    }

    @Test
    void anExhaustedQuotaIsNotRetried() throws Exception {
        ObjectNode e = JSON.createObjectNode();
        e.putObject("error").put("message", "You exceeded your current quota").put("type", "insufficient_quota")
                .putNull("param").put("code", "insufficient_quota");
        try (var server = new FakeLlmServer().then(Reply.json(429, e.toString())).then(ok(PASS))) {
            Vote vote = judge(server.baseUrl()).validate(Fixtures.fizzbuzzSubmission());
            assertThat(vote.kind()).isEqualTo(Vote.Kind.ERROR);
            assertThat(server.received()).hasSize(1);
        }
    }
}
