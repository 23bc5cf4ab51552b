package io.moldtank.adapters.mcp;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.ports.out.guard.RateLimiter;
import io.moldtank.ports.out.guard.RateLimiter.BucketSpec;
import io.moldtank.ports.service.Core;
import io.moldtank.ports.service.Registry;
import io.moldtank.ports.in.waiting.AwaitChangeUseCase;
import java.util.Objects;

/**
 * The one public entry of adapters-mcp: serves MoldTank's use cases as MCP tools over streamable HTTP at
 * {@value #PATH}. Stateless on purpose: no MCP session carries authority, so there is no session to steal
 * or fix; every HTTP request that calls a write tool carries its own AgentSig (nonce once, 30 s window).
 */
public final class McpAdapters {
    public static final String PATH = "/mcp";
    /** The MCP server's name in {@code initialize}. */
    public static final String SERVER_NAME = "moldtank";

    private McpAdapters() {
    }

    /**
     * Checks the AgentSig of a request (the same scheme and nonce store as /api/v1; app bridges the HTTP
     * adapter's checker here, so the two can never disagree). Called only when an Authorization header is sent.
     */
    @FunctionalInterface
    public interface Signatures {
        Signed check(ServerRequest req, byte[] body);
    }

    /** Who signed, or why the signature was refused (a problem code such as {@code unauthorized}). */
    public sealed interface Signed {
        record By(AgentId agent) implements Signed {
            public By {
                Objects.requireNonNull(agent, "agent");
            }
        }

        record Refused(int status, String code, String detail) implements Signed {
        }
    }

    /** The token buckets tool calls spend from: the same keys as the REST API's, so MCP is no way around them. */
    public record Buckets(BucketSpec discovery, BucketSpec read, BucketSpec write) {
        public Buckets {
            Objects.requireNonNull(discovery, "discovery");
            Objects.requireNonNull(read, "read");
            Objects.requireNonNull(write, "write");
        }
    }

    /** What the tools run on. */
    public record Parts(Core core, Registry registry, AwaitChangeUseCase waiting, Signatures signatures,
                        RateLimiter limiter, Buckets buckets, java.time.Clock clock, String version) {
        public Parts {
            Objects.requireNonNull(core, "core");
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(waiting, "waiting");
            Objects.requireNonNull(signatures, "signatures");
            Objects.requireNonNull(limiter, "limiter");
            Objects.requireNonNull(buckets, "buckets");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(version, "version");
        }
    }

    /** Registers {@code POST /mcp} (and the 405s of GET and DELETE) on the routing. The server keeps no threads. */
    public static void register(HttpRouting.Builder routing, Parts parts) {
        ToolCalls calls = new ToolCalls(new Guard(parts.limiter(), parts.buckets()), McpMetrics.global());
        HelidonMcpTransport transport = new HelidonMcpTransport(parts.signatures());
        Tools.server(transport, calls, parts); // binds itself to the transport as its handler
        routing.register(PATH, transport);
    }
}
