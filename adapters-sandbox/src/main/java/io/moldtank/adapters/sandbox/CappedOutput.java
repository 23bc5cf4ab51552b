package io.moldtank.adapters.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One output stream of a sandboxed run, held in bounded memory however much the code prints: the
 * first half of the cap and the last half (a ring), with a marker saying how much was dropped.
 * The head shows how a run started, the tail how it ended (a test runner's summary is at the end).
 */
final class CappedOutput {

    static final String MARKER_START = "[moldtank: output truncated, ";
    static final String MARKER = MARKER_START + "%d bytes dropped]";

    private final int headCap;
    private final ByteArrayOutputStream head;
    private final byte[] tail;
    private int tailStart;
    private int tailLength;
    private long total;

    CappedOutput(int cap) {
        if (cap < 2) {
            throw new IllegalArgumentException("cap must be at least 2 bytes");
        }
        this.headCap = cap / 2;
        this.head = new ByteArrayOutputStream(Math.min(headCap, 8192));
        this.tail = new byte[cap - headCap];
    }

    synchronized void write(byte[] bytes, int offset, int length) {
        total += length;
        int toHead = Math.min(length, headCap - head.size());
        if (toHead > 0) {
            head.write(bytes, offset, toHead);
        }
        for (int i = offset + toHead; i < offset + length; i++) {
            int slot = (tailStart + tailLength) % tail.length;
            tail[slot] = bytes[i];
            if (tailLength < tail.length) {
                tailLength++;
            } else {
                tailStart = (tailStart + 1) % tail.length;
            }
        }
    }

    synchronized long totalBytes() {
        return total;
    }

    synchronized boolean truncated() {
        return total > head.size() + tailLength;
    }

    /** The kept text; invalid UTF-8 at the cut points is replaced, never fatal. */
    synchronized String text() {
        byte[] kept = new byte[tailLength];
        for (int i = 0; i < tailLength; i++) {
            kept[i] = tail[(tailStart + i) % tail.length];
        }
        String start = head.toString(StandardCharsets.UTF_8);
        String end = new String(kept, StandardCharsets.UTF_8);
        if (!truncated()) {
            return start + end;
        }
        long dropped = total - head.size() - tailLength;
        return start + "\n" + MARKER.formatted(dropped) + "\n" + end;
    }
}
