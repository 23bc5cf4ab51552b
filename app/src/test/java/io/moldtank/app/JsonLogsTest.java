package io.moldtank.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theShippedLogbackConfigurationWritesOneJsonObjectPerLine() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(JsonLogsTest.class.getResource("/logback.xml"));
        try {
            OutputStreamAppender<ILoggingEvent> stdout = (OutputStreamAppender<ILoggingEvent>)
                    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
            LoggingEvent event = new LoggingEvent(JsonLogsTest.class.getName(),
                    context.getLogger("io.moldtank.test"), Level.INFO, "app started", null, null);
            event.addKeyValuePair(new KeyValuePair("port", 8080));
            event.addKeyValuePair(new KeyValuePair("adapters", Map.of("storage", "h2")));

            String line = new String(stdout.getEncoder().encode(event), StandardCharsets.UTF_8);

            assertThat(line).endsWith("\n");
            assertThat(line.strip()).doesNotContain("\n");
            JsonNode json = JSON.readTree(line);
            assertThat(json.path("message").asText()).isEqualTo("app started");
            assertThat(json.path("level").asText()).isEqualTo("INFO");
            assertThat(json.path("logger_name").asText()).isEqualTo("io.moldtank.test");
            assertThat(json.path("service").asText()).isEqualTo("moldtank");
            assertThat(json.path("port").asInt()).isEqualTo(8080);
            assertThat(json.path("adapters").path("storage").asText()).isEqualTo("h2");
            assertThat(json.has("@timestamp")).isTrue();
        } finally {
            context.stop();
        }
    }

    @Test
    void julAndSystemLoggerRecordsReachLogback() {
        Logging.bridgeJul();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
        try {
            java.util.logging.Logger.getLogger("io.moldtank.test.jul").info("from jul");
            System.getLogger("io.moldtank.test.system").log(System.Logger.Level.INFO, "from system logger");

            List<String> seen = captured.list.stream()
                    .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage())
                    .toList();
            assertThat(seen).contains(
                    "io.moldtank.test.jul: from jul",
                    "io.moldtank.test.system: from system logger");
        } finally {
            root.detachAppender(captured);
        }
    }
}
