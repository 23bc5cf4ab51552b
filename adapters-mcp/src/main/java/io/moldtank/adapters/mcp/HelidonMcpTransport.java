package io.moldtank.adapters.mcp;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * MCP's streamable HTTP transport on Helidon SE (the SDK has servlet and WebFlux ones only), in its stateless
 * form: each POST carries one JSON-RPC message and gets its answer as one JSON body; there is no server-sent
 * stream (GET is 405) and no {@code Mcp-Session-Id}, so a leaked or planted session id opens nothing.
 * Handlers run on Helidon's virtual threads, so blocking on the SDK's Mono costs a parked virtual thread.
 */
final class HelidonMcpTransport implements McpStatelessServerTransport, HttpService {
    /** The same bound as the REST API's bodies. */
    static final int MAX_BODY = 1024 * 1024;
    static final String CONTEXT_CALLER = "moldtank.caller";

    private final McpAdapters.Signatures signatures;
    private final McpJsonMapper json = io.modelcontextprotocol.json.McpJsonDefaults.getMapper();
    private volatile McpStatelessServerHandler handler;
    private volatile boolean closing;

    HelidonMcpTransport(McpAdapters.Signatures signatures) {
        this.signatures = signatures;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::post)
                .get("/", (req, res) -> refuse(res, Status.METHOD_NOT_ALLOWED_405, "method-not-allowed",
                        "this MCP server is stateless: it has no server-sent stream; POST each message"))
                .delete("/", (req, res) -> refuse(res, Status.METHOD_NOT_ALLOWED_405, "method-not-allowed",
                        "this MCP server keeps no sessions to end"));
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
        this.handler = handler;
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> closing = true);
    }

    @Override
    public List<String> protocolVersions() {
        return List.of(ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);
    }

    private void post(ServerRequest req, ServerResponse res) {
        if (closing) {
            refuse(res, Status.SERVICE_UNAVAILABLE_503, "unavailable", "the server is shutting down");
            return;
        }
        // No browser has business here: refusing every Origin closes DNS-rebinding and cross-site posts at once.
        if (req.headers().contains(HeaderNames.ORIGIN)) {
            refuse(res, Status.FORBIDDEN_403, "origin-not-allowed", "MCP over HTTP is not for browsers");
            return;
        }
        if (req.headers().contentLength().orElse(0) > MAX_BODY) {
            refuse(res, Status.REQUEST_ENTITY_TOO_LARGE_413, "body-too-large", "at most " + MAX_BODY + " bytes");
            return;
        }
        String type = req.headers().contentType().map(t -> t.mediaType().text()).orElse("");
        if (!type.equals("application/json")) {
            refuse(res, Status.UNSUPPORTED_MEDIA_TYPE_415, "unsupported-media-type", "send application/json");
            return;
        }
        String version = req.headers().first(HeaderNames.create("MCP-Protocol-Version")).orElse(null);
        if (version != null && !protocolVersions().contains(version)) {
            refuse(res, Status.BAD_REQUEST_400, "invalid-input", "MCP-Protocol-Version " + version
                    + " is not one of " + protocolVersions());
            return;
        }
        byte[] body = body(req);
        if (body == null) {
            refuse(res, Status.REQUEST_ENTITY_TOO_LARGE_413, "body-too-large", "at most " + MAX_BODY + " bytes");
            return;
        }
        Caller caller = caller(req, res, body);
        if (caller == null) {
            return; // refused above
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, new String(body, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            rpcError(res, Status.BAD_REQUEST_400, McpSchema.ErrorCodes.PARSE_ERROR, "not one JSON-RPC 2.0 message");
            return;
        }
        McpTransportContext context = McpTransportContext.create(Map.of(CONTEXT_CALLER, caller));
        switch (message) {
            case McpSchema.JSONRPCRequest request -> {
                McpSchema.JSONRPCResponse answer = handler.handleRequest(context, request)
                        .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context)).block();
                send(res, Status.OK_200, answer);
            }
            case McpSchema.JSONRPCNotification notification -> {
                handler.handleNotification(context, notification)
                        .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context)).block();
                res.status(Status.ACCEPTED_202).send();
            }
            default -> rpcError(res, Status.BAD_REQUEST_400, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "send requests or notifications");
        }
    }

    /** The signer, anonymous when unsigned, or null once a refused signature has been answered 401/403. */
    private Caller caller(ServerRequest req, ServerResponse res, byte[] body) {
        String ip = req.remotePeer().address() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "?";
        if (!req.headers().contains(HeaderNames.AUTHORIZATION)) {
            return Caller.anonymous(ip);
        }
        // A request that signs and fails is refused whole, reads too: a replayed or forged request gets nothing.
        return switch (signatures.check(req, body)) {
            case McpAdapters.Signed.By by -> Caller.signed(ip, by.agent());
            case McpAdapters.Signed.Refused r -> {
                refuse(res, Status.create(r.status()), r.code(), r.detail());
                yield null;
            }
        };
    }

    private static byte[] body(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            return bytes.length > MAX_BODY ? null : bytes;
        } catch (IOException | RuntimeException e) {
            return new byte[0]; // broken framing: parsed as no message, answered as a parse error
        }
    }

    private void send(ServerResponse res, Status status, Object body) {
        try {
            res.status(status);
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
            res.send(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void rpcError(ServerResponse res, Status status, int code, String message) {
        // by hand: the SDK's response type refuses the null id JSON-RPC prescribes for an unreadable request
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        error.put("id", null);
        error.put("error", Map.of("code", code, "message", message));
        send(res, status, error);
    }

    /** Refusals before any MCP message is read are problem+json, like every refusal of the REST API. */
    static void refuse(ServerResponse res, Status status, String code, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://moldtank.dev/problems/" + code);
        problem.put("title", status.reasonPhrase());
        problem.put("status", status.code());
        problem.put("detail", detail);
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/problem+json");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(Results.write(problem));
    }
}
