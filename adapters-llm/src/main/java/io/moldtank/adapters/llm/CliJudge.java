package io.moldtank.adapters.llm;

import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.out.validation.ValidationRequest;
import io.moldtank.ports.out.validation.Validator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A coding-agent CLI (Claude Code, Codex CLI) as a validator: the same prompt as the API judges, on
 * stdin, in a fresh empty directory, with an environment reduced to what the CLI needs (the server's
 * own secrets are not passed on to a process that reads strangers' text). One run per vote: the CLIs
 * retry their API calls themselves, and an error here is not a vote, so the submission is tried again
 * later. Every path that does not end in a schema-valid verdict ends in ERROR or TIMEOUT.
 */
final class CliJudge implements Validator {
    /** stdout beyond this is not a judge's answer; stderr is kept only for the error message. */
    static final int MAX_STDOUT_BYTES = 2 * 1024 * 1024;
    static final int MAX_STDERR_BYTES = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(CliJudge.class);

    private final LlmValidators.CliSettings settings;
    private final CliDialect dialect;
    private final Clock clock;
    private final Map<String, String> parentEnv;

    /** {@code parentEnv}: this process's environment, out of which the CLI gets only what it needs. */
    CliJudge(LlmValidators.CliSettings settings, CliDialect dialect, Clock clock, Map<String, String> parentEnv) {
        this.settings = settings;
        this.dialect = dialect;
        this.clock = clock;
        this.parentEnv = Map.copyOf(parentEnv);
    }

    @Override
    public boolean wantsEvidence() {
        return true; // a second opinion: it reads the test runner's report before it votes
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public Vote validate(ValidationRequest request) {
        VoteSheet sheet = new VoteSheet(settings.name(), "cli", settings.kind().spelling(),
                settings.model() == null ? "(cli default)" : settings.model(), clock);
        JudgePrompt prompt = JudgePrompt.of(request.terms(), request.content(), request.evidence());
        if (prompt.length() > LlmJudge.MAX_PROMPT_CHARS) {
            return sheet.error("prompt of " + prompt.length() + " characters exceeds " + LlmJudge.MAX_PROMPT_CHARS
                    + "; this judge will not rule on what it cannot read whole");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("moldtank-judge-");
        } catch (IOException e) {
            return sheet.error("cannot make a working directory: " + e.getMessage());
        }
        try {
            return run(request, prompt, sheet, dir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return sheet.error("interrupted");
        } finally {
            deleteTree(dir);
        }
    }

    private Vote run(ValidationRequest request, JudgePrompt prompt, VoteSheet sheet, Path dir)
            throws InterruptedException {
        Map<String, String> passed = settings.environment(parentEnv);
        String path = passed.getOrDefault("PATH", "");
        String executable = settings.executable();
        if (executable.contains("/") ? !Files.isExecutable(Path.of(executable)) : !onPath(executable, path)) {
            return sheet.error("cannot start " + executable + ": not found or not executable");
        }
        List<String> command = new ArrayList<>();
        boolean ownSession = onPath("setsid", path);
        if (ownSession) { // the CLI leads a session of its own, so whatever it starts can be found and killed
            command.add("setsid");
        }
        command.add(settings.executable());
        command.addAll(dialect.arguments(settings));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(passed);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return sheet.error("cannot start " + settings.executable() + ": " + e.getMessage());
        }
        try {
            return judge(request, prompt, sheet, process, ownSession);
        } finally {
            kill(process, ownSession);
        }
    }

    private Vote judge(ValidationRequest request, JudgePrompt prompt, VoteSheet sheet, Process process,
                       boolean ownSession) throws InterruptedException {
        String input = prompt.instructions() + "\n" + prompt.input();
        CompletableFuture<Void> feeding = CompletableFuture.runAsync(() -> feed(process.getOutputStream(), input),
                Thread::startVirtualThread);
        CompletableFuture<byte[]> out = drain(process.getInputStream(), MAX_STDOUT_BYTES);
        CompletableFuture<byte[]> err = drain(process.getErrorStream(), MAX_STDERR_BYTES);
        boolean exited = process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            kill(process, ownSession);
            LOG.warn("judge {} submission {}: {} gave no answer within {}", name(), request.submissionId(),
                    settings.kind().spelling(), settings.timeout());
            return sheet.timeout("no answer within " + settings.timeout().toMillis() + " ms");
        }
        // what it left behind may hold its output open; the CLI itself is not destroyed yet, since
        // Process.destroy closes the pipes and would lose output not yet drained
        killLeftovers(process, ownSession);
        byte[] stdoutBytes = bytes(out, process.getInputStream());
        String stderr = redact(new String(bytes(err, process.getErrorStream()), StandardCharsets.UTF_8));
        feeding.cancel(true);
        int exit = process.exitValue();
        sheet.detail("exitCode", String.valueOf(exit));
        if (stdoutBytes.length > MAX_STDOUT_BYTES) { // a cut answer may end in an earlier message, not the last
            return sheet.error("the CLI printed more than " + MAX_STDOUT_BYTES + " bytes; not read as an answer");
        }
        String stdout = new String(stdoutBytes, StandardCharsets.UTF_8);
        String usage = dialect.usage(stdout);
        if (!usage.isEmpty()) {
            sheet.detail("usage", Texts.truncate(usage, 300));
        }
        ApiDialect.Answer answer = dialect.answer(stdout);
        if (exit != 0 && answer instanceof ApiDialect.Text) {
            answer = new ApiDialect.NoText("exit code " + exit);
        }
        return switch (answer) {
            case ApiDialect.NoText n -> {
                String why = n.why() + (exit != 0 && !n.why().startsWith("exit code") ? " (exit code " + exit + ")" : "")
                        + (stderr.isBlank() ? "" : "; stderr: " + Texts.truncate(stderr.strip(), 300));
                LOG.warn("judge {} submission {}: {}", name(), request.submissionId(), redact(n.why()));
                yield sheet.error(redact(why));
            }
            case ApiDialect.Text t -> {
                String raw = redact(t.text());
                sheet.raw(raw);
                yield switch (VerdictParser.parse(raw)) {
                    case VerdictParser.Invalid i -> sheet.error("verdict rejected: " + i.why());
                    case VerdictParser.Valid v -> sheet.verdict(v.verdict());
                };
            }
        };
    }

    private static void feed(OutputStream stdin, String input) {
        try (stdin) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) { // the CLI exited or closed stdin early: its output says why
            LOG.debug("judge stdin closed early: {}", e.getMessage());
        }
    }

    /** Reads a stream to its end on a virtual thread, keeping at most {@code max} + 1 bytes. */
    private static CompletableFuture<byte[]> drain(InputStream in, int max) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    kept.write(buffer, 0, Math.min(n, Math.max(0, max + 1 - kept.size()))); // max + 1: overflow shows
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return kept.toByteArray();
        }, Thread::startVirtualThread);
    }

    /** What a drain read; a stream still open 5 s after the CLI exited (a child holds it) is closed. */
    private static byte[] bytes(CompletableFuture<byte[]> drained, InputStream stream) throws InterruptedException {
        try {
            return drained.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) { // logged, so an empty answer read this way is told apart from silence
            LOG.warn("reading the judge CLI's output failed: {}", e.getCause().toString());
            return new byte[0];
        } catch (TimeoutException e) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            return new byte[0];
        }
    }

    /**
     * The CLI and everything it started, also what outlived it: when it led its own session, every
     * process of that session (children of an exited CLI are no longer its descendants).
     */
    private static void kill(Process process, boolean ownSession) {
        killLeftovers(process, ownSession);
        process.destroyForcibly();
    }

    private static void killLeftovers(Process process, boolean ownSession) {
        List<ProcessHandle> doomed = new ArrayList<>();
        try (Stream<ProcessHandle> children = process.descendants()) {
            children.forEach(doomed::add);
        }
        if (ownSession) {
            doomed.addAll(SessionMembers.of(process.pid()));
        }
        doomed.forEach(ProcessHandle::destroyForcibly);
    }

    private static boolean onPath(String program, String path) {
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Values of this process's variables that look like credentials never reach a vote or a log: not
     * only those passed to the CLI, since a CLI with a shell could read its parent's environment.
     */
    private String redact(String text) {
        String s = text;
        for (Map.Entry<String, String> e : parentEnv.entrySet()) {
            if (LlmValidators.CliSettings.isSecret(e.getKey()) && e.getValue().length() >= 8) {
                s = Texts.redact(s, e.getValue());
            }
        }
        return s;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) { // a vote is never lost to cleaning up
            LOG.warn("could not remove judge directory {}: {}", dir, e.getMessage());
        }
    }
}
