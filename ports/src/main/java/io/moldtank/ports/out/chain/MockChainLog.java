package io.moldtank.ports.out.chain;

import java.util.List;

/**
 * The mock chain's transactions in a store that outlives a process and that every node of a deployment
 * shares: one line per mint or mined transaction, numbered 1, 2, 3… in the order every node replays them.
 * Lines are never changed or removed; an append names how many lines its writer has seen, so two nodes
 * can never both add the next line (the chain would fork). The text of a line belongs to the chain.
 */
public interface MockChainLog {

    /** The lines after the first {@code seen}, in order (all of them for 0). */
    List<String> after(long seen);

    /**
     * Stores {@code lines} as lines {@code seen + 1, seen + 2, …}, all or none, durably before it returns;
     * {@code false} (nothing stored) when the log already holds more than {@code seen} lines: another
     * writer appended first, so the caller catches up and decides again. A {@code seen} past the end of
     * the log, no line or a line {@link #requireLine} refuses is an IllegalArgumentException.
     */
    boolean append(long seen, List<String> lines);

    /** The longest line a log must store; the chain's lines are far shorter (about 250 characters). */
    int MAX_LINE = 500;

    /** A line is 1 to {@link #MAX_LINE} characters of printable ASCII (the chain's text form). */
    static String requireLine(String line) {
        if (line == null || line.isEmpty() || line.length() > MAX_LINE
                || !line.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f)) {
            throw new IllegalArgumentException("a mock chain line is 1.." + MAX_LINE + " printable ASCII characters");
        }
        return line;
    }
}
