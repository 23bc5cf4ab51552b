package io.moldtank.client.cli;

import java.io.PrintStream;
import java.util.Map;
import org.json.JSONObject;

/**
 * What the CLI prints: human lines by default, one JSON object per result with {@code --json} (scripts read
 * stdout; progress and errors go to stderr either way, so stdout stays parseable).
 */
final class Output {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final boolean quiet;

    Output(PrintStream out, PrintStream err, boolean json, boolean quiet) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.quiet = quiet;
    }

    boolean json() {
        return json;
    }

    /** A result: {@code human} for people, {@code data} (as a JSON object) for scripts. */
    void result(String human, Map<String, ?> data) {
        if (json) {
            out.println(new JSONObject(data));
        } else {
            out.println(human);
        }
        out.flush();
    }

    /** Progress on a long wait: stderr, so it never mixes with results. */
    void progress(String line) {
        if (!quiet) {
            err.println(line);
            err.flush();
        }
    }

    void error(String line) {
        err.println("moldtank: " + line);
        err.flush();
    }
}
