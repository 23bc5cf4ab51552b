package io.moldtank.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.bounty.RunnerFiles;
import io.moldtank.domain.validation.Vote;
import io.moldtank.domain.validation.Vote.Kind;
import io.moldtank.ports.out.validation.Sandbox;
import io.moldtank.ports.testing.RequiredServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Submissions written to get paid without solving the bounty, judged by the real test runner in the
 * real sandboxes. Each is a fixture under {@code resources/hostile/<name>/files} beside the verdict
 * it must get ({@code expect}: {@code pass}, a FAIL reason, or {@code refused} at submit time). The
 * acceptance is the same for all: {@code hostile/_acceptance}. The sandbox-escape attacks (fork bomb,
 * memory, disk, network, output flood, secrets) are in {@link HostileSubmissionsTest}.
 */
class HostileJudgeTest {

    private static final Path ROOT = root();
    private static final Acceptance.TestSuite SUITE = new Acceptance.TestSuite(files(ROOT.resolve("_acceptance")),
            "pytest -q test_solution.py", Duration.ofSeconds(60));

    static Stream<Arguments> fixtures() throws IOException {
        try (var dirs = Files.list(ROOT)) {
            var names = dirs.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_")).sorted().toList();
            assertThat(names).as("the hostile suite keeps at least 20 cheats and an honest solution").hasSizeGreaterThan(20)
                    .contains("honest");
            return names.stream().flatMap(n -> Stream.of(Arguments.of(n, "docker"), Arguments.of(n, "bubblewrap")));
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("fixtures")
    void everyCheatFailsAndTheHonestSolutionPasses(String name, String sandbox) throws IOException {
        Path dir = ROOT.resolve(name);
        String expect = Files.readString(dir.resolve("expect")).trim();
        Map<String, String> submission = files(dir.resolve("files"));

        var refused = RunnerFiles.firstRefused(SUITE, submission.keySet());
        Vote vote = new TestRunnerValidator(sandbox(sandbox), Requests.CLOCK).validate(Requests.request(SUITE, submission));
        System.out.printf("JUDGE | %-34s | %-10s | %s %s | %s%n", name, sandbox, vote.kind(), vote.details().get("reason"),
                vote.summary());

        if (expect.equals("refused")) {
            assertThat(refused).as("refused when submitted").isPresent();
            // and had it got past the submit check, the runner would still not pay for it
            assertThat(vote.kind()).as(vote.summary()).isEqualTo(Kind.FAIL);
        } else if (expect.equals("pass")) {
            assertThat(refused).isEmpty();
            assertThat(vote.kind()).as(vote.summary() + " " + vote.details().get("stderrTail")).isEqualTo(Kind.PASS);
        } else {
            assertThat(refused).isEmpty();
            assertThat(vote.kind()).as(vote.summary()).isEqualTo(Kind.FAIL);
            assertThat(vote.details()).as(vote.summary()).containsEntry("reason", expect);
        }
    }

    @AfterAll
    static void nothingIsLeftBehind() {
        TestSandboxes.assertNothingLeftBehind();
    }

    private static Sandbox sandbox(String kind) {
        if (kind.equals("docker")) {
            return TestSandboxes.docker();
        }
        var why = new StringBuilder();
        var bwrap = BubblewrapSandbox.tryCreate(TestSandboxes.SETTINGS, why, System.getenv("PATH"));
        if (bwrap == null || !Files.isExecutable(TestSandboxes.SETTINGS.rootfs().resolve("usr/bin/python3"))) {
            throw RequiredServer.unavailable("bubblewrap with the sandbox rootfs", TestSandboxes.SETTINGS.rootfs().toString(),
                    "bash .ci/docker.sh", new IllegalStateException(why.toString()));
        }
        return bwrap;
    }

    static Map<String, String> files(Path dir) {
        try (var paths = Files.walk(dir)) {
            var files = new TreeMap<String, String>();
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        try {
            return Path.of(HostileJudgeTest.class.getResource("/hostile").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
