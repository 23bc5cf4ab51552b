package io.moldtank.adapters.sandbox;

import io.moldtank.ports.out.validation.Sandbox;
import java.time.Duration;

/**
 * What runs when no isolating sandbox is available: nothing. Untrusted code is never run on the
 * host; every result explains how to enable Docker or bubblewrap.
 */
final class RefusingSandbox implements Sandbox {

    static final String IMAGE = "none (refused: no isolating sandbox)";
    static final int EXIT = 126; // the shell's "found but cannot execute"

    private final String message;

    RefusingSandbox(String why) {
        this.message = "[moldtank: refused to run untrusted code: no isolating sandbox is available. " + why.strip()
                + " Or install bubblewrap (apt-get install bubblewrap) and build the rootfs"
                + " (adapters-sandbox/scripts/build-image.sh).]";
    }

    @Override
    public SandboxResult run(SandboxRun run) {
        return new SandboxResult(EXIT, false, "", message, Duration.ZERO, IMAGE);
    }

    String message() {
        return message;
    }
}
