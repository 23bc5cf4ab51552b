package io.moldtank.app.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One fuzzing session: the main job, its fixtures, the API's own description and the oracle. Inputs run
 * one at a time, each between two storage snapshots, so a change is the request's own.
 */
final class Campaign implements AutoCloseable {
    /** One input that broke a property. */
    record Failure(FuzzRequest request, int status, List<String> violations) {
    }

    private final FuzzServer server;
    private final World world;
    private final StorageTotals totals;
    private final Requests requests;
    private final Oracle oracle;
    private Map<String, Long> last;
    private long inputs;
    private long serverErrors;
    private long changedOnRefusal;
    /** Answers by class: "2xx", "4xx", "101", "none" (raw bytes the server dropped), "5xx". */
    private final java.util.Map<String, Long> answers = new java.util.TreeMap<>();
    private final List<Failure> failures = new ArrayList<>();

    Campaign() {
        server = FuzzServer.start();
        try {
            world = new World(server).seed();
            ApiSpec spec = new ApiSpec(world.send(FuzzRequest.http("GET", "/api/v1/openapi.json", null, "", "none", null),
                    10_000).body());
            requests = new Requests(spec);
            oracle = new Oracle(spec.problemCodes());
            totals = new StorageTotals(server.db());
            last = totals.snapshot();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    Requests requests() {
        return requests;
    }

    /** Sends one input and checks it; returns what it broke (empty: nothing). */
    List<String> run(FuzzRequest r) {
        Map<String, Long> before = last;
        RawHttp.Reply reply = world.send(r, Oracle.TIME_LIMIT_MILLIS + 1_000);
        last = totals.snapshot();
        List<String> wrong = oracle.violations(r, reply, before, last);
        inputs++;
        int s = reply.status();
        answers.merge(s == 101 ? "101" : s <= 0 ? "none" : s / 100 + "xx", 1L, Long::sum);
        if (reply.status() >= 500) {
            serverErrors++;
        }
        if (wrong.stream().anyMatch(w -> w.contains("storage changed"))) {
            changedOnRefusal++;
        }
        if (!wrong.isEmpty()) {
            failures.add(new Failure(r, reply.status(), wrong));
        }
        return wrong;
    }

    long inputs() {
        return inputs;
    }

    java.util.Map<String, Long> answers() {
        return java.util.Map.copyOf(answers);
    }

    long serverErrors() {
        return serverErrors;
    }

    long changedOnRefusal() {
        return changedOnRefusal;
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        server.close();
    }
}
