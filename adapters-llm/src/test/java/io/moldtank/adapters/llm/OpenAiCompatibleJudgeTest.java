package io.moldtank.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moldtank.adapters.llm.FakeLlmServer.Reply;
import io.moldtank.domain.validation.Vote;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A local model behind an OpenAI-compatible chat completions endpoint. */
class OpenAiCompatibleJudgeTest implements LlmJudgeContract {

    @Override
    public LlmValidators.Kind kind() {
        return LlmValidators.Kind.OPENAI_COMPATIBLE;
    }

    @Override
    public String answering(String modelText) {
        return completion("stop", modelText).toString();
    }

    private static ObjectNode completion(String finishReason, String content) {
        ObjectNode c = JSON.createObjectNode().put("id", "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT")
                .put("object", "chat.completion").put("created", 1741569952).put("model", "judge-model-1");
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        choice.putNull("logprobs").put("finish_reason", finishReason);
        c.putObject("usage").put("prompt_tokens", 812).put("completion_tokens", 41).put("total_tokens", 853);
        return c;
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
        return requestBody.path("messages").path(1).path("content").asText();
    }

    private static LlmValidators.Settings keyless(URI base) {
        return LlmValidators.Settings.of(LlmValidators.Kind.OPENAI_COMPATIBLE, base, "", "qwen2.5-coder",
                Duration.ofSeconds(5)).withRetries(QUICK_RETRIES);
    }

    @Test
    void theRequestIsAChatCompletionWithSystemAndUserMessagesAndAJsonSchemaFormat() throws Exception {
        try (var server = new FakeLlmServer().then(ok(PASS))) {
            judge(server.baseUrl()).validate(Fixtures.fizzbuzzSubmission());
            var r = server.only();
            assertThat(r.path()).isEqualTo("/v1/chat/completions");
            assertThat(r.header("authorization")).isEqualTo("Bearer " + Fixtures.API_KEY);
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("system");
            assertThat(body.path("messages").path(0).path("content").asText()).contains("untrusted DATA");
            assertThat(body.path("messages").path(1).path("role").asText()).isEqualTo("user");
            assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_schema");
            assertThat(body.path("response_format").path("json_schema").path("name").asText()).isEqualTo("verdict");
        }
    }

    @Test
    void aLocalModelNeedsNoKeyAndABaseEndingInV1IsNotDoubled() throws Exception {
        try (var server = new FakeLlmServer().then(ok(FAIL))) {
            Vote vote = LlmValidators.validator(keyless(URI.create(server.baseUrl() + "/v1/")))
                    .validate(Fixtures.fizzbuzzSubmission());
            assertThat(vote.kind()).isEqualTo(Vote.Kind.FAIL);
            assertThat(server.only().path()).isEqualTo("/v1/chat/completions");
            assertThat(server.only().header("authorization")).isNull();
        }
    }

    @Test
    void anAnswerCutOffByLengthIsAnError() throws Exception {
        try (var server = new FakeLlmServer().then(Reply.json(200, completion("length", "{\"verdict\":").toString()))) {
            Vote vote = judge(server.baseUrl()).validate(Fixtures.fizzbuzzSubmission());
            assertThat(vote.kind()).isEqualTo(Vote.Kind.ERROR);
            assertThat(vote.summary()).contains("length");
        }
    }

    @Test
    void anUnreachableServerIsAnErrorAfterBoundedRetries() throws Exception {
        int port;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Vote vote = LlmValidators.validator(keyless(URI.create("http://127.0.0.1:" + port)))
                .validate(Fixtures.fizzbuzzSubmission());
        assertThat(vote.kind()).isEqualTo(Vote.Kind.ERROR);
        assertThat(vote.summary()).contains("gave up after 3 attempt(s)").contains("Connect");
    }
}
