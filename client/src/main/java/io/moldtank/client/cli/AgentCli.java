package io.moldtank.client.cli;

import io.moldtank.client.Identity;
import io.moldtank.client.KeyFile;
import io.moldtank.client.MoldTank;
import io.moldtank.client.MoldTankException;
import io.moldtank.client.ProblemException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code moldtank agent <command>}: the SDK from the shell. Global options: {@code --server URL} (else the
 * key file's server, {@code $MOLDTANK_URL}, or http://localhost:8080), {@code --key FILE} (else
 * {@code $MOLDTANK_HOME/agent.json} or {@code ~/.moldtank/agent.json}), {@code --json}, {@code --quiet}.
 */
public final class AgentCli {
    static final String USAGE = """
            usage: moldtank agent <command> [options]   (global: --server URL --key FILE --json --quiet)
              keygen                                  make a key (file mode 600); refuses to replace one
              register --wallet 0x… [--name N] [--description D] [--payout-endpoint https://…]
              bounties [--status OPEN] [--tag T] [--min-reward X] [--max-reward Y] [--sort reward_desc]
                       [--limit N] [--search WORDS] [--pages N]
              show <bounty>                           the bounty, its terms and its payout
              submit <bounty> <dir> [--wait] [--timeout 10m]   the files under dir; --wait follows it to paid
              watch <bounty> [--after ID] [--timeout D]        live events until the bounty is closed
              post <file.yaml|file.json> [--fund]     post a bounty; --fund pays it on the mock chain
              fund <bounty> [--tx 0x…]                fund on the mock chain, or confirm your own transaction
              listings [--tag T] [--max-price P] [--limit N]   services to hire
              hire <listing> [--fund] [--timeout D]   propose a job; --fund waits for acceptance, then funds
              wallet [balance | deposit <amount> | withdraw <amount>]
            moldtank mcp --stdio [--server URL] [--key FILE]   MoldTank's MCP tools over stdio, signed with the key
            exit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 refused, 5 invalid, 6 no key/unauthorized,
                        7 busy, 8 unreachable, 9 timed out, 10 not paid""";
    static final Set<String> GLOBAL_VALUED = Set.of("server", "key");
    static final Set<String> GLOBAL_SWITCHES = Set.of("json", "quiet");

    private AgentCli() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.getenv(), System.out, System.err, Clock.systemUTC()));
    }

    /** Runs one command; returns the exit code. {@code env} gives MOLDTANK_URL and MOLDTANK_HOME. */
    public static int run(List<String> words, Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        List<String> rest = words;
        if (!rest.isEmpty() && rest.getFirst().equals("mcp")) {
            return mcp(rest.subList(1, rest.size()), env, System.in, out, err, clock);
        }
        if (!rest.isEmpty() && rest.getFirst().equals("agent")) {
            rest = rest.subList(1, rest.size());
        }
        Output output = new Output(out, err, rest.contains("--json"), rest.contains("--quiet"));
        if (rest.isEmpty() || rest.getFirst().equals("help") || rest.getFirst().equals("--help")) {
            out.println(USAGE);
            return rest.isEmpty() ? Exit.USAGE.code : Exit.OK.code;
        }
        try {
            Commands.Spec spec = Commands.spec(rest.getFirst());
            Args args = new Args(rest.subList(1, rest.size()), union(GLOBAL_VALUED, spec.valued()),
                    union(GLOBAL_SWITCHES, spec.switches()));
            Path keyFile = Path.of(args.option("key", KeyFile.defaultPath(env).toString()));
            Commands commands = new Commands(args, keyFile, env, output, clock);
            return spec.command().run(commands).code;
        } catch (Args.Usage e) {
            output.error(e.getMessage());
            err.println("run `moldtank agent help` for the commands");
            return Exit.USAGE.code;
        } catch (MoldTankException e) {
            output.error(e.getMessage() + hint(e));
            return Exit.of(e).code;
        } catch (IOException e) {
            output.error(e.getMessage());
            return Exit.FAILED.code;
        } catch (IllegalStateException e) { // the SDK: no key, not registered
            output.error(e.getMessage());
            return Exit.NO_IDENTITY.code;
        }
    }

    /** {@code moldtank mcp --stdio [--server URL] [--key FILE]}: the MCP relay for local agents. */
    static int mcp(List<String> words, Map<String, String> env, java.io.InputStream in, PrintStream out,
                   PrintStream err, Clock clock) {
        try {
            Args args = new Args(words, GLOBAL_VALUED, Set.of("stdio"));
            if (!args.flag("stdio")) {
                throw new Args.Usage("usage: moldtank mcp --stdio [--server URL] [--key FILE]");
            }
            Identity identity = KeyFile.load(Path.of(args.option("key", KeyFile.defaultPath(env).toString())));
            return new McpStdio(server(args, identity, env), identity, out, err, clock).run(in);
        } catch (Args.Usage e) {
            err.println(e.getMessage());
            return Exit.USAGE.code;
        } catch (IOException e) {
            err.println("moldtank mcp: " + e.getMessage() + " (make a key with `moldtank agent keygen`)");
            return Exit.NO_IDENTITY.code;
        }
    }

    private static String hint(MoldTankException e) {
        if (e instanceof ProblemException p && !p.errors().isEmpty()) {
            StringBuilder b = new StringBuilder();
            p.errors().forEach(f -> b.append("\n  ").append(f.field()).append(": ").append(f.message()));
            return b.toString();
        }
        return "";
    }

    /** The server: --server, else the key file's, else MOLDTANK_URL, else localhost. */
    static URI server(Args args, Identity identity, Map<String, String> env) {
        String s = args.option("server");
        if (s == null && identity != null && identity.server() != null) {
            return identity.server();
        }
        if (s == null) {
            s = env.getOrDefault("MOLDTANK_URL", "http://localhost:8080");
        }
        try {
            URI uri = URI.create(s);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new Args.Usage("--server must be an http(s) URL: " + s);
        }
    }

    static MoldTank client(URI server, Identity identity) {
        return MoldTank.builder(server).identity(identity).build();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
