package io.moldtank.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moldtank.adapters.llm.LlmValidators.CliKind;
import io.moldtank.adapters.llm.LlmValidators.CliSettings;
import io.moldtank.domain.validation.Vote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI judges against a stand-in executable that prints what Claude Code ({@code -p
 * --output-format json}) and Codex CLI ({@code exec --json}) print.
 */
class CliJudgeTest {
    private static final String ANTHROPIC_KEY = "sk-ant-test-SECRET-0123456789";
    private static final String TREASURY_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    /** The server's own environment as the judge sees it: its secrets must not reach the CLI. */
    private static final Map<String, String> SERVER_ENV = Map.of(
            "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
            "HOME", System.getProperty("user.home"),
            "ANTHROPIC_API_KEY", ANTHROPIC_KEY,
            "MOLDTANK_CHAIN_TREASURY_KEY", TREASURY_KEY,
            "MOLDTANK_STORAGE_PASSWORD", "hunter2hunter2");
    /** Variables a POSIX shell sets by itself. */
    private static final Set<String> SHELL_OWN = Set.of("PWD", "OLDPWD", "SHLVL", "_");

    @TempDir
    Path tmp;

    static String claudeResult(String text) {
        ObjectNode r = ApiDialect.JSON.createObjectNode().put("type", "result").put("subtype", "success")
                .put("is_error", false).put("duration_ms", 2310).put("num_turns", 1).put("result", text)
                .put("session_id", "0b6a6e0e-3f7a-4c2e-9d1e-4e1f6b2a9c11").put("total_cost_usd", 0.0123);
        r.putObject("usage").put("input_tokens", 1830).put("output_tokens", 41);
        return r + "\n";
    }

    static String codexEvents(String agentMessage) {
        return """
                {"type":"thread.started","thread_id":"0199a213-81c0-7800-8aa1-bbab2a035a53"}
                {"type":"turn.started"}
                {"type":"item.completed","item":{"id":"item_0","type":"reasoning","text":"**Checking the rubric**"}}
                %s
                {"type":"turn.completed","usage":{"input_tokens":2012,"cached_input_tokens":0,"output_tokens":57}}
                """.formatted(ApiDialect.JSON.createObjectNode().put("type", "item.completed")
                .set("item", ApiDialect.JSON.createObjectNode().put("id", "item_1").put("type", "agent_message")
                        .put("text", agentMessage)).toString());
    }

    private CliJudge judge(CliKind kind, FakeCli cli, String model, Duration timeout) {
        CliSettings settings = new CliSettings(kind, null, cli.executable.toString(), model, timeout, List.of(), List.of());
        CliDialect dialect = kind == CliKind.CLAUDE_CODE ? new CliDialect.ClaudeCode() : new CliDialect.CodexCli();
        return new CliJudge(settings, dialect, Clock.systemUTC(), SERVER_ENV);
    }

    private CliJudge judge(CliKind kind, FakeCli cli) {
        return judge(kind, cli, "judge-model-1", Duration.ofSeconds(20));
    }

    @Test
    void claude_code_gets_the_prompt_on_stdin_in_print_mode_and_its_verdict_becomes_the_vote() throws IOException {
        FakeCli cli = new FakeCli(tmp).answers(claudeResult(LlmJudgeContract.PASS));

        Vote vote = judge(CliKind.CLAUDE_CODE, cli).validate(Fixtures.fizzbuzzSubmission());

        assertThat(vote.kind()).isEqualTo(Vote.Kind.PASS);
        assertThat(vote.validator()).isEqualTo("claude-code");
        assertThat(vote.details()).containsEntry("cli", "claude-code").containsEntry("model", "judge-model-1")
                .containsEntry("exitCode", "0").containsEntry("usage", "costUsd=0.0123");
        assertThat(cli.argv()).containsSequence("-p", "--output-format", "json")
                .containsSequence("--max-turns", "1").containsSequence("--model", "judge-model-1");
        assertThat(cli.stdin()).contains("strict, impartial judge", "<<<BEGIN SUBMISSION", "def fizzbuzz(n):",
                Fixtures.RUBRIC);
        // a fresh directory of its own, removed afterwards
        assertThat(cli.cwd()).isNotEqualTo(Path.of("").toAbsolutePath());
        assertThat(Files.exists(cli.cwd())).isFalse();
    }

    @Test
    void a_failing_verdict_is_a_fail_vote_with_the_reasons() throws IOException {
        FakeCli cli = new FakeCli(tmp).answers(claudeResult(LlmJudgeContract.FAIL));
        Vote vote = judge(CliKind.CLAUDE_CODE, cli).validate(Fixtures.fizzbuzzSubmission());
        assertThat(vote.kind()).isEqualTo(Vote.Kind.FAIL);
        assertThat(vote.details().get("reasons")).contains("Buzz is missing");
    }

    @Test
    void the_cli_sees_only_path_home_locale_and_its_own_credentials_not_the_servers_secrets() throws IOException {
        FakeCli cli = new FakeCli(tmp).answers(claudeResult(LlmJudgeContract.PASS));
        judge(CliKind.CLAUDE_CODE, cli).validate(Fixtures.fizzbuzzSubmission());
        assertThat(cli.environmentNames()).filteredOn(n -> !SHELL_OWN.contains(n))
                .containsExactlyInAnyOrder("PATH", "HOME", "ANTHROPIC_API_KEY");
    }

    @Test
    void a_run_that_ends_without_success_is_an_error_not_a_vote() throws IOException {
        String maxTurns = claudeResult("").replace("\"success\"", "\"error_max_turns\"")
                .replace("\"is_error\":false", "\"is_error\":true");
        FakeCli cli = new FakeCli(tmp).answers(maxTurns);
        Vote vote = judge(CliKind.CLAUDE_CODE, cli).validate(Fixtures.fizzbuzzSubmission());
        assertThat(vote.kind()).isEqualTo(Vote.Kind.ERROR);
        assertThat(vote.summary()).contains("error_max_turns");
    }

    @Test
    void a_failed_cli_is_an_error_whose_message_never_shows_the_api_key() throws IOException {
        FakeCli cli = new FakeCli(tmp).complains("Invalid API key: " + ANTHROPIC_KEY + " (401)", 1);
        Vote vote = judge(CliKind.CLAUDE_CODE, cli).validate(Fixtures.fizzbuzzSubmission());
        assertThat(vote.kind()).isEqualTo(Vote.Kind.ERROR);
        assertThat(vote.summary()).contains("exit code 1", "Invalid API key", "(redacted)").doesNotContain(ANTHROPIC_KEY);
        assertThat(vote.details().values()).noneMatch(v -> v.contains(ANTHROPIC_KEY));
    }

    @Test
    void a_verdict_with_a_nonzero_exit_code_does_not_count() throws IOException {
        FakeCli cli = new FakeCli(tmp).answers(claudeResult(LlmJudgeContract.PASS)).complains("", 2);
        Vote vote = judge(CliKind.CLAUDE_CODE, cli).validate(Fixtures.fizzbuzzSubmission());
        assertThat(vote.kind()).isEqualTo(Vote.Kind.ERROR);
        assertThat(vote.summary()).contains("exit code 2");
    }

    @Test
    void an_answer_that_is_not_a_verdict_is_rejected() throws IOException {
        FakeCli cli = new FakeCli(tmp).answers(claudeResult("Sure! The submission looks great, I'd say it passes."));
        Vote vote = judge(CliKind.CLAUDE_CODE, cli).validate(Fixtures.injectionSubmission());
        assertThat(vote.kind()).isEqualTo(Vote.Kind.ERROR);
        assertThat(vote.summary()).startsWith("verdict rejected");
    }

    @Test
    void a_cli_that_hangs_is_killed_at_the_timeout_with_what_it_started() throws IOException, InterruptedException {
        FakeCli cli = new FakeCli(tmp).answers(claudeResult(LlmJudgeContract.PASS)).hangsFor(60);
        long start = System.nanoTime();
        Vote vote = judge(CliKind.CLAUDE_CODE, cli, null, Duration.ofSeconds(1)).validate(Fixtures.fizzbuzzSubmission());
        assertThat(vote.kind()).isEqualTo(Vote.Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertGone(cli.pid(), "the CLI");
        assertThat(cli.argv()).doesNotContain("--model"); // no model configured: the CLI's own default
    }

    @Test
    void a_child_that_outlives_the_cli_is_killed_and_does_not_hold_the_answer_back() throws Exception {
        FakeCli cli = new FakeCli(tmp).answers(claudeResult(LlmJudgeContract.PASS)).leavesAChildBehind();
        long start = System.nanoTime();
        Vote vote = judge(CliKind.CLAUDE_CODE, cli).validate(Fixtures.fizzbuzzSubmission());
        assertThat(vote.kind()).as(vote.summary()).isEqualTo(Vote.Kind.PASS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertGone(cli.leftPid(), "the left-over child");
    }

    @Test
    void more_output_than_an_answer_can_be_is_an_error() throws IOException {
        String flood = "x".repeat(CliJudge.MAX_STDOUT_BYTES) + "\n" + claudeResult(LlmJudgeContract.PASS);
        FakeCli cli = new FakeCli(tmp).answers(flood);
        Vote vote = judge(CliKind.CLAUDE_CODE, cli).validate(Fixtures.fizzbuzzSubmission());
        assertThat(vote.kind()).isEqualTo(Vote.Kind.ERROR);
        assertThat(vote.summary()).contains("more than");
    }

    @Test
    void a_secret_of_the_server_quoted_by_the_model_is_redacted_even_if_never_passed() throws IOException {
        String leaked = "{\"verdict\":\"fail\",\"reasons\":[\"found " + TREASURY_KEY + "\"],\"confidence\":0.5}";
        FakeCli cli = new FakeCli(tmp).answers(claudeResult(leaked));
        Vote vote = judge(CliKind.CLAUDE_CODE, cli).validate(Fixtures.fizzbuzzSubmission());
        assertThat(vote.kind()).isEqualTo(Vote.Kind.FAIL);
        assertThat(vote.summary()).doesNotContain(TREASURY_KEY).contains("(redacted)");
        assertThat(vote.details().values()).noneMatch(v -> v.contains(TREASURY_KEY));
    }

    /** Kills are asynchronous: allow 5 s for the process to go. */
    private static void assertGone(long pid, String what) throws InterruptedException {
        for (int i = 0; i < 50 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as(what + " is gone").isFalse();
    }

    @Test
    void a_missing_executable_is_an_error_not_a_crash() {
        CliSettings settings = new CliSettings(CliKind.CODEX_CLI, "codex", tmp.resolve("no-such-codex").toString(),
                null, Duration.ofSeconds(5), List.of(), List.of());
        Vote vote = LlmValidators.cli(settings).validate(Fixtures.fizzbuzzSubmission());
        assertThat(vote.kind()).isEqualTo(Vote.Kind.ERROR);
        assertThat(vote.summary()).contains("cannot start");
    }

    @Test
    void codex_exec_reads_the_prompt_from_stdin_and_its_last_agent_message_is_the_verdict() throws IOException {
        FakeCli cli = new FakeCli(tmp).answers(codexEvents(LlmJudgeContract.FAIL));
        Vote vote = judge(CliKind.CODEX_CLI, cli).validate(Fixtures.fizzbuzzSubmission());
        assertThat(vote.kind()).isEqualTo(Vote.Kind.FAIL);
        assertThat(vote.details()).containsEntry("cli", "codex-cli");
        assertThat(vote.details().get("usage")).contains("output_tokens");
        assertThat(cli.argv()).startsWith("exec", "--json").contains("--skip-git-repo-check")
                .containsSequence("--sandbox", "read-only").containsSequence("-c", "features.shell_tool=false").containsSequence("--model", "judge-model-1").endsWith("-");
        assertThat(cli.stdin()).contains("<<<BEGIN CRITERIA");
    }

    @Test
    void codex_messages_of_the_older_event_shape_are_read_too() throws IOException {
        String older = codexEvents(LlmJudgeContract.PASS).replace("\"type\":\"agent_message\"",
                "\"item_type\":\"assistant_message\"");
        FakeCli cli = new FakeCli(tmp).answers(older);
        assertThat(judge(CliKind.CODEX_CLI, cli).validate(Fixtures.fizzbuzzSubmission()).kind()).isEqualTo(Vote.Kind.PASS);
    }

    @Test
    void a_failed_codex_turn_is_an_error_with_its_message() throws IOException {
        FakeCli cli = new FakeCli(tmp).answers("""
                {"type":"thread.started","thread_id":"0199a213-81c0-7800-8aa1-bbab2a035a53"}
                {"type":"turn.started"}
                {"type":"error","message":"You've hit your usage limit."}
                {"type":"turn.failed","error":{"message":"You've hit your usage limit."}}
                """).complains("", 1);
        Vote vote = judge(CliKind.CODEX_CLI, cli).validate(Fixtures.fizzbuzzSubmission());
        assertThat(vote.kind()).isEqualTo(Vote.Kind.ERROR);
        assertThat(vote.summary()).contains("usage limit", "exit code 1");
    }

    @Test
    void settings_parse_their_kinds_and_refuse_bad_values() {
        assertThat(CliKind.parse(" Claude-Code ")).isEqualTo(CliKind.CLAUDE_CODE);
        assertThat(CliKind.parse("codex-cli")).isEqualTo(CliKind.CODEX_CLI);
        assertThatThrownBy(() -> CliKind.parse("claude")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("claude-code or codex-cli");
        CliSettings defaults = CliSettings.of(CliKind.CODEX_CLI, Duration.ofMinutes(5));
        assertThat(defaults.executable()).isEqualTo("codex");
        assertThat(defaults.name()).isEqualTo("codex-cli");
        assertThatThrownBy(() -> new CliSettings(CliKind.CODEX_CLI, null, null, null, Duration.ofMinutes(5), List.of(),
                List.of("BAD NAME"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BAD NAME");
        assertThatThrownBy(() -> CliSettings.of(CliKind.CLAUDE_CODE, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CliSettings.of(CliKind.CLAUDE_CODE, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
