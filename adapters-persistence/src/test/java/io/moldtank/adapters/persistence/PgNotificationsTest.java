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
        Thread.sleep(300); // both LISTENs in place
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
        long receiverSeen = receiver.generation();
        sender.notifyOthers();
        receiver.awaitChange(receiverSeen, Duration.ofSeconds(5).toNanos());
        assertThat(receiver.generation()).as("the other process is woken").isGreaterThan(receiverSeen);
        Thread.sleep(300); // the same NOTIFY has reached the sender's own LISTEN by now
        assertThat(sender.generation()).as("its own NOTIFY is ignored").isEqualTo(senderSeen);
    }
}
