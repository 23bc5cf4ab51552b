package io.moldtank.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The on-demand campaign ({@code bench/fuzz/run.sh N}): N inputs from one seed, a report of the figures,
 * and every failing input appended to {@code fuzz.corpus} (the regression corpus when run from the script).
 * Skipped unless {@code -Dfuzz.inputs} is given.
 */
@EnabledIfSystemProperty(named = "fuzz.inputs", matches = "\\d+")
class FuzzCampaignTest {

    @Test
    void a_long_campaign_finds_no_5xx_and_no_change_from_a_refused_request() throws IOException {
        long n = Long.parseLong(System.getProperty("fuzz.inputs"));
        long seed = Long.parseLong(System.getProperty("fuzz.seed", Long.toString(new Random().nextLong())));
        Random rnd = new Random(seed);
        long start = System.nanoTime();
        try (Campaign campaign = new Campaign()) {
            for (long i = 1; i <= n; i++) {
                campaign.run(campaign.requests().next(rnd));
                if (i % 10_000 == 0) {
                    System.out.printf("fuzz: %d inputs, %d 5xx, %d refused-but-changed, %d failing%n", i,
                            campaign.serverErrors(), campaign.changedOnRefusal(), campaign.failures().size());
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String report = """
                    inputs: %d
                    seed: %d
                    5xx: %d
                    refused requests that changed storage: %d
                    answers by class: %s
                    inputs breaking any property: %d
                    duration: %d s
                    """.formatted(campaign.inputs(), seed, campaign.serverErrors(), campaign.changedOnRefusal(),
                    new java.util.TreeMap<>(campaign.answers()), campaign.failures().size(), took.toSeconds());
            System.out.print(report);
            Path out = Path.of(System.getProperty("fuzz.report", "target/fuzz-report.txt"));
            Files.createDirectories(out.toAbsolutePath().getParent());
            StringBuilder details = new StringBuilder(report);
            campaign.failures().stream().limit(200).forEach(f -> details.append(f.status()).append(' ')
                    .append(f.request()).append(" -> ").append(f.violations()).append('\n'));
            Files.writeString(out, details);
            Corpus.append(Path.of(System.getProperty("fuzz.corpus", "target/fuzz-failures.jsonl")),
                    campaign.failures().stream().map(Campaign.Failure::request).toList());
            assertThat(campaign.failures()).as("see %s", out).isEmpty();
        }
    }
}
