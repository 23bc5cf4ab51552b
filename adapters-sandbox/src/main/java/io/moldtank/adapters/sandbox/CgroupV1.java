package io.moldtank.adapters.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A per-run cgroup (v1) in the pids and memory hierarchies, for the bubblewrap sandbox. Why: as
 * root, RLIMIT_NPROC does not apply (measured: a fork bomb under {@code prlimit --nproc=128} made
 * thousands of processes), and RLIMIT_AS is not a memory limit for tmpfs pages. Only a cgroup caps
 * both. Available when /sys/fs/cgroup/{pids,memory} are writable (root on a cgroup v1 host).
 */
final class CgroupV1 {

    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    private final List<Path> dirs;

    private CgroupV1(List<Path> dirs) {
        this.dirs = dirs;
    }

    static boolean available() {
        return Files.isWritable(ROOT.resolve("pids")) && Files.isWritable(ROOT.resolve("memory"))
                && Files.exists(ROOT.resolve("pids/cgroup.procs"));
    }

    static CgroupV1 create(String name, long pids, long memoryBytes) throws IOException {
        Path p = Files.createDirectory(ROOT.resolve("pids").resolve(name));
        Path m = Files.createDirectory(ROOT.resolve("memory").resolve(name));
        var group = new CgroupV1(List.of(p, m));
        Files.writeString(p.resolve("pids.max"), Long.toString(pids));
        Files.writeString(m.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
        Path swap = m.resolve("memory.memsw.limit_in_bytes");
        if (Files.exists(swap)) {
            Files.writeString(swap, Long.toString(memoryBytes));
        }
        return group;
    }

    /** The files a launcher writes its own pid into, so that it and all its descendants are inside. */
    List<Path> procsFiles() {
        return dirs.stream().map(d -> d.resolve("cgroup.procs")).toList();
    }

    boolean oomKilled() {
        try {
            String control = Files.readString(dirs.get(1).resolve("memory.oom_control"));
            return control.lines().anyMatch(l -> l.startsWith("oom_kill ") && !l.endsWith(" 0"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills whatever is still inside and removes the groups; retried because kills are asynchronous. */
    void destroy() {
        for (int attempt = 0; attempt < 50; attempt++) {
            boolean empty = true;
            for (Path dir : dirs) {
                try {
                    for (String pid : Files.readAllLines(dir.resolve("cgroup.procs"))) {
                        empty = false;
                        ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
                    }
                } catch (IOException | NumberFormatException e) {
                    // the group is gone or a pid vanished: nothing to kill
                }
            }
            if (empty && dirs.stream().allMatch(d -> d.toFile().delete() || !Files.exists(d))) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
