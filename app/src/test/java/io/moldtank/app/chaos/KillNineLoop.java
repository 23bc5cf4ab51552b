package io.moldtank.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Issue 22's loop: post and fund a bounty, submit the honest solution, and {@code kill -9} a node at a
 * random moment 0–2.5 s into the round — across post, fund, submit, validate, award and payout — then check
 * what is stored, restart it, and go on. The node is the main job alone on an H2 file, or (issue 17) one of
 * an api, a workers and a scheduler node sharing PostgreSQL and Redis, drawn at random. Every write answered
 * 2xx must be stored; no bounty may be released twice or to anyone but the winner; chain and books must
 * agree or the difference be reported. At the end every submitted bounty must be paid exactly once.
 */
final class KillNineLoop {
    static final String TOKEN = "kill-nine-operator-token-0123456789abcdef";
    private static final Set<String> FUNDED = Set.of("OPEN", "AWARDED", "PAID");
    private static final String TESTS = "from solution import add\\n\\ndef test_adds():\\n    assert add(2, 3) == 5\\n";
    private static final String SOLUTION = "def add(a, b):\\n    return a + b\\n";

    /** What the loop saw: the counts go in the README's reliability section. */
    /**
     * {@code deadLettered}: submissions whose validation was killed more than max-attempts times; the
     * queue counts a claim a crash interrupted (a poison submission that kills its worker must not loop
     * forever), so they wait for a person on the operator API instead of being paid.
     */
    record Figures(int rounds, int kills, int acknowledged, List<String> lost, List<String> paidTwice,
                   List<String> differences, int repaired, int paid, int deadLettered, Map<String, Integer> killed) {
    }

    /** One bounty's progress as the agents were told it (2xx answers only). */
    private static final class Flow {
        String id;
        String depositTx;
        boolean funded;
        boolean opened;
        String submission;
        long sequence;
    }

    private final ChaosNodes nodes;
    private final Random random;
    private final Map<String, Integer> killed = new java.util.TreeMap<>();
    private final Map<String, Flow> flows = new LinkedHashMap<>();
    private final List<String> lost = new ArrayList<>();
    private final List<String> paidTwice = new ArrayList<>();
    private final List<String> differences = new ArrayList<>();
    private final ChaosAgent poster;
    private final ChaosAgent solver;
    private int acknowledged;
    private int repaired;

    /** The main job alone on an H2 file in {@code dir}. */
    KillNineLoop(Path dir, long seed) throws Exception {
        this(ChaosNodes.single(dir, Map.of("moldtank.operator.token", TOKEN, "moldtank.workers.payout-interval", "PT0.2S")),
                seed);
    }

    KillNineLoop(ChaosNodes nodes, long seed) throws Exception {
        this.nodes = nodes;
        this.random = new Random(seed);
        this.poster = new ChaosAgent("0x00000000000000000000000000000000000c9001");
        this.solver = new ChaosAgent("0x00000000000000000000000000000000000c9002");
    }

    Figures run(int rounds) throws Exception {
        restart();
        require(poster.register("poster"), 201, "register the poster");
        require(solver.register("solver"), 201, "register the solver");
        int kills = 0;
        for (int round = 1; round <= rounds; round++) {
            long killAt = random.nextInt(2500);
            String doomed = nodes.pick(random);
            killed.merge(doomed, 1, Integer::sum);
            Thread killer = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(killAt);
                    nodes.kill(doomed);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            drive(new Flow());
            for (Flow f : List.copyOf(flows.values())) {
                drive(f);
            }
            killer.join();
            kills++;
            checkDisk();
            restart();
        }
        settle();
        nodes.killAll();
        Books books = nodes.books();
        checkDisk(books);
        int paid = 0;
        int deadLettered = 0;
        for (Flow f : flows.values()) {
            if (f.submission == null) {
                continue;
            }
            String status = books.submissionStatus.getOrDefault(f.submission, "missing");
            switch (status) {
                case "PASSED" -> {
                    if (books.releasesOf(f.id) != 1 || !books.paid.containsKey(f.id)) {
                        lost.add("bounty " + f.id + " passed but was not paid exactly once: " + books.releasesOf(f.id)
                                + " release(s)");
                    } else {
                        paid++;
                    }
                }
                case "DEAD_LETTERED" -> deadLettered++;
                default -> lost.add("submission " + f.submission + " of bounty " + f.id + " is " + status
                        + " after the system settled (the honest solution must pass)");
            }
        }
        return new Figures(rounds, kills, acknowledged, List.copyOf(lost), List.copyOf(paidTwice),
                List.copyOf(differences), repaired, paid, deadLettered, Map.copyOf(killed));
    }

    /** The next step of a bounty's flow; stops at the first answer that did not come (the job is dying). */
    private void drive(Flow f) throws Exception {
        if (f.id == null) {
            var r = poster.post("/api/v1/bounties", """
                    {"title":"Add two numbers","description":"Make test_add.py pass.","reward":"3","deadline":"%s",
                     "acceptance":{"kind":"tests","files":{"test_add.py":"%s"},"command":"python3 -m pytest -q"}}"""
                    .formatted(Instant.now().plus(Duration.ofDays(2)), TESTS));
            if (!ok(r, 201)) {
                return;
            }
            f.id = r.get().body().path("id").asText();
            flows.put(f.id, f);
        }
        if (!f.funded && !f.opened) {
            var r = poster.post("/api/v1/bounties/" + f.id + "/deposit/simulate", "");
            if (r.isPresent() && r.get().status() == 409 && status(f).filter(FUNDED::contains).isPresent()) {
                f.opened = true; // reconciliation opened it from the deposit on chain
            } else if (!ok(r, 200)) {
                return;
            } else {
                f.depositTx = r.get().body().path("txHash").asText();
                f.funded = true;
            }
        }
        if (!f.opened) {
            if (f.depositTx == null || !ok(poster.post("/api/v1/bounties/" + f.id + "/deposit/confirm",
                    "{\"txHash\":\"" + f.depositTx + "\"}"), 200)) {
                return;
            }
            f.opened = true;
        }
        if (f.submission == null) {
            var r = solver.post("/api/v1/bounties/" + f.id + "/submissions",
                    "{\"files\":{\"solution.py\":\"" + SOLUTION + "\"}}");
            if (r.isPresent() && r.get().status() == 409) {
                // a duplicate: the earlier submission was stored though its answer was lost
                var list = solver.get("/api/v1/bounties/" + f.id + "/submissions");
                if (list.isPresent() && list.get().status() == 200 && list.get().body().path("items").size() > 0) {
                    JsonNode s = list.get().body().path("items").get(0);
                    f.submission = s.path("id").asText();
                    f.sequence = s.path("sequence").asLong();
                }
                return;
            }
            if (!ok(r, 201)) {
                return;
            }
            f.submission = r.get().body().path("id").asText();
            f.sequence = r.get().body().path("sequence").asLong();
        }
    }

    private boolean ok(Optional<ChaosAgent.Reply> r, int status) {
        if (r.isEmpty()) {
            return false;
        }
        if (r.get().status() != status) {
            return false;
        }
        acknowledged++;
        return true;
    }

    private Optional<String> status(Flow f) {
        return poster.get("/api/v1/bounties/" + f.id).filter(r -> r.status() == 200)
                .map(r -> r.body().path("status").asText());
    }

    private void checkDisk() throws Exception {
        checkDisk(nodes.books());
    }

    /** Every acknowledged write is on disk; no bounty was released twice or to another wallet. */
    private void checkDisk(Books books) {
        for (Flow f : flows.values()) {
            Books.Bounty b = books.bounties.get(f.id);
            if (b == null) {
                lost.add("bounty " + f.id + " (created, answered 201) is not stored");
                continue;
            }
            if (f.opened && !FUNDED.contains(b.status())) {
                lost.add("bounty " + f.id + " answered OPEN is " + b.status() + " in storage");
            }
            if (f.submission != null && !Long.valueOf(f.sequence).equals(books.submissions.get(f.submission))) {
                lost.add("submission " + f.submission + " (answered 201, sequence " + f.sequence + ") is not stored");
            }
            if (books.releasesOf(f.id) > 1) {
                paidTwice.add(f.id);
            }
        }
        for (Books.Release r : books.releases) {
            if (!r.to().equalsIgnoreCase(solver.wallet)) {
                paidTwice.add("release " + r.hash() + " went to " + r.to() + ", not the winner");
            }
        }
    }

    /**
     * Starts what the kill left dead; a single node is then waited for until its reconciliation at start,
     * which repairs what the kill left, has run (on several nodes the scheduler's runs do that by themselves).
     */
    private void restart() throws Exception {
        int port = nodes.startMissing();
        poster.at(port);
        solver.at(port);
        if (!nodes.single()) {
            return;
        }
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            var r = poster.operator("GET", "/api/v1/admin/reconciliation", TOKEN);
            if (r.isPresent() && r.get().status() == 200 && !r.get().body().path("lastRun").isNull()) {
                JsonNode run = r.get().body().path("lastRun");
                repaired += run.path("repaired").size();
                run.path("differences").forEach(d -> differences.add(d.toString()));
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no reconciliation run within 30 s of a start");
    }

    /** Drives every flow to a submission, then waits until every submitted bounty is paid. */
    private void settle() throws Exception {
        for (int pass = 0; pass < 5; pass++) {
            for (Flow f : List.copyOf(flows.values())) {
                drive(f);
            }
        }
        long until = System.nanoTime() + Duration.ofSeconds(nodes.single() ? 120 : 180).toNanos();
        while (System.nanoTime() < until) {
            Set<String> settled = settledBounties();
            if (flows.values().stream().filter(f -> f.submission != null).allMatch(f -> settled.contains(f.id))) {
                break;
            }
            Thread.sleep(3000);
        }
        var run = poster.operator("POST", "/api/v1/admin/reconciliation/runs", TOKEN);
        for (int i = 0; i < 10 && run.isPresent() && run.get().status() == 429; i++) {
            Thread.sleep(6000); // the write bucket refills 10 a minute
            run = poster.operator("POST", "/api/v1/admin/reconciliation/runs", TOKEN);
        }
        if (run.isEmpty() || run.get().status() != 200) {
            throw new IllegalStateException("the final reconciliation run failed: " + run);
        }
        run.get().body().path("differences").forEach(d -> differences.add(d.toString()));
    }

    /**
     * Bounties paid, and those whose submission waits for a person: one list call per 100 bounties and
     * one operator call, so polling stays inside the read buckets (a GET per bounty would not).
     */
    private Set<String> settledBounties() {
        Set<String> settled = new java.util.HashSet<>();
        String after = null;
        do {
            var page = poster.get("/api/v1/bounties?status=PAID&limit=100" + (after == null ? "" : "&after=" + after));
            if (page.isEmpty() || page.get().status() != 200) {
                return settled;
            }
            page.get().body().path("items").forEach(b -> settled.add(b.path("id").asText()));
            JsonNode next = page.get().body().path("next");
            after = next.isNull() || next.isMissingNode() ? null : next.asText();
        } while (after != null);
        var dead = poster.operator("GET", "/api/v1/admin/submissions/dead-lettered?limit=500", TOKEN);
        dead.filter(r -> r.status() == 200).ifPresent(r -> r.body().path("items")
                .forEach(s -> settled.add(s.path("bountyId").asText())));
        return settled;
    }

    private static void require(Optional<ChaosAgent.Reply> r, int status, String what) {
        if (r.isEmpty() || r.get().status() != status) {
            throw new IllegalStateException(what + ": " + r);
        }
    }
}
