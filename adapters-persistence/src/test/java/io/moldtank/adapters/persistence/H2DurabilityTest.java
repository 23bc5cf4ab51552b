package io.moldtank.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22: on the embedded default a commit the API has answered survives {@code kill -9}. A child
 * JVM commits rows from two threads and acknowledges each after its commit returned; it is killed
 * with SIGKILL at a random moment, and every acknowledged row must be in the file when it is reopened.
 * With H2's default 500 ms write delay this fails within a round or two.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class H2DurabilityTest {

    private static final int ROUNDS = 4;

    @TempDir
    Path dir;

    @Test
    void every_commit_acknowledged_before_a_kill_9_is_in_the_file_after_it() throws Exception {
        Path file = dir.resolve("moldtank");
        for (int round = 1; round <= ROUNDS; round++) {
            Set<Long> acked = ConcurrentHashMap.newKeySet();
            Process writer = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    CommitAndAck.class.getName(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).isEqualTo("READY");
                Thread reader = Thread.ofPlatform().daemon().start(() -> {
                    try {
                        for (String line; (line = out.readLine()) != null; ) {
                            if (line.startsWith("ACK ")) {
                                acked.add(Long.parseLong(line.substring(4)));
                            }
                        }
                    } catch (Exception ended) {
                        // the writer was killed
                    }
                });
                Thread.sleep(ThreadLocalRandom.current().nextLong(200, 1200));
                writer.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook, no H2 close
                assertThat(writer.waitFor(20, TimeUnit.SECONDS)).isTrue();
                reader.join(5000);
            } finally {
                writer.destroyForcibly();
            }
            assertThat(acked).as("round %d: the writer acknowledged commits before it was killed", round).isNotEmpty();
            Set<Long> stored = stored(file);
            List<Long> lost = new ArrayList<>(acked);
            lost.removeAll(stored);
            assertThat(lost).as("round %d: acknowledged commits missing after kill -9 (%d acknowledged)", round,
                    acked.size()).isEmpty();
        }
        assertThat(Files.exists(dir.resolve("moldtank.mv.db"))).isTrue();
    }

    private static Set<Long> stored(Path file) throws Exception {
        try (PersistenceAdapters.SqlStore store = PersistenceAdapters.h2File(file);
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT n FROM durability_probe")) {
            Set<Long> rows = new HashSet<>();
            while (rs.next()) {
                rows.add(rs.getLong(1));
            }
            return rows;
        }
    }
}
