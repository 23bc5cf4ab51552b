package io.moldtank.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TarArchiveTest {

    @Test
    void theArchiveIsReadByTarWithRootOwnedReadOnlyEntries() throws Exception {
        String deep = "a/" + "d".repeat(120) + "/file.txt";
        byte[] archive = TarArchive.of(Map.of("x.py", "print(1)\n", deep, "deep\n"));
        var file = Files.createTempFile("moldtank", ".tar");
        try {
            Files.write(file, archive);
            var process = new ProcessBuilder("tar", "-tvf", file.toString()).redirectErrorStream(true).start();
            String listing = new String(process.getInputStream().readAllBytes());

            assertThat(process.waitFor()).as(listing).isZero();
            assertThat(listing).contains("-rw-r--r-- 0/0").contains("x.py").contains(deep).contains("drwxr-xr-x 0/0");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void pathsThatLeaveTheWorkDirectoryAreRefused() {
        assertThatThrownBy(() -> TarArchive.of(Map.of("../etc/passwd", "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TarArchive.of(Map.of("/etc/passwd", "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TarArchive.of(Map.of("a//b", "x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
