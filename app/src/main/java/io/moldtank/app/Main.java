package io.moldtank.app;

import io.helidon.config.Config;
import io.moldtank.app.wiring.Marketplace;
import io.moldtank.app.wiring.Wiring;
import io.moldtank.ports.in.scraper.ScrapeUseCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Entry point: {@code java -jar moldtank.jar [--config <file.yaml>]} runs the main job;
 * {@code java -jar moldtank.jar scrape --once [--config <file.yaml>]} runs the Moltbook scraper once and
 * exits (0: it ran and read something; 1: it failed, is off, or another node is running it). A start that
 * {@code moldtank.profile} refuses logs one line naming what is missing and exits 78. See README.md.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Logging.bridgeJul();
        if (args.length > 0 && args[0].equals("scrape")) {
            System.exit(scrapeOnce(Arrays.copyOfRange(args, 1, args.length)));
        }
        try {
            Config config = AppConfig.load(args, System.getenv(), System.getProperties());
            MoldTankApp app = MoldTankServer.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(app::shutdown, "moldtank-shutdown-hook"));
        } catch (Profile.Refused e) {
            // one line naming what is missing, no stack trace: an operator's fix, not a bug
            LoggerFactory.getLogger(Main.class).atError().addKeyValue("event", "start-refused").log(e.getMessage());
            System.exit(EXIT_CONFIG);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Main.class).atError().setCause(e).log("app failed to start");
            System.exit(1);
        }
    }

    /** Exit status of a start the profile refuses (sysexits' EX_CONFIG). */
    public static final int EXIT_CONFIG = 78;

    /** Wires the job without its HTTP server, runs the scraper now, closes everything. */
    static int scrapeOnce(String[] args) {
        var log = LoggerFactory.getLogger(Main.class);
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (!rest.remove("--once")) {
            log.atError().log("usage: scrape --once [--config <file.yaml>]");
            return 2;
        }
        Wiring wiring = Wiring.withSystemDefaults();
        try {
            Config config = AppConfig.load(rest.toArray(String[]::new), System.getenv(), System.getProperties());
            Marketplace.wire(config, wiring);
            var scraper = wiring.find(ScrapeUseCase.class);
            if (scraper.isEmpty()) {
                log.atError().addKeyValue("event", "scraper-off").log("the scraper is off: set moldtank.scraper.api-key");
                return 1;
            }
            var run = scraper.get().runNow();
            if (run.isEmpty()) {
                log.atError().log("another node is running the scraper now");
                return 1;
            }
            return run.get().outcome() == io.moldtank.domain.scraper.ScraperRun.Outcome.FAILED ? 1 : 0;
        } catch (RuntimeException e) {
            log.atError().setCause(e).log("scraper run failed");
            return 1;
        } finally {
            new MoldTankApp(null, wiring, java.time.Duration.ofSeconds(10)).shutdown();
        }
    }
}
