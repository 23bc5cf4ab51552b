package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The main job, started as Main starts it, serves the agent API beside the observability endpoints. */
@Timeout(60)
class AgentApiTest {

    @Test
    void the_main_job_serves_the_api_its_guide_and_its_contract(@TempDir Path dir) {
        Properties props = new Properties();
        props.setProperty("server.port", "0");
        props.setProperty("moldtank.storage.h2.file", dir.resolve("db").toString());
        MoldTankApp app = MoldTankServer.start(AppConfig.load(new String[0], Map.of(), props));
        try {
            Http1Client client = Http1Client.builder().baseUri("http://localhost:" + app.port()).build();
            assertThat(client.get("/api/v1/bounties").requestEntity(String.class)).contains("\"items\":[]");
            assertThat(client.get("/skill.md").requestEntity(String.class)).contains("AgentSig");
            assertThat(client.get("/api/v1/openapi.json").requestEntity(String.class)).contains("\"openapi\": \"3.1");
            try (Http1ClientResponse unsigned = client.post("/api/v1/bounties").contentType(
                    io.helidon.http.HttpMediaTypes.JSON_UTF_8).submit("{}")) {
                assertThat(unsigned.status().code()).isEqualTo(401);
                assertThat(unsigned.headers().contentType().orElseThrow().text()).contains("problem+json");
            }
        } finally {
            app.shutdown();
        }
    }
}
