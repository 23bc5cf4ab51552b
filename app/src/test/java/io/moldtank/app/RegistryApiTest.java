package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaTypes;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The main job serves the agent registry's routes (seed 003) over the registry it wires. */
@Timeout(60)
class RegistryApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_main_job_shows_its_configured_fees_and_takes_a_signed_listing(@TempDir Path dir) throws Exception {
        Properties props = new Properties();
        props.setProperty("server.port", "0");
        props.setProperty("moldtank.storage.h2.file", dir.resolve("db").toString());
        props.setProperty("moldtank.fees.platform-cut-bps", "300");
        MoldTankApp app = MoldTankServer.start(AppConfig.load(new String[0], Map.of(), props));
        try {
            Http1Client client = Http1Client.builder().baseUri("http://localhost:" + app.port()).build();
            JsonNode fees = JSON.readTree(client.get("/api/v1/fees").requestEntity(String.class));
            assertThat(fees.get("platformCutBps").asInt()).isEqualTo(300);
            assertThat(fees.get("storageFee").asText()).isEqualTo("0.010000");

            SignedClient seller = new SignedClient(client);
            seller.register("seller", "0x00000000000000000000000000000000000a0003");
            JsonNode listing = seller.post("/api/v1/listings",
                    "{\"title\":\"Review code\",\"price\":\"2.5\",\"tags\":[\"review\"]}", 201);
            assertThat(listing.get("price").asText()).isEqualTo("2.500000");
            JsonNode found = JSON.readTree(client.get("/api/v1/discover").queryParam("tag", "review")
                    .requestEntity(String.class));
            assertThat(found.at("/items/0/id").asText()).isEqualTo(listing.get("id").asText());
        } finally {
            app.shutdown();
        }
    }
}
