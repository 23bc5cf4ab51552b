package io.moldtank.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.moldtank.adapters.llm.FakeLlmServer.Reply;
import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.bounty.BountyTerms;
import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.out.validation.ValidationRequest;
import io.moldtank.ports.service.ValidatorPanel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SecretsAndLimitsTest {
    private final ClaudeJudgeTest claude = new ClaudeJudgeTest();

    @Test
    void theApiKeyReachesNeitherLogsNorVotesEvenWhenTheServerEchoesIt() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        String echo = "key " + Fixtures.API_KEY + " is busy";
        try (var server = new FakeLlmServer()
                .then(Reply.json(500, claude.errorBody("api_error", echo)))
                .then(Reply.json(401, claude.errorBody("authentication_error", "invalid x-api-key " + Fixtures.API_KEY)))) {
            Vote vote = claude.judge(server.baseUrl()).validate(Fixtures.fizzbuzzSubmission());
            assertThat(vote.kind()).isEqualTo(Vote.Kind.ERROR);
            assertThat(vote.summary()).doesNotContain(Fixtures.API_KEY).contains("(redacted)");
            assertThat(vote.details().values()).noneMatch(v -> v.contains(Fixtures.API_KEY));
            assertThat(logs.list).isNotEmpty();
            assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains(Fixtures.API_KEY));
        } finally {
            root.detachAppender(logs);
        }
    }

    @Test
    void aSubmissionTooLargeToReadWholeIsAnErrorWithoutCallingTheModel() throws Exception {
        Map<String, String> files = new java.util.HashMap<>();
        for (int i = 0; i < 60; i++) {
            files.put("part" + i + ".txt", "y".repeat(8000));
        }
        try (var server = new FakeLlmServer().then(claude.ok(LlmJudgeContract.PASS))) {
            Vote vote = claude.judge(server.baseUrl()).validate(Fixtures.request(files));
            assertThat(vote.kind()).isEqualTo(Vote.Kind.ERROR);
            assertThat(vote.summary()).contains("exceeds");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void aTestSuiteBountyIsJudgedOnItsCommandAndTestFilesInsideTheCriteriaBlock() throws Exception {
        ValidationRequest base = Fixtures.fizzbuzzSubmission();
        BountyTerms t = base.terms();
        var suite = new Acceptance.TestSuite(Map.of("test_fizz.py", "def test_fizz():\n    assert fizzbuzz(3) == 'Fizz'\n"), "pytest -q", null);
        var request = new ValidationRequest(base.bountyId(), new BountyTerms(t.title(), t.description(), t.reward(),
                t.deadline(), t.tags(), suite, null), base.submissionId(), 1, base.content());
        try (var server = new FakeLlmServer().then(claude.ok(LlmJudgeContract.FAIL))) {
            claude.judge(server.baseUrl()).validate(request);
            String input = claude.untrustedInput(LlmJudgeContract.JSON.readTree(server.only().body()));
            int begin = input.indexOf("<<<BEGIN CRITERIA");
            int end = input.indexOf("<<<END CRITERIA");
            assertThat(input.indexOf("pytest -q")).isBetween(begin, end);
            assertThat(input.indexOf("assert fizzbuzz(3) == 'Fizz'")).isBetween(begin, end);
        }
    }

    @Test
    void inTheCoresValidatorPanelAJudgeVotesLikeAnyOtherValidator() throws Exception {
        try (var server = new FakeLlmServer().then(claude.ok(LlmJudgeContract.PASS));
             var panel = new ValidatorPanel(List.of(claude.judge(server.baseUrl())), Duration.ofSeconds(10),
                     Clock.systemUTC())) {
            List<Vote> votes = panel.round(Fixtures.fizzbuzzSubmission(), 1);
            assertThat(votes).singleElement().satisfies(v -> {
                assertThat(v.kind()).isEqualTo(Vote.Kind.PASS);
                assertThat(v.validator()).isEqualTo("claude");
            });
        }
    }

    @Test
    void aServerThatStaysDownIsGivenUpOnWithinTheRetryBudgetPlusOneTimeout() throws Exception {
        var retries = new LlmValidators.Retries(10, Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500));
        try (var server = new FakeLlmServer()) {
            var settings = LlmValidators.Settings.of(LlmValidators.Kind.CLAUDE, server.baseUrl(), Fixtures.API_KEY, "m",
                    Duration.ofMillis(400)).withRetries(retries);
            for (int i = 0; i < 10; i++) {
                server.then(Reply.json(503, claude.errorBody("api_error", "down")).after(Duration.ofMillis(50)));
            }
            var judge = LlmValidators.validator(settings);
            long start = System.nanoTime();
            Vote vote = judge.validate(Fixtures.fizzbuzzSubmission());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(vote.kind()).isEqualTo(Vote.Kind.ERROR);
            assertThat(vote.summary()).contains("retry budget");
            assertThat(server.received().size()).isBetween(2, 9);
            assertThat(took).isLessThanOrEqualTo(settings.worstCase());
        }
    }
}
