package io.moldtank.app.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** WebSocket frames for the stream: well-formed masked frames to mutate, and the exchange after a 101. */
final class WsFrames {
    private WsFrames() {
    }

    /** A masked client frame (FIN set) with {@code opcode} and {@code payload}; mask bytes from {@code random}. */
    static byte[] frame(int opcode, byte[] payload, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80 | (opcode & 0x0f));
        int n = payload.length;
        if (n < 126) {
            out.write(0x80 | n);
        } else {
            out.write(0x80 | 126);
            out.write((n >> 8) & 0xff);
            out.write(n & 0xff);
        }
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        out.writeBytes(mask);
        for (int i = 0; i < n; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        return out.toByteArray();
    }

    static byte[] text(String s, Random random) {
        return frame(1, s.getBytes(StandardCharsets.UTF_8), random);
    }

    /** Sends the frames, reads what the stream sends for a moment, then closes politely. */
    static void exchange(Socket s, byte[] frames) {
        try {
            s.getOutputStream().write(frames);
            s.setSoTimeout(200);
            byte[] buf = new byte[8192];
            try {
                while (s.getInputStream().read(buf) >= 0) {
                    // drain history and heartbeats until the pause
                }
            } catch (SocketTimeoutException e) {
                // the stream is idle: done listening
            }
            s.getOutputStream().write(frame(8, new byte[] {0x03, (byte) 0xe8}, new Random(0)));
        } catch (IOException e) {
            // the server may drop a client that sent a bad frame; that is an answer too
        }
    }
}
