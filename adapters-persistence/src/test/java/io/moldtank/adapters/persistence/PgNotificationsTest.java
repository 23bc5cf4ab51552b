package io.moldtank.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances on one channel stand for two processes. */
class PgNotificationsTest {

    private PgNotifications sender;
    private PgNotifications receiver;

    @BeforeEach
    void twoProcesses() throws InterruptedException {
        PersistenceAdapters.SqlStore store = TestServers.postgres(PgNotificationsTest.class);
        Properties credentials = new Properties();
        credentials.setProperty("user", TestServers.PG_USER);
        credentials.setProperty("password", TestServers.PG_PASSWORD);
        String channel = TestServers.uniqueName(PgNotificationsTest.class);
        sender = new PgNotifications(TestServers.PG_URL, credentials, channel, store.dataSource());
        receiver = new PgNotifications(TestServers.PG_URL, credentials, channel, store.dataSource());
        // each wakes its waiters once its LISTEN is in place (generation 0 -> 1)
        sender.awaitChange(0, Duration.ofSeconds(10).toNanos());
        receiver.awaitChange(0, Duration.ofSeconds(10).toNanos());
        assertThat(sender.generation()).as("sender listening").isPositive();
        assertThat(receiver.generation()).as("receiver listening").isPositive();
    }

    @AfterEach
    void close() {
        sender.close();
        receiver.close();
    }

    @Test
    void a_signal_in_one_process_wakes_waiters_in_another() throws Exception {
        long seen = receiver.generation();
        long start = System.nanoTime();
        sender.signal();
        receiver.awaitChange(seen, Duration.ofSeconds(5).toNanos());
        assertThat(receiver.generation()).as("woken by NOTIFY").isGreaterThan(seen);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void a_process_does_not_wake_itself_with_its_own_notify() throws Exception {
        long senderSeen = sender.generation();
        long senderRead = sender.received();
        long receiverSeen = receiver.generation();
        sender.notifyOthers();
        receiver.awaitChange(receiverSeen, Duration.ofSeconds(5).toNanos());
        assertThat(receiver.generation()).as("the other process is woken").isGreaterThan(receiverSeen);
        receiver.notifyOthers();
        for (int i = 0; i < 500 && sender.received() < senderRead + 2; i++) {
            Thread.sleep(10);
        }
        assertThat(sender.received()).as("the sender read its own NOTIFY and the other's").isEqualTo(senderRead + 2);
        assertThat(sender.generation()).as("only the other's woke it").isEqualTo(senderSeen + 1);
    }
}
