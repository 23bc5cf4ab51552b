package io.moldtank.app;

import io.moldtank.app.wiring.Wiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MoldTankServerTest {

    @Test
    void aPortAlreadyInUseFailsTheStartAndClosesWhatWasWired() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Properties system = new Properties();
            system.setProperty("server.host", "127.0.0.1");
            system.setProperty("server.port", Integer.toString(taken.getLocalPort()));
            AtomicBoolean closed = new AtomicBoolean();
            Wiring wiring = Wiring.withSystemDefaults();
            wiring.own("resource", () -> closed.set(true));

            assertThatThrownBy(() -> MoldTankServer.start(AppConfig.load(new String[0], Map.of(), system), wiring))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
            assertThat(closed).isTrue();
        }
    }
}
