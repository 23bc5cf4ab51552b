package io.moldtank.adapters.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The argument vector of one bubblewrap run: prlimit around bwrap, everything unshared, uid 65534. */
final class BubblewrapCommand {

    private BubblewrapCommand() {
    }

    static List<String> of(SandboxAdapters.Settings s, Path work, String command, java.util.Map<String, String> env,
                           long cpuSeconds, CgroupV1 group) {
        var args = new ArrayList<String>();
        if (group != null) { // the launcher joins the run's cgroups, then becomes prlimit, then bwrap
            args.addAll(List.of("/bin/sh", "-c", "for f in \"$@\"; do case $f in /sys/*) echo $$ > \"$f\" || exit 125;; "
                    + "*) break;; esac; shift; done; exec \"$@\"", "launcher"));
            group.procsFiles().forEach(p -> args.add(p.toString()));
        }
        args.addAll(List.of("prlimit", "--cpu=" + cpuSeconds, "--fsize=" + s.tmpfsBytes(), "--nofile=1024",
                "--nproc=" + s.pids(), "--core=0"));
        if (group == null) { // without a memory cgroup, address space is the only memory cap left
            args.add("--as=" + s.memoryBytes());
        }
        args.addAll(List.of("--", "bwrap", "--unshare-all", "--die-with-parent", "--new-session",
                "--uid", "65534", "--gid", "65534", "--cap-drop", "ALL", "--clearenv",
                "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin", "--setenv", "HOME", "/tmp",
                "--setenv", "TMPDIR", "/tmp", "--setenv", "LANG", "C.UTF-8",
                "--setenv", "PYTHONDONTWRITEBYTECODE", "1"));
        new java.util.TreeMap<>(env).forEach((k, v) -> args.addAll(List.of("--setenv", k, v)));
        if (Files.isExecutable(s.rootfs().resolve("usr/bin/python3"))) {
            args.addAll(List.of("--ro-bind", s.rootfs().toString(), "/"));
        } else { // no image rootfs: the host's programs, read-only, and nothing else of the host
            args.addAll(List.of("--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc",
                    "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
                    "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64"));
        }
        args.addAll(List.of("--dev", "/dev", "--proc", "/proc", "--size", Long.toString(s.tmpfsBytes()),
                "--tmpfs", "/tmp", "--ro-bind", work.toString(), "/work", "--chdir", "/work",
                "/bin/sh", "-c", command));
        return args;
    }
}
