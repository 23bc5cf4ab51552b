package io.moldtank.app;

import io.moldtank.app.wiring.Wiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GracefulShutdownTest {

    @Test
    void theServerStopsFirstThenResourcesCloseInReverseOrderOfRegistration() {
        List<String> events = new CopyOnWriteArrayList<>();
        Wiring wiring = Wiring.withSystemDefaults();
        Properties system = new Properties();
        system.setProperty("server.port", "0");
        system.setProperty("server.host", "127.0.0.1");
        MoldTankApp app = MoldTankServer.start(AppConfig.load(new String[0], Map.of(), system), wiring);
        int port = app.port();
        wiring.own("opened-first", () -> events.add("opened-first closed"));
        wiring.own("opened-second", () -> events.add("opened-second closed, server "
                + (accepts(port) ? "still accepting" : "stopped")));

        app.shutdown();
        app.shutdown();

        assertThat(events).containsExactly("opened-second closed, server stopped", "opened-first closed");
    }

    @Test
    void aFailingStepIsReportedAndTheNextStepsStillRun() {
        List<String> closed = new CopyOnWriteArrayList<>();

        GracefulShutdown.Outcome outcome = GracefulShutdown.run(List.of(
                new GracefulShutdown.Step("broken", () -> {
                    throw new IOException("disk gone");
                }),
                new GracefulShutdown.Step("fine", () -> closed.add("fine"))), Duration.ofSeconds(5));

        assertThat(outcome.failed()).containsExactly("broken");
        assertThat(outcome.closed()).containsExactly("fine");
        assertThat(closed).containsExactly("fine");
        assertThat(outcome.clean()).isFalse();
    }

    @Test
    void aHangingStepIsAbandonedAtTheDeadlineAndLaterStepsAreReportedAsTimedOut() {
        GracefulShutdown.Outcome outcome = GracefulShutdown.run(List.of(
                new GracefulShutdown.Step("hangs", () -> Thread.sleep(20_000)),
                new GracefulShutdown.Step("never-reached", () -> { })), Duration.ofMillis(300));

        assertThat(outcome.timedOut()).containsExactly("hangs", "never-reached");
        assertThat(outcome.took()).isLessThan(Duration.ofSeconds(5));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
