package io.moldtank.adapters.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import java.util.List;
import java.util.Map;

/**
 * How a sandbox container is configured. Why /work is an anonymous volume and not a tmpfs:
 * measured on Docker 20.10, copying an archive into a created container with a read-only root is
 * refused ("container rootfs is marked read-only") unless the target is a volume, and copying into a
 * tmpfs of a running container returns success but lands underneath the tmpfs, invisible inside.
 * An anonymous volume takes the copy before start, and is removed with the container
 * ({@code removeVolumes}). The extracted files are root-owned, so user 65534 can read but not
 * change them (nor fill the host disk through /work); writable space is the sized tmpfs /tmp.
 */
final class ContainerSpec {

    static final String LABEL = "moldtank.sandbox";
    static final String WORK = "/work";
    static final int USER = 65534;

    private ContainerSpec() {
    }

    static CreateContainerCmd create(DockerClient docker, SandboxAdapters.Settings s, String command, Map<String, String> extra) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("none")
                .withReadonlyRootfs(true)
                .withMemory(s.memoryBytes())
                .withMemorySwap(s.memoryBytes()) // equal to memory: no swap (the default would be 2x on cgroup v1)
                .withNanoCPUs(s.nanoCpus())
                .withPidsLimit(s.pids())
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                // Always give tmpfs a size: unsized it claims half the host RAM and is only stopped by the OOM killer.
                .withTmpFs(Map.of("/tmp", "rw,size=" + s.tmpfsBytes() + ",nosuid,nodev,mode=1777"))
                .withMounts(List.of(new Mount().withType(MountType.VOLUME).withTarget(WORK)))
                // Output is read through attach; the daemon keeps no copy of it on the host disk.
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE, Map.of()));
        return docker.createContainerCmd(s.image())
                .withCmd("/bin/sh", "-c", command)
                .withUser(USER + ":" + USER)
                .withWorkingDir(WORK)
                .withEnv(env(extra))
                .withNetworkDisabled(true)
                .withLabels(Map.of(LABEL, "1"))
                .withHostConfig(host);
    }

    /** Only these variables (and the run's MOLDTANK_* ones): nothing from the host's environment reaches the code. */
    static List<String> env(Map<String, String> extra) {
        var env = new java.util.ArrayList<>(List.of("PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/tmp", "TMPDIR=/tmp",
                "LANG=C.UTF-8", "PYTHONDONTWRITEBYTECODE=1"));
        new java.util.TreeMap<>(extra).forEach((k, v) -> env.add(k + "=" + v));
        return env;
    }
}
