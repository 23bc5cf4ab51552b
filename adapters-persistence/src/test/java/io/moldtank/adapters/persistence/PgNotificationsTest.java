package io.moldtank.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Wake-ups cross processes: a NOTIFY sent through one listener's pool wakes another listener's waiters. */
class PgNotificationsTest {

    @Test
    void a_signal_in_one_process_wakes_waiters_in_another() throws Exception {
        PersistenceAdapters.SqlStore store = TestServers.postgres(PgNotificationsTest.class);
        Properties credentials = new Properties();
        credentials.setProperty("user", TestServers.PG_USER);
        credentials.setProperty("password", TestServers.PG_PASSWORD);
        String channel = TestServers.uniqueName(PgNotificationsTest.class);
        try (PgNotifications sender = new PgNotifications(TestServers.PG_URL, credentials, channel, store.dataSource());
             PgNotifications receiver = new PgNotifications(TestServers.PG_URL, credentials, channel, store.dataSource())) {
            Thread.sleep(300); // both LISTENs in place
            long seen = receiver.generation();
            long start = System.nanoTime();
            sender.signal();
            receiver.awaitChange(seen, Duration.ofSeconds(5).toNanos());
            assertThat(receiver.generation()).as("woken by NOTIFY").isGreaterThan(seen);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }
}
