package io.moldtank.adapters.llm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A stand-in for the {@code claude} or {@code codex} executable: a shell script that records its
 * arguments, working directory, environment and stdin, then prints the canned stdout it was given
 * (the CLI's real output format), writes stderr and exits with the given code.
 */
final class FakeCli {
    final Path dir;
    final Path executable;

    FakeCli(Path dir) throws IOException {
        this.dir = dir;
        this.executable = dir.resolve("fake-cli");
        String d = dir.toAbsolutePath().toString();
        Files.writeString(executable, """
                #!/bin/sh
                echo $$ > '%1$s/pid'
                printf '%%s\\n' "$@" > '%1$s/argv'
                pwd > '%1$s/cwd'
                env > '%1$s/env'
                cat > '%1$s/stdin'
                [ -f '%1$s/sleep' ] && sleep "$(cat '%1$s/sleep')"
                if [ -f '%1$s/leave' ]; then sleep 60 & echo $! > '%1$s/leftpid'; fi
                [ -f '%1$s/stdout' ] && cat '%1$s/stdout'
                [ -f '%1$s/stderr' ] && cat '%1$s/stderr' >&2
                exit "$(cat '%1$s/exit' 2>/dev/null || echo 0)"
                """.formatted(d));
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwx------"));
    }

    FakeCli answers(String stdout) throws IOException {
        Files.writeString(dir.resolve("stdout"), stdout);
        return this;
    }

    FakeCli complains(String stderr, int exitCode) throws IOException {
        Files.writeString(dir.resolve("stderr"), stderr);
        Files.writeString(dir.resolve("exit"), String.valueOf(exitCode));
        return this;
    }

    FakeCli hangsFor(int seconds) throws IOException {
        Files.writeString(dir.resolve("sleep"), String.valueOf(seconds));
        return this;
    }

    /** Starts a child that outlives the CLI and keeps its stdout open. */
    FakeCli leavesAChildBehind() throws IOException {
        Files.writeString(dir.resolve("leave"), "1");
        return this;
    }

    long leftPid() throws IOException {
        return Long.parseLong(Files.readString(dir.resolve("leftpid")).strip());
    }

    List<String> argv() throws IOException {
        return Files.readAllLines(dir.resolve("argv"), StandardCharsets.UTF_8);
    }

    String stdin() throws IOException {
        return Files.readString(dir.resolve("stdin"));
    }

    Path cwd() throws IOException {
        return Path.of(Files.readString(dir.resolve("cwd")).strip());
    }

    List<String> environmentNames() throws IOException {
        return Files.readAllLines(dir.resolve("env")).stream().filter(l -> l.contains("="))
                .map(l -> l.substring(0, l.indexOf('='))).toList();
    }

    long pid() throws IOException {
        return Long.parseLong(Files.readString(dir.resolve("pid")).strip());
    }
}
