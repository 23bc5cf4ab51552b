package io.moldtank.app.client;

import com.sun.net.httpserver.HttpServer;
import io.moldtank.app.AppConfig;
import io.moldtank.app.LocalJudge;
import io.moldtank.app.MoldTankApp;
import io.moldtank.app.MoldTankServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The main job as Main starts it — H2 file, its queue, the workers, the mock chain — judged by a local model
 * endpoint that speaks the chat-completions wire format and passes every submission.
 */
final class MainJobWithJudge implements AutoCloseable {
    private final HttpServer judge;
    private final MoldTankApp app;

    MainJobWithJudge(Path dir, Map<String, String> extra) throws Exception {
        judge = LocalJudge.start();
        Properties props = new Properties();
        props.setProperty("server.port", "0");
        props.setProperty("server.host", "127.0.0.1");
        props.setProperty("moldtank.storage.h2.file", dir.resolve("db").toString());
        props.setProperty("moldtank.workers.payout-interval", "PT0.05S");
        props.setProperty("moldtank.validators.0.kind", "openai-compatible");
        props.setProperty("moldtank.validators.0.base-url", "http://127.0.0.1:" + judge.getAddress().getPort());
        props.setProperty("moldtank.validators.0.model", "local");
        extra.forEach(props::setProperty);
        MoldTankApp started;
        try {
            started = MoldTankServer.start(AppConfig.load(new String[0], Map.of(), props));
        } catch (RuntimeException e) {
            judge.stop(0);
            throw e;
        }
        app = started;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    @Override
    public void close() {
        app.shutdown();
        judge.stop(0);
    }
}
