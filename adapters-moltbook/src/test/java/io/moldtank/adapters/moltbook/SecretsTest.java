package io.moldtank.adapters.moltbook;

import static io.moldtank.adapters.moltbook.Fixtures.API_KEY;
import static io.moldtank.adapters.moltbook.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.moldtank.adapters.moltbook.FakeMoltbook.Reply;
import io.moldtank.adapters.moltbook.Fixtures.RecordingSleeper;
import io.moldtank.ports.out.source.ProblemSource.Fetch;
import io.moldtank.ports.out.source.ProblemSource.Limits;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SecretsTest {

    @Test
    void theKeyReachesNeitherLogsNorErrorsEvenWhenTheServerEchoesIt() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        String echo = "{\"error\":\"key " + API_KEY + " is busy\",\"retry_after_seconds\":1}";
        try (FakeMoltbook moltbook = new FakeMoltbook().then(Reply.json(429, echo), Reply.json(500, echo),
                Reply.ok("{\"posts\":\"" + API_KEY + "\"}"), Reply.json(403, echo))) {
            Fetch fetch = MoltbookAdapters.problemSource(Fixtures.settings(moltbook.baseUrl(), new RecordingSleeper()))
                    .fetchSince(null, NOW, new Limits(5, 1 << 20, Duration.ofDays(1), 3));

            assertThat(fetch.errors()).isNotEmpty().noneMatch(e -> e.contains(API_KEY));
            assertThat(logs.list).hasSizeGreaterThanOrEqualTo(4)
                    .noneMatch(e -> e.getFormattedMessage().contains(API_KEY));
            assertThat(moltbook.received()).hasSize(4).allMatch(r -> r.authorization().equals("Bearer " + API_KEY));
        } finally {
            root.detachAppender(logs);
        }
    }
}
