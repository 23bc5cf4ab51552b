package io.moldtank.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A local model endpoint answering in the chat-completions wire format with a passing verdict. */
public final class LocalJudge {

    private LocalJudge() {
    }

    /** Started on a free loopback port; stop it with {@code stop(0)}. */
    public static HttpServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            ex.getRequestBody().readAllBytes();
            String verdict = "{\\\"verdict\\\":\\\"pass\\\",\\\"reasons\\\":[\\\"meets the rubric\\\"],\\\"confidence\\\":0.9}";
            byte[] body = ("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"local\","
                    + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
                    + "\"content\":\"" + verdict + "\"}}]}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("content-type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        return server;
    }
}
