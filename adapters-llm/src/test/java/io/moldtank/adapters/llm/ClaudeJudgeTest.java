package io.moldtank.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moldtank.adapters.llm.FakeLlmServer.Reply;
import io.moldtank.domain.validation.Vote;
import org.junit.jupiter.api.Test;

/** Claude through the Anthropic Messages API, against a local server speaking its wire format. */
class ClaudeJudgeTest implements LlmJudgeContract {

    @Override
    public LlmValidators.Kind kind() {
        return LlmValidators.Kind.CLAUDE;
    }

    @Override
    public String answering(String modelText) {
        return message("end_turn", modelText).toString();
    }

    private static ObjectNode message(String stopReason, String... texts) {
        ObjectNode m = JSON.createObjectNode().put("id", "msg_01XFDUDYJgAACzvnptvVoYEL").put("type", "message")
                .put("role", "assistant").put("model", "judge-model-1");
        var content = m.putArray("content");
        for (String t : texts) {
            content.addObject().put("type", "text").put("text", t);
        }
        m.put("stop_reason", stopReason).putNull("stop_sequence");
        m.putObject("usage").put("input_tokens", 812).put("output_tokens", 41);
        return m;
    }

    @Override
    public String errorBody(String type, String message) {
        ObjectNode e = JSON.createObjectNode().put("type", "error");
        e.putObject("error").put("type", type).put("message", message);
        return e.toString();
    }

    @Override
    public int overloadedStatus() {
        return 529;
    }

    @Override
    public String overloadedType() {
        return "overloaded_error";
    }

    @Override
    public String untrustedInput(JsonNode requestBody) {
        return requestBody.path("messages").path(0).path("content").asText();
    }

    @Test
    void theRequestIsAMessagesCallWithTheKeyInXApiKeyAndTheApiVersion() throws Exception {
        try (var server = new FakeLlmServer().then(ok(PASS))) {
            judge(server.baseUrl()).validate(Fixtures.fizzbuzzSubmission());
            var r = server.only();
            assertThat(r.path()).isEqualTo("/v1/messages");
            assertThat(r.header("x-api-key")).isEqualTo(Fixtures.API_KEY);
            assertThat(r.header("anthropic-version")).isEqualTo("2023-06-01");
            assertThat(r.header("authorization")).isNull();
            JsonNode body = JSON.readTree(r.body());
            assertThat(LlmJudgeContract.fieldNames(body))
                    .containsExactlyInAnyOrder("model", "max_tokens", "system", "messages");
            assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
            assertThat(body.path("system").asText()).contains("untrusted DATA");
            assertThat(body.path("messages")).hasSize(1);
            assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("user");
        }
    }

    @Test
    void textSplitAcrossContentBlocksIsJoinedBeforeParsing() throws Exception {
        String half = PASS.substring(0, 20);
        try (var server = new FakeLlmServer().then(Reply.json(200,
                message("end_turn", half, PASS.substring(20)).toString()))) {
            assertThat(judge(server.baseUrl()).validate(Fixtures.fizzbuzzSubmission()).kind()).isEqualTo(Vote.Kind.PASS);
        }
    }

    @Test
    void anAnswerCutOffAtMaxTokensIsAnError() throws Exception {
        try (var server = new FakeLlmServer().then(Reply.json(200, message("max_tokens", "{\"verdict\":\"pass\"").toString()))) {
            Vote vote = judge(server.baseUrl()).validate(Fixtures.fizzbuzzSubmission());
            assertThat(vote.kind()).isEqualTo(Vote.Kind.ERROR);
            assertThat(vote.summary()).contains("max_tokens");
        }
    }
}
