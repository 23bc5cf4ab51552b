package io.moldtank.app.deploy;

import static io.moldtank.app.deploy.Yamls.at;
import static io.moldtank.app.deploy.Yamls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.config.Config;
import io.moldtank.app.AppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose.yaml and the files beside it agree with each other, checked on every build without Docker
 * (`./moldtank compose-check` runs the stack itself, on demand): every image is one deploy/ builds here, ports
 * open on loopback only, no secret is written down, the balancer and Prometheus know every node, and the
 * nodes' configuration file is one MoldTank reads once the environment fills its placeholders.
 */
class ComposeFileTest {
    private static final Path DEPLOY = Path.of(System.getProperty("user.dir")).resolve("../deploy").normalize();

    private final Map<String, Object> compose = load("compose.yaml");
    private final Map<String, Object> services = map(compose, "services");

    @Test
    void every_image_is_built_here_and_every_port_is_bound_to_loopback() throws Exception {
        assertThat(services).containsOnlyKeys("postgres", "redis", "anvil", "api1", "api2", "worker1", "lb", "prometheus");
        Matcher version = Pattern.compile("DEPLOY_IMAGES_VERSION:-(\\d+)").matcher(Files.readString(DEPLOY.resolve("images.sh")));
        assertThat(version.find()).isTrue();
        services.forEach((name, service) -> {
            String image = (String) at(service, "image");
            if (List.of("api1", "api2", "worker1").contains(name)) {
                assertThat(image).as(name).isEqualTo("moldtank/moldtank:local"); // ./moldtank image tags it
            } else {
                assertThat(image).as(name).isEqualTo("moldtank/" + (name.equals("lb") ? "haproxy" : name) + ":" + version.group(1));
                assertThat(DEPLOY.resolve("images/" + image.substring(9, image.indexOf(':')) + "/Dockerfile")).exists();
            }
            Object ports = at(service, "ports");
            if (ports instanceof List<?> list) {
                assertThat(list).as(name).allSatisfy(p -> assertThat((String) p).startsWith("127.0.0.1:"));
            }
        });
        assertThat(at(services, "worker1", "volumes")).asList().contains("/var/run/docker.sock:/var/run/docker.sock");
        assertThat(at(services, "api1", "volumes")).asList().noneMatch(v -> ((String) v).contains("docker.sock"));
    }

    @Test
    void no_secret_is_written_down_and_each_comes_from_the_env_file() throws Exception {
        for (String file : List.of("compose.yaml", "moldtank.yaml", "images/prometheus/prometheus.yml",
                "images/haproxy/haproxy.cfg")) {
            assertThat(Files.readString(DEPLOY.resolve(file))).as(file).doesNotContainPattern("[0-9a-fA-F]{64}");
        }
        Map<String, Object> env = map(services, "api1", "environment");
        for (String secret : List.of("POSTGRES_PASSWORD", "REDIS_PASSWORD", "MOLDTANK_CHAIN_QA_KEY", "MOLDTANK_RECEIPTS_KEY",
                "MOLDTANK_JWT_KEY", "MOLDTANK_CHALLENGE_SECRET", "MOLDTANK_OPERATOR_TOKEN")) {
            assertThat((String) env.get(secret)).as(secret).startsWith("${" + secret + ":?");
        }
        assertThat(Files.readString(DEPLOY.resolve("up.sh"))).contains("umask 077");
    }

    @Test
    void the_balancer_and_prometheus_know_every_node() throws Exception {
        String haproxy = Files.readString(DEPLOY.resolve("images/haproxy/haproxy.cfg"));
        assertThat(haproxy).contains("server api1 api1:8080 check", "server api2 api2:8080 check",
                "uri /observe/health/ready", "timeout tunnel");
        Map<String, Object> prometheus = load("images/prometheus/prometheus.yml");
        assertThat(at(prometheus, "scrape_configs", 0, "static_configs", 0, "targets"))
                .isEqualTo(List.of("api1:8080", "api2:8080", "worker1:8080"));
        assertThat(at(prometheus, "scrape_configs", 0, "metrics_path")).isEqualTo("/observe/metrics");
        assertThat(at(services, "prometheus", "volumes")).asList()
                .contains("../app/src/main/resources/prometheus/moldtank-alerts.yml:/etc/prometheus/rules/moldtank-alerts.yml:ro");
        assertThat(DEPLOY.resolve("../app/src/main/resources/prometheus/moldtank-alerts.yml")).exists();
    }

    @Test
    void the_nodes_configuration_is_read_by_moldtank_with_the_env_file_filling_its_placeholders() {
        Map<String, String> environment = new HashMap<>();
        map(services, "worker1", "environment").forEach((k, v) -> environment.put(k, String.valueOf(v)));
        List.of("POSTGRES_PASSWORD", "REDIS_PASSWORD", "MOLDTANK_CHAIN_QA_KEY", "MOLDTANK_CHAIN_TREASURY_KEY",
                "MOLDTANK_JWT_KEY", "MOLDTANK_CHALLENGE_SECRET").forEach(k -> environment.put(k, "env-" + k));
        environment.put("MOLDTANK_CONFIG", DEPLOY.resolve("moldtank.yaml").toString());

        Config m = AppConfig.load(new String[0], environment, new Properties()).get("moldtank");
        assertThat(m.get("storage.kind").asString().get()).isEqualTo("postgres");
        assertThat(m.get("storage.postgres.password").asString().get()).isEqualTo("env-POSTGRES_PASSWORD");
        assertThat(m.get("redis.uri").asString().get()).isEqualTo("redis://:env-REDIS_PASSWORD@redis:6379");
        assertThat(m.get("guard.kind").asString().get()).isEqualTo("redis");
        assertThat(m.get("chain.kind").asString().get()).isEqualTo("web3j");
        assertThat(m.get("chain.qa-key").asString().get()).isEqualTo("env-MOLDTANK_CHAIN_QA_KEY");
        assertThat(m.get("chain.treasury-key").asString().get()).isEqualTo("env-MOLDTANK_CHAIN_TREASURY_KEY");
        assertThat(m.get("http.auth.jwt-key").asString().get()).isEqualTo("env-MOLDTANK_JWT_KEY");
        // The anvil image's chain state holds the contracts where this file says (deploy/images.sh checks it).
        assertThat(m.get("chain.escrow").asString().get()).isEqualTo("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");
        assertThat(m.get("chain.chain-id").asLong().get()).isEqualTo(31337L);
    }

    private static Map<String, Object> load(String file) {
        try {
            return Yamls.cast(new Yaml(new LoaderOptions()).load(Files.readString(DEPLOY.resolve(file))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
