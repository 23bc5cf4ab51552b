package io.moldtank.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CappedOutputTest {

    private static void write(CappedOutput out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }

    @Test
    void outputUnderTheCapIsKeptWhole() {
        var out = new CappedOutput(16);
        write(out, "hello ");
        write(out, "world");

        assertThat(out.text()).isEqualTo("hello world");
        assertThat(out.truncated()).isFalse();
    }

    @Test
    void outputOverTheCapKeepsHeadAndTailAroundAMarkerCountingTheDroppedBytes() {
        var out = new CappedOutput(8);
        for (int i = 0; i < 1000; i++) {
            write(out, "0123456789");
        }
        write(out, "WXYZ");

        assertThat(out.text()).isEqualTo("0123\n[moldtank: output truncated, 9996 bytes dropped]\nWXYZ");
        assertThat(out.totalBytes()).isEqualTo(10_004);
    }
}
