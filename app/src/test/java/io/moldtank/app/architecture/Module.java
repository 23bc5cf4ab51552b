package io.moldtank.app.architecture;

import java.util.Arrays;
import java.util.List;

/** The Maven modules of DESIGN.md and the package each one owns, relative to a root package. */
enum Module {
    DOMAIN("domain", "domain"),
    PORTS("ports", "ports"),
    ADAPTERS_HTTP("adapters-http", "adapters.http"),
    ADAPTERS_PERSISTENCE("adapters-persistence", "adapters.persistence"),
    ADAPTERS_CHAIN("adapters-chain", "adapters.chain"),
    ADAPTERS_SANDBOX("adapters-sandbox", "adapters.sandbox"),
    ADAPTERS_LLM("adapters-llm", "adapters.llm"),
    ADAPTERS_MOLTBOOK("adapters-moltbook", "adapters.moltbook"),
    ADAPTERS_WEBHOOKS("adapters-webhooks", "adapters.webhooks"),
    ADAPTERS_A2A("adapters-a2a", "adapters.a2a"),
    ADAPTERS_MCP("adapters-mcp", "adapters.mcp"),
    /** The client SDK and CLI: the server's wire format is all it may know of it. */
    CLIENT("client", "client"),
    APP("app", "app");

    /** The module's directory in the reactor; its artifactId is {@code moldtank-<directory>}. */
    final String directory;
    private final String subpackage;

    Module(String directory, String subpackage) {
        this.directory = directory;
        this.subpackage = subpackage;
    }

    /** The module's package under {@code root}, e.g. {@code io.moldtank.adapters.http}. */
    String packageIn(String root) {
        return root + "." + subpackage;
    }

    /** The same, as an ArchUnit package pattern that includes sub-packages. */
    String packagesIn(String root) {
        return packageIn(root) + "..";
    }

    static List<Module> adapters() {
        return Arrays.stream(values()).filter(m -> m.directory.startsWith("adapters-")).toList();
    }
}
