package io.moldtank.app;

import io.helidon.config.Config;
import org.slf4j.LoggerFactory;

/** Entry point: {@code java -jar moldtank.jar [--config <file.yaml>]}; see README.md for configuration. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Logging.bridgeJul();
        try {
            Config config = AppConfig.load(args, System.getenv(), System.getProperties());
            MoldTankApp app = MoldTankServer.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(app::shutdown, "moldtank-shutdown-hook"));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Main.class).atError().setCause(e).log("app failed to start");
            System.exit(1);
        }
    }
}
