package io.moldtank.adapters.llm;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The live processes of one Linux session, read from /proc (empty where there is no /proc). */
final class SessionMembers {

    private SessionMembers() {
    }

    static List<ProcessHandle> of(long sessionId) {
        List<ProcessHandle> members = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                long pid = Long.parseLong(proc.getFileName().toString());
                if (pid != sessionId && sessionOf(proc) == sessionId) {
                    ProcessHandle.of(pid).ifPresent(members::add);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc, or it changed under us: the descendants are still killed
        }
        return members;
    }

    /** Field 6 of /proc/<pid>/stat; the command name (field 2) is in parentheses and may hold spaces. */
    private static long sessionOf(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(after[3]); // state, ppid, pgrp, session
        } catch (IOException | RuntimeException e) { // the process is gone
            return -1;
        }
    }
}
