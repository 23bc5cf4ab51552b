package io.moldtank.adapters.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.AgentProfile;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountyTerms;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.in.agent.RegisterAgentCommand;
import io.moldtank.ports.in.bounty.ConfirmDepositCommand;
import io.moldtank.ports.in.bounty.PostBountyCommand;
import io.moldtank.ports.in.bounty.RequestDepositCommand;
import io.moldtank.ports.out.guard.RateLimiter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The HTTP benchmark's servers (run by bench/http/run.sh, not a test): "ours" is the whole API over
 * the in-memory core with 225 open bounties; "bare" is a plain Helidon handler answering the same
 * bytes ours answers, so the ratio shows what the API layer costs. Commands on stdin:
 * {@code sign <count> <file>} writes that many freshly signed, distinct submission requests for wrk.
 */
public final class HttpBench {
    private HttpBench() {
    }

    public static void main(String[] args) throws Exception {
        // Buckets this large never refuse: the limiter still runs (its cost is measured), without 429s.
        RateLimiter.BucketSpec unlimited = new RateLimiter.BucketSpec(1_000_000_000L, 1_000_000_000L);
        TestSystem system = new TestSystem(new HttpAdapters.Buckets(unlimited, unlimited, unlimited));
        WebServer ours = WebServer.builder().host("127.0.0.1").port(0).routing(system::routing).build().start();
        SigningAgent solver = new SigningAgent(2);
        AgentId poster = system.core.agents().register(new RegisterAgentCommand(new WalletAddress(String.format("0x%040x", 1)),
                new AgentProfile("bench-poster", "", null, null))).orThrow().id();
        solver.id = system.core.agents().register(new RegisterAgentCommand(new WalletAddress(solver.wallet),
                new AgentProfile("bench-solver", "", solver.publicKeyHex(), null))).orThrow().id().toString();
        // 25 bounties tagged "listed" for the GET page; 200 more receive the POSTs round-robin, so no one
        // bounty's submission list grows long enough to dominate what is measured.
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 225; i++) {
            BountyTerms terms = new BountyTerms("Bench bounty " + i, "Solve it.", Usdc.ofWhole(10 + i),
                    Instant.now().plus(Duration.ofDays(3)), Set.of(i < 25 ? "listed" : "target"),
                    new Acceptance.Rubric("correct"), null);
            BountyId id = system.core.posting().post(new PostBountyCommand(poster, terms)).orThrow().id();
            system.core.funding().requestDeposit(new RequestDepositCommand(poster, id)).orThrow();
            String tx = system.payDeposit(id, new WalletAddress(String.format("0x%040x", 1)), Usdc.ofWhole(10 + i));
            system.core.funding().confirmDeposit(new ConfirmDepositCommand(id, tx)).orThrow();
            if (i >= 25) {
                targets.add("/api/v1/bounties/" + id + "/submissions");
            }
        }
        String submissions = targets.get(0);
        HttpClient http = HttpClient.newHttpClient();
        URI base = URI.create("http://127.0.0.1:" + ours.port());
        byte[] page = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/bounties?tag=listed&limit=20")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        // One real submission's answer, for the bare server to repeat.
        Path one = Files.createTempFile("moldtank-bench", ".tsv");
        sign(solver, List.of(submissions), 1, one, "warmup");
        String[] f = Files.readAllLines(one).get(0).split("\t", 5);
        byte[] submitted = http.send(HttpRequest.newBuilder(base.resolve(f[0])).header("Content-Type", "application/json")
                .header("Authorization", f[1]).header("X-Timestamp", f[2]).header("X-Nonce", f[3])
                .POST(HttpRequest.BodyPublishers.ofString(f[4])).build(), HttpResponse.BodyHandlers.ofByteArray()).body();

        WebServer bare = WebServer.builder().host("127.0.0.1").port(0).routing(r -> r
                .get("/api/v1/bounties", (req, res) -> {
                    res.header(HeaderNames.CONTENT_TYPE, "application/json");
                    res.send(page);
                })
                .post("/api/v1/bounties/{id}/submissions", (req, res) -> {
                    req.content().consume();
                    res.status(Status.CREATED_201).header(HeaderNames.CONTENT_TYPE, "application/json");
                    res.send(submitted);
                })).build().start();

        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        out.printf("{\"ours\":%d,\"bare\":%d,\"path\":\"%s\",\"pageBytes\":%d}%n", ours.port(), bare.port(), submissions,
                page.length);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int batch = 0;
        for (String line; (line = in.readLine()) != null; ) {
            String[] cmd = line.trim().split(" ");
            if (cmd[0].equals("sign")) {
                sign(solver, targets, Integer.parseInt(cmd[1]), Path.of(cmd[2]), "b" + (++batch));
                out.println("ok");
            }
        }
        ours.stop();
        bare.stop();
    }

    /** Lines of path, Authorization, X-Timestamp, X-Nonce, body (tab-separated), each request distinct. */
    private static void sign(SigningAgent a, List<String> paths, int count, Path file, String tag) throws Exception {
        // Stamped 25 s ahead: valid from now - 5 s to now + 55 s, long enough to sign (JDK Ed25519 signs
        // a few thousand per second) and then run wrk.
        long ts = System.currentTimeMillis() / 1000 + 25;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String path = paths.get(i % paths.size());
            String body = "{\"files\":{\"solution.txt\":\"fail " + tag + " " + i + "\"}}";
            String nonce = SigningAgent.nonce();
            String sig = a.signature("POST", path, null, ts, nonce, body.getBytes(StandardCharsets.UTF_8));
            sb.append(path).append('\t').append("AgentSig ").append(a.id).append(':').append(sig).append('\t')
                    .append(ts).append('\t').append(nonce).append('\t').append(body).append('\n');
        }
        Files.writeString(file, sb);
    }
}
