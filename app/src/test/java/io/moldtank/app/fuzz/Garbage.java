package io.moldtank.app.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** What a careless or hostile client sends besides well-formed JSON: broken bodies, headers, paths, bytes. */
final class Garbage {
    static final String[] IDS = {"", "x", "%00", "%zz", "%", "..", "%2e%2e", "%2F", "00000000-0000-0000-0000-000000000000",
            "{OPEN}", "0000000-0000-0000-0000-0000000000000", "é", "%C3%A9", "1;drop", "a b", "{uuid}x",
            "ffffffff-ffff-ffff-ffff-ffffffffffffff", "x".repeat(3000)};
    static final String[] QUERIES = {"%zz", "a=%zz", "limit=%", "limit=99999999999999999999", "limit=-1", "limit=0",
            "limit=1e2", "after=%00", "after=", "&&==&", "status=%FF", "status=open&status=PAID", "sort=%E2%82",
            "minReward=1e400", "maxPrice=-0", "tag=%C0%AF", "after=" + "9".repeat(40), "=", "a", "limit= 5",
            "after=eyJ4IjoxfQ", "after=%7B%7D", "maxReward=0.0000001", "x=" + "y".repeat(5000)};
    private static final String[] CONTENT_TYPES = {"", " ", "application/json; charset=utf-8", "application/json;charset=UTF-16",
            "text/plain", "application/problem+json", "application/json, text/plain", "application/", "/", ";",
            "application/json; charset=\"", "APPLICATION/JSON", "a/b/c", "application/json; q=x=y", "*/*",
            "application/json; charset=nope", "multipart/form-data; boundary=", "caf\u00e9/json"};
    private static final String[][] HEADERS = {
            {"Authorization", ""}, {"Authorization", "AgentSig"}, {"Authorization", "AgentSig x:y"},
            {"Authorization", "Bearer "}, {"Authorization", "Bearer"}, {"Authorization", "AgentSig register:"},
            {"Authorization", "Basic Zm9vOmJhcg=="}, {"Authorization", "AgentSig {agent0}:AAAA"},
            {"X-Timestamp", ""}, {"X-Timestamp", "-1"}, {"X-Timestamp", "99999999999999999999"}, {"X-Timestamp", "1e9"},
            {"X-Timestamp", " 1"}, {"X-Timestamp", "0"}, {"X-Nonce", ""}, {"X-Nonce", "short"},
            {"X-Nonce", "n".repeat(200)}, {"X-Nonce", "\u00fcn\u00efcode-nonce-123456"}, {"Idempotency-Key", ""},
            {"Idempotency-Key", "short"}, {"Idempotency-Key", "k".repeat(300)}, {"Idempotency-Key", "fuzz-key-{uuid}"},
            {"Origin", ""}, {"Origin", "null"}, {"Origin", "https://evil.example"}, {"Host", ""}, {"Host", "[::1"},
            {"Accept", ""}, {"Accept", "text/html"}, {"Accept", "application/problem+json;q=x"}, {"Expect", "100-continue"},
            {"Last-Event-ID", "-1"}, {"Last-Event-ID", "x"}, {"Content-Encoding", "gzip"}, {"X-Forwarded-For", "1.2.3.4"},
            {"Connection", "keep-alive, close"}, {"Transfer-Encoding", "identity"}, {"X-Caf\u00e9", "\u00e9"}};
    private static final String[] RAW = {
            "GET /api/v1/fees HTTP/9.9\r\n\r\n", "GET  HTTP/1.1\r\n\r\n", "GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
            "POST /api/v1/agents HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
            "POST /api/v1/agents HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
            "POST /api/v1/agents HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
            "POST /api/v1/agents HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
            "POST /api/v1/agents HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n4\r\nnull\r\n0\r\n\r\n",
            "GET /api/v1/fees HTTP/1.1\r\nHost x\r\n\r\n", "GET /api/v1/fees HTTP/1.1\r\nBad Name: x\r\n\r\n",
            "GET /api/v1/fees HTTP/1.0\r\n\r\n", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "get /api/v1/fees HTTP/1.1\r\nHost: x\r\n\r\n",
            "BREW /api/v1/fees HTTP/1.1\r\nHost: x\r\n\r\n", "GET http://x/api/v1/fees HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /api/v1/fees?%zz=1 HTTP/1.1\r\nHost: x\r\n\r\n", "GET /api/v1/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /api/v1/fees#frag HTTP/1.1\r\nHost: x\r\n\r\n", "GET /api/v1/f\u0000es HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /api/v1/bounties?limit=1 HTTP/1.1\r\nHost: x\r\n" + "X-A: b\r\n".repeat(200) + "\r\n",
            "GET /api/v1/fees HTTP/1.1\r\nHost: x\r\nX-Long: " + "v".repeat(20_000) + "\r\n\r\n",
            "DELETE /api/v1/bounties/{open} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nabcde",
            "OPTIONS /api/v1/bounties HTTP/1.1\r\nHost: x\r\nOrigin: https://evil.example\r\n\r\n",
            "HEAD /api/v1/fees HTTP/1.1\r\nHost: x\r\n\r\n", "GET /api/v1/bounties/{open}/stream HTTP/1.1\r\nHost: x\r\n"
            + "Upgrade: websocket\r\nConnection: Upgrade\r\n\r\n"};

    private final Random rnd;

    Garbage(Random rnd) {
        this.rnd = rnd;
    }

    /** A JSON body broken as text or bytes: what no tree can hold, or no JSON at all. */
    byte[] body(String json) {
        String text = json.replace("\"" + Bodies.LONE_SURROGATE + "\"", "\"a\\ud800b\"")
                .replace("\"" + Bodies.DEEP + "\"", "[".repeat(2000) + "]".repeat(2000));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return switch (rnd.nextInt(14)) {
            case 0 -> "null".getBytes(StandardCharsets.US_ASCII);
            case 1 -> pickText("[]", "\"x\"", "1", "true", "{}", " ", "[null]", "-0", "1e99999999", "NaN", "{'a':1}",
                    "{\"a\":1}/* */", "\"\\ud800\"", "{\"\\u0000\":1}");
            case 2 -> duplicateKey(text);
            case 3 -> java.util.Arrays.copyOf(bytes, bytes.length == 0 ? 0 : rnd.nextInt(bytes.length));
            case 4 -> splice(bytes, rnd.nextInt(bytes.length + 1), new byte[] {(byte) 0xC3, 0x28});
            case 5 -> splice(bytes, rnd.nextInt(bytes.length + 1), new byte[] {(byte) 0xFF, (byte) 0xFE, 0});
            case 6 -> splice(bytes, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            case 7 -> text.getBytes(StandardCharsets.UTF_16);
            case 8 -> (text + " trailing").getBytes(StandardCharsets.UTF_8);
            case 9 -> ("{\"a\":" + "{\"a\":".repeat(1500) + "1" + "}".repeat(1501)).getBytes(StandardCharsets.UTF_8);
            case 10 -> pickText("{\"x\":\"\\ud800\"}", "{\"x\":\"\\udc00\\ud800\"}", "{\"x\":\"\\u0000\"}");
            case 11 -> pickText("{\"n\":" + "9".repeat(5000) + "}", "{\"n\":1e400}", "{\"n\":-1e-400}");
            default -> bytes;
        };
    }

    private byte[] pickText(String... options) {
        return options[rnd.nextInt(options.length)].getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] duplicateKey(String json) {
        int colon = json.indexOf("\":");
        int start = colon < 0 ? -1 : json.lastIndexOf('"', colon - 1);
        if (start < 0 || !json.startsWith("{")) {
            return "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
        }
        String key = json.substring(start, colon + 1);
        return ("{" + key + ":null," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] splice(byte[] into, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(into, 0, at);
        out.writeBytes(what);
        out.write(into, at, into.length - at);
        return out.toByteArray();
    }

    /** Zero to three header changes made after signing. */
    List<FuzzRequest.Edit> edits() {
        List<FuzzRequest.Edit> edits = new ArrayList<>();
        for (int i = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(3) : 0; i > 0; i--) {
            switch (rnd.nextInt(5)) {
                case 0 -> edits.add(new FuzzRequest.Edit("set", "Content-Type", CONTENT_TYPES[rnd.nextInt(CONTENT_TYPES.length)]));
                case 1 -> edits.add(new FuzzRequest.Edit("add", pickName(), "application/json"));
                case 2 -> edits.add(new FuzzRequest.Edit("remove", pickName(), ""));
                default -> {
                    String[] h = HEADERS[rnd.nextInt(HEADERS.length)];
                    edits.add(new FuzzRequest.Edit(rnd.nextBoolean() ? "set" : "add", h[0], h[1]));
                }
            }
        }
        return edits;
    }

    private String pickName() {
        String[] names = {"Content-Type", "Authorization", "X-Timestamp", "X-Nonce", "Idempotency-Key", "Host", "Origin"};
        return names[rnd.nextInt(names.length)];
    }

    /** A whole request as bytes: a known-bad template, random bytes, or a template with bytes flipped. */
    byte[] raw() {
        byte[] template = RAW[rnd.nextInt(RAW.length)].getBytes(StandardCharsets.ISO_8859_1);
        return switch (rnd.nextInt(4)) {
            case 0 -> {
                byte[] b = new byte[1 + rnd.nextInt(512)];
                rnd.nextBytes(b);
                yield b;
            }
            case 1 -> {
                byte[] b = template.clone();
                for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
                yield b;
            }
            default -> template;
        };
    }

    String id() {
        return IDS[rnd.nextInt(IDS.length)];
    }

    String query() {
        return QUERIES[rnd.nextInt(QUERIES.length)];
    }
}
