package io.moldtank.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.app.scraper.FakeMoltbook;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: the scraper's runner killed with SIGKILL mid-run (Moltbook answering slowly), then started
 * again: the slot runs at start (the dead process's lease is freed with its H2 file), every candidate
 * is drafted, none twice, and a third start does not run the slot again.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ScraperKillTest {

    @Test
    void a_run_killed_mid_way_runs_again_at_start_with_no_duplicate_and_no_lost_candidate(@TempDir Path dir)
            throws Exception {
        try (FakeMoltbook moltbook = new FakeMoltbook()) {
            Instant now = Instant.now();
            moltbook.add(new FakeMoltbook.Post("k1", "Idea", "someone should build a log viewer for agents", 30, 3,
                    now.minus(Duration.ofHours(1))));
            moltbook.add(new FakeMoltbook.Post("k2", "Wish", "I wish there was a calendar agents can share", 5, 1,
                    now.minus(Duration.ofHours(2))));
            moltbook.add(new FakeMoltbook.Post("k3", "Need", "need a bot that can summarise long threads", 1, 0,
                    now.minus(Duration.ofHours(3))));
            Map<String, String> settings = Map.of("moldtank.scraper.api-key", FakeMoltbook.KEY,
                    "moldtank.scraper.base-url", moltbook.baseUrl(), "moldtank.operator.token", KillNineLoop.TOKEN);

            moltbook.stall.set(true);
            MainJobProcess first = MainJobProcess.start(dir, 0, settings);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (moltbook.requests.get() == 0 && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(moltbook.requests.get()).as("the run at start is reading Moltbook").isPositive();
            first.kill();
            assertThat(count(dir, "SELECT COUNT(*) FROM scraper_runs")).isZero();

            moltbook.stall.set(false);
            MainJobProcess second = MainJobProcess.start(dir, 1, settings);
            until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            ChaosAgent operator = new ChaosAgent("0x00000000000000000000000000000000000c9003");
            operator.at(second.port());
            int runs = 0;
            while (runs == 0 && System.nanoTime() < until) {
                var r = operator.operator("GET", "/api/v1/admin/scraper/runs", KillNineLoop.TOKEN);
                runs = r.filter(x -> x.status() == 200).map(x -> x.body().path("items").size()).orElse(0);
                Thread.sleep(100);
            }
            assertThat(runs).as("the slot ran at the second start").isEqualTo(1);
            second.kill();

            MainJobProcess third = MainJobProcess.start(dir, 2, settings);
            Thread.sleep(2000); // its check at start
            third.kill();
            assertThat(count(dir, "SELECT COUNT(*) FROM scraper_runs")).as("the slot is not run twice").isEqualTo(1);
            assertThat(posts(dir)).containsExactlyInAnyOrder("k1", "k2", "k3");
        }
    }

    private static Connection open(Path dir) throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;ACCESS_MODE_DATA=r", "sa", "");
    }

    private static long count(Path dir, String sql) throws Exception {
        try (Connection c = open(dir); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Drafts by source post, as a list so that a duplicate would show. */
    private static java.util.List<String> posts(Path dir) throws Exception {
        java.util.List<String> ids = new java.util.ArrayList<>();
        try (Connection c = open(dir); ResultSet rs = c.createStatement().executeQuery(
                "SELECT source_post_id FROM scraped_drafts")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
