package io.moldtank.app.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.client.AgentKey;
import io.moldtank.client.Identity;
import io.moldtank.client.MoldTank;
import io.moldtank.client.Usdc;
import io.moldtank.client.cli.AgentCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18 §3: `moldtank agent …` against the running main job, as a script would drive it (--json, exit codes). */
@Timeout(120)
class AgentCliApiTest {

    record Run(int exit, String out, String err) {
        JSONObject json() {
            return new JSONObject(out.lines().reduce((a, b) -> b).orElseThrow());
        }
    }

    private static Run cli(Path home, String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("agent"));
        all.addAll(List.of(words));
        int exit = AgentCli.run(all, Map.of("MOLDTANK_HOME", home.toString()), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void an_agent_posts_and_another_solves_and_is_paid_from_the_command_line(@TempDir Path dir) throws Exception {
        try (MainJobWithJudge job = new MainJobWithJudge(dir.resolve("server"), Map.of())) {
            String server = job.uri().toString();
            Path poster = dir.resolve("poster");
            Path solver = dir.resolve("solver");

            Run keygen = cli(poster, "keygen", "--json");
            assertThat(keygen.exit()).as(keygen.err()).isZero();
            assertThat(Files.getPosixFilePermissions(poster.resolve("agent.json")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(cli(poster, "keygen").exit()).as("never replaces a key").isEqualTo(1);
            Run registered = cli(poster, "register", "--server", server, "--wallet", ClientSdkApiTest.wallet(), "--name",
                    "cli-poster", "--json");
            assertThat(registered.exit()).as(registered.err()).isZero();

            Path file = dir.resolve("bounty.yaml");
            Files.writeString(file, """
                    title: Haiku from the shell
                    description: Write a haiku about queues.
                    reward: "7.5"
                    deadline: 3d
                    tags: [poetry, cli]
                    acceptance:
                      kind: rubric
                      rubric: five, seven, five syllables
                    """);
            Run posted = cli(poster, "post", file.toString(), "--fund", "--json");
            assertThat(posted.exit()).as(posted.err()).isZero();
            String bounty = posted.json().getJSONObject("bounty").getString("id");
            assertThat(posted.json().getJSONObject("bounty").getString("status")).isEqualTo("OPEN");

            assertThat(cli(solver, "keygen").exit()).isZero();
            assertThat(cli(solver, "register", "--server", server, "--wallet", ClientSdkApiTest.wallet()).exit()).isZero();
            Run found = cli(solver, "bounties", "--search", "haiku shell", "--json");
            assertThat(found.exit()).as(found.err()).isZero();
            assertThat(found.json().getJSONArray("bounties").getJSONObject(0).getString("id")).isEqualTo(bounty);
            Run shown = cli(solver, "show", bounty);
            assertThat(shown.exit()).isZero();
            assertThat(shown.out()).contains("Haiku from the shell", "7.5 USDC", "rubric");

            Path solution = Files.createDirectories(dir.resolve("solution"));
            Files.writeString(solution.resolve("haiku.txt"), "queues hold their breath\nfirst in line is paid\nthe rest wait");
            Files.createDirectories(solution.resolve(".git"));
            Files.writeString(solution.resolve(".git/config"), "not sent");
            Run submitted = cli(solver, "submit", bounty, solution.toString(), "--wait", "--timeout", "60s", "--json");
            assertThat(submitted.exit()).as(submitted.err()).isZero();
            assertThat(submitted.json().getBoolean("paid")).isTrue();
            assertThat(submitted.json().getBoolean("receiptVerified")).isTrue();
            assertThat(submitted.err()).contains("receipt verified", "PASSED");

            Run watched = cli(solver, "watch", bounty, "--timeout", "20s", "--json");
            assertThat(watched.exit()).as(watched.err()).isZero();
            assertThat(watched.json().getString("type")).isEqualTo("Paid");

            Run again = cli(solver, "submit", bounty, solution.toString(), "--json");
            assertThat(again.exit()).as("refused by the server: %s", again.err()).isEqualTo(4);
        }
    }

    @Test
    void an_agent_funds_its_wallet_and_hires_a_listed_service(@TempDir Path dir) throws Exception {
        try (MainJobWithJudge job = new MainJobWithJudge(dir.resolve("server"), Map.of());
             MoldTank seller = MoldTank.builder(job.uri()).identity(new Identity(AgentKey.generate(), null, null))
                     .build()) {
            seller.register(new MoldTank.Registration(ClientSdkApiTest.wallet(), "seller", null, null));
            String listing = seller.market().sell("Code review", "I review Java", Usdc.parse("4"), List.of("java")).id();
            Path client = dir.resolve("client");
            assertThat(cli(client, "keygen").exit()).isZero();
            assertThat(cli(client, "register", "--server", job.uri().toString(), "--wallet", ClientSdkApiTest.wallet())
                    .exit()).isZero();
            Run deposited = cli(client, "wallet", "deposit", "20", "--json");
            assertThat(deposited.exit()).as(deposited.err()).isZero();
            assertThat(deposited.json().getString("available")).isEqualTo("20");
            Run listings = cli(client, "listings", "--tag", "java", "--json");
            assertThat(listings.json().getJSONArray("listings").getJSONObject(0).getString("id")).isEqualTo(listing);

            CompletableFuture<Void> accepting = CompletableFuture.runAsync(() -> {
                long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (System.nanoTime() < until) {
                    var page = seller.market().discover("java", null, 10, null); // keeps the seller's reads honest
                    assertThat(page.items()).isNotEmpty();
                    try {
                        Thread.sleep(300);
                        // the job the client proposed is the seller's only one: find it through the client's output
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (proposed != null) {
                        seller.market().move(proposed, "accept");
                        return;
                    }
                }
            });
            Run hired = cliHire(client, listing);
            accepting.join();
            assertThat(hired.exit()).as(hired.err()).isZero();
            assertThat(hired.json().getJSONObject("job").getString("status")).isEqualTo("FUNDED");
            assertThat(hired.err()).contains("AGREED");
            Run wallet = cli(client, "wallet", "--json");
            assertThat(wallet.exit()).as(wallet.err()).isZero();
            assertThat(wallet.json().getString("available")).isEqualTo("16");
        }
    }

    private static volatile String proposed;

    /** `hire --fund` prints the proposed job on stderr before waiting: the seller reads it there and accepts. */
    private static Run cliHire(Path home, String listing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.io.OutputStream capture = new java.io.OutputStream() {
            private final StringBuilder line = new StringBuilder();
            final ByteArrayOutputStream all = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                all.write(b);
                line.append((char) b);
                var m = java.util.regex.Pattern.compile("proposed job ([0-9a-f-]{36})").matcher(line);
                if (m.find()) {
                    proposed = m.group(1);
                }
            }

            @Override
            public String toString() {
                return all.toString(StandardCharsets.UTF_8);
            }
        };
        PrintStream err = new PrintStream(capture, true, StandardCharsets.UTF_8);
        int exit = AgentCli.run(List.of("agent", "hire", listing, "--fund", "--timeout", "30s", "--json"),
                Map.of("MOLDTANK_HOME", home.toString()), new PrintStream(out, true, StandardCharsets.UTF_8), err,
                Clock.systemUTC());
        return new Run(exit, out.toString(StandardCharsets.UTF_8), capture.toString());
    }

    @Test
    void bad_command_lines_and_bad_files_exit_with_their_codes_and_send_nothing(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        assertThat(cli(home, "frobnicate").exit()).isEqualTo(2);
        assertThat(cli(home, "bounties", "--limit", "0").exit()).isEqualTo(2);
        assertThat(cli(home, "show", "not-a-uuid").exit()).isEqualTo(2);
        assertThat(cli(home, "submit", "00000000-0000-0000-0000-000000000001", dir.toString()).exit())
                .as("no key yet").isEqualTo(6);
        assertThat(cli(home, "show", "00000000-0000-0000-0000-000000000001", "--server", "http://127.0.0.1:9")
                .exit()).as("nobody listens on port 9").isEqualTo(8);
        assertThat(cli(home, "keygen").exit()).isZero();
        Path floaty = dir.resolve("b.yaml");
        Files.writeString(floaty, "title: t\nreward: 12.5\ndeadline: 1d\nacceptance: {kind: rubric, rubric: r}\n");
        Run refused = cli(home, "post", floaty.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("reward as a string");
        Files.writeString(floaty, "a: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b]\n"
                + "d: &d [*c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d]\n");
        assertThat(cli(home, "post", floaty.toString()).exit()).as("an alias bomb").isEqualTo(2);
        Files.writeString(floaty, "title: t\ntitle: u\n");
        assertThat(cli(home, "post", floaty.toString()).exit()).as("a duplicate key").isEqualTo(2);
        Files.writeString(floaty, "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]\n");
        assertThat(cli(home, "post", floaty.toString()).exit()).as("no arbitrary types").isEqualTo(2);
        try (MainJobWithJudge job = new MainJobWithJudge(dir.resolve("server"), Map.of())) {
            assertThat(cli(home, "show", "00000000-0000-0000-0000-000000000001", "--server", job.uri().toString())
                    .exit()).isEqualTo(3);
        }
    }
}
