package io.moldtank.app.deploy;

import static io.moldtank.app.deploy.Yamls.at;
import static io.moldtank.app.deploy.Yamls.map;
import static io.moldtank.app.deploy.Yamls.maps;
import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.config.Config;
import io.moldtank.app.AppConfig;
import io.moldtank.app.deploy.HelmChart.Rendered;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/helm/moldtank as Helm renders it for the value sets CI checks (.ci/helm.sh lints the same): a Deployment
 * per role or one for all, autoscaling and disruption budgets where they belong, probes on the health endpoints,
 * keys only by reference to an existing Secret, and the configuration the pods get is the one MoldTank reads.
 */
@Timeout(120)
class HelmChartTest {
    private static final String SECRET = "secrets.existingSecret=moldtank-secrets";
    private static final String ESCROW = "chain.escrow=0x00000000000000000000000000000000000e5c20";

    @Test
    void roles_split_into_one_deployment_each_and_only_api_and_workers_autoscale() throws Exception {
        Rendered r = ok(HelmChart.template(SECRET, ESCROW));

        assertThat(r.kind("Deployment")).extracting(d -> at(d, "metadata", "name"))
                .containsExactlyInAnyOrder("moldtank-api", "moldtank-workers", "moldtank-scheduler");
        for (String role : List.of("api", "workers", "scheduler")) {
            Map<String, Object> pod = map(r.named("Deployment", "moldtank-" + role), "spec", "template");
            assertThat(env(pod)).containsEntry("MOLDTANK_ROLES", role).containsEntry("MOLDTANK_PROFILE", "prod");
            assertThat(at(pod, "metadata", "labels", "app.kubernetes.io/component")).isEqualTo(role);
            probesAndHardening(pod);
        }
        assertThat(r.kind("HorizontalPodAutoscaler")).extracting(h -> at(h, "spec", "scaleTargetRef", "name"))
                .containsExactlyInAnyOrder("moldtank-api", "moldtank-workers");
        // An autoscaled Deployment leaves its replica count to the autoscaler; the scheduler's is fixed.
        assertThat(at(r.named("Deployment", "moldtank-api"), "spec", "replicas")).isNull();
        assertThat(at(r.named("Deployment", "moldtank-scheduler"), "spec", "replicas")).isEqualTo(1);
        assertThat(r.kind("PodDisruptionBudget")).extracting(p -> at(p, "spec", "selector", "matchLabels",
                "app.kubernetes.io/component")).containsExactlyInAnyOrder("api", "workers");
        assertThat(at(r.named("Service", "moldtank"), "spec", "selector", "app.kubernetes.io/component")).isEqualTo("api");
        assertThat(r.kind("ServiceMonitor")).isEmpty();
        assertThat(r.kind("Ingress")).isEmpty();
    }

    @Test
    void all_in_one_runs_every_role_in_one_deployment_that_the_service_and_autoscaler_target() throws Exception {
        Rendered r = ok(HelmChart.template(SECRET, ESCROW, "roles.split=false"));

        assertThat(r.kind("Deployment")).singleElement().satisfies(d -> {
            assertThat(at(d, "metadata", "name")).isEqualTo("moldtank");
            assertThat(env(map(d, "spec", "template"))).containsEntry("MOLDTANK_ROLES", "api,workers,scheduler");
            probesAndHardening(map(d, "spec", "template"));
        });
        assertThat(r.kind("HorizontalPodAutoscaler")).extracting(h -> at(h, "spec", "scaleTargetRef", "name"))
                .containsExactly("moldtank");
        assertThat(r.kind("PodDisruptionBudget")).hasSize(1);
        assertThat(at(r.named("Service", "moldtank"), "spec", "selector", "app.kubernetes.io/component")).isEqualTo("all");
    }

    @Test
    void keys_come_only_from_the_existing_secret_and_reach_the_settings_moldtank_reads(@TempDir Path dir) throws Exception {
        Rendered r = ok(HelmChart.template(SECRET, ESCROW, "chain.rpcUrl=https://mainnet.base.org"));
        assertThat(r.kind("Secret")).as("the chart never renders a Secret").isEmpty();

        Map<String, Object> pod = map(r.named("Deployment", "moldtank-workers"), "spec", "template");
        Map<String, String> environment = new HashMap<>(env(pod));
        Map<String, String> secretKeys = new HashMap<>();
        for (Map<String, Object> e : maps(pod, "spec", "containers", 0, "env")) {
            Object ref = at(e, "valueFrom", "secretKeyRef");
            if (ref != null) {
                assertThat(at(ref, "name")).isEqualTo("moldtank-secrets");
                String key = (String) at(ref, "key");
                secretKeys.put(key, (String) e.get("name"));
                environment.put((String) e.get("name"), "value-of-" + key); // as the kubelet would from the Secret
            }
        }
        assertThat(secretKeys).containsKeys("receipts-key", "jwt-key", "challenge-secret", "postgres-password", "qa-key");
        Path file = dir.resolve("moldtank.yaml");
        Files.writeString(file, (String) at(r.named("ConfigMap", "moldtank"), "data", "moldtank.yaml"));
        environment.put("MOLDTANK_CONFIG", file.toString());

        Config config = AppConfig.load(new String[0], environment, new Properties()).get("moldtank");
        Map<String, String> settings = Map.of("receipts-key", "receipts.key", "jwt-key", "http.auth.jwt-key",
                "challenge-secret", "http.auth.challenge-secret", "postgres-password", "storage.postgres.password",
                "qa-key", "chain.qa-key", "payout-key", "chain.payout-key", "treasury-key", "chain.treasury-key",
                "operator-token", "operator.token", "scraper-api-key", "scraper.api-key",
                "moltbook-app-key", "moltbook.app-key");
        settings.forEach((key, setting) ->
                assertThat(config.get(setting).asString().asOptional()).as(setting).contains("value-of-" + key));
        assertThat(config.get("chain.network").asString().get()).isEqualTo("base");
        assertThat(config.get("chain.kind").asString().get()).isEqualTo("web3j");
        assertThat(config.get("http.auth.chain-id").asLong().get()).isEqualTo(8453L);
        assertThat(config.get("storage.kind").asString().get()).isEqualTo("postgres");
        assertThat(config.get("guard.kind").asString().get()).as("nonces shared by every pod").isEqualTo("redis");
        // The Secret's rpc-url (an RPC URL often carries an API key) wins over the value.
        assertThat(config.get("chain.rpc-url").asString().get()).isEqualTo("value-of-rpc-url");

        String values = Files.readString(HelmChart.CHART.resolve("values.yaml"));
        assertThat(values).as("no key in the values file").doesNotContainPattern("[0-9a-fA-F]{64}")
                .contains("existingSecret: \"\"");
    }

    @Test
    void staging_runs_on_base_sepolia_with_a_service_monitor_an_ingress_and_the_socket_on_workers_only() throws Exception {
        Rendered r = ok(HelmChart.template(SECRET, ESCROW, "profile=staging", "serviceMonitor.enabled=true",
                "ingress.enabled=true", "sandbox.hostDockerSocket=true", "sandbox.dockerGroupId=998"));

        assertThat((String) at(r.named("ConfigMap", "moldtank"), "data", "moldtank.yaml"))
                .contains("network: base-sepolia").contains("chain-id: 84532");
        Map<String, Object> monitor = r.named("ServiceMonitor", "moldtank");
        assertThat(maps(monitor, "spec", "endpoints")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("path", "/observe/metrics").containsEntry("port", "http"));
        // It selects the Service that covers every pod, whatever its role.
        Map<String, Object> metrics = r.named("Service", "moldtank-metrics");
        assertThat(map(metrics, "metadata", "labels")).containsAllEntriesOf(
                Yamls.cast(map(monitor, "spec", "selector", "matchLabels")));
        assertThat(map(metrics, "spec", "selector")).doesNotContainKey("app.kubernetes.io/component");
        assertThat(at(r.named("Ingress", "moldtank"), "spec", "rules", 0, "http", "paths", 0, "backend", "service", "name"))
                .isEqualTo("moldtank");
        for (String role : List.of("api", "workers", "scheduler")) {
            Map<String, Object> spec = map(r.named("Deployment", "moldtank-" + role), "spec", "template", "spec");
            boolean socket = maps(spec, "volumes").stream().anyMatch(v -> v.containsKey("hostPath"));
            assertThat(socket).as("Docker socket on %s", role).isEqualTo(role.equals("workers"));
        }
        assertThat(at(r.named("Deployment", "moldtank-workers"), "spec", "template", "spec", "securityContext",
                "supplementalGroups")).isEqualTo(List.of(998));
    }

    @Test
    void values_that_cannot_be_right_are_refused_with_the_reason() throws Exception {
        refused(HelmChart.template(ESCROW), "secrets.existingSecret is required");
        refused(HelmChart.template(SECRET, ESCROW, "chain.network=base-sepolia"), "profile prod runs on Base");
        refused(HelmChart.template(SECRET, ESCROW, "profile=staging", "chain.network=base"),
                "profile staging runs on Base Sepolia");
        refused(HelmChart.template(SECRET, ESCROW, "profile=production"), "/profile");
        refused(HelmChart.template(SECRET), "chain.escrow is required");
        refused(HelmChart.template(SECRET, "chain.escrow=0xe5c20"), "/chain/escrow");
        refused(HelmChart.template(SECRET, ESCROW, "api.replicas=two"), "/api/replicas");
    }

    /** Attacks on the manifest through values: each is refused by the schema or stays one literal string. */
    @Test
    void values_that_would_add_lines_to_a_manifest_are_refused_or_stay_literal(@TempDir Path dir) throws Exception {
        Map<String, String> refusedAt = Map.of(
                "image: {tag: \"1.0\\\"\\n    command: [sh]\"}", "/image/tag",
                "javaOptions: \"-Dx=1\\n        - name: MOLDTANK_OPERATOR_TOKEN\\n          value: planted\"", "/javaOptions",
                "secrets: {existingSecret: \"s\\n      key: other\"}", "/secrets/existingSecret",
                "postgres: {url: \"jdbc:postgresql://db/m\\nmoldtank: {storage: {kind: h2}}\"}", "/postgres/url",
                "ingress: {enabled: true, host: \"a.example\\n    - host: evil.example\"}", "/ingress/host");
        for (var attack : refusedAt.entrySet()) {
            Path values = Files.writeString(dir.resolve("attack.yaml"), attack.getKey());
            refused(HelmChart.template(values, ESCROW), attack.getValue());
        }
        // Free text goes through toYaml: a newline stays inside the value.
        Path values = Files.writeString(dir.resolve("literal.yaml"),
                "podAnnotations: {note: \"x\\n  hostNetwork: true\"}\nextraConfig: {operator: {name: \"ops\\n  token: planted\"}}");
        Rendered r = ok(HelmChart.template(values, SECRET, ESCROW));
        Map<String, Object> pod = map(r.named("Deployment", "moldtank-api"), "spec", "template");
        assertThat(at(pod, "spec", "hostNetwork")).isNull();
        assertThat(at(pod, "metadata", "annotations", "note")).isEqualTo("x\n  hostNetwork: true");
        Map<String, Object> config = Yamls.cast(new org.yaml.snakeyaml.Yaml().load(
                (String) at(r.named("ConfigMap", "moldtank"), "data", "moldtank.yaml")));
        assertThat(at(config, "moldtank", "operator")).isEqualTo(Map.of("name", "ops\n  token: planted"));
    }

    private static Rendered ok(Rendered r) {
        assertThat(r.exit()).as("helm template: %s", r.errors()).isZero();
        return r;
    }

    private static void refused(Rendered r, String reason) {
        assertThat(r.exit()).as("helm template should refuse (%s)", reason).isNotZero();
        assertThat(r.errors()).contains(reason);
        assertThat(r.documents()).isEmpty();
    }

    /** Plain {@code name: value} variables of the pod's container. */
    private static Map<String, String> env(Map<String, Object> pod) {
        Map<String, String> env = new HashMap<>();
        for (Map<String, Object> e : maps(pod, "spec", "containers", 0, "env")) {
            if (e.get("value") instanceof String value) {
                env.put((String) e.get("name"), value);
            }
        }
        return env;
    }

    private static void probesAndHardening(Map<String, Object> pod) {
        Map<String, Object> container = map(pod, "spec", "containers", 0);
        assertThat(at(container, "startupProbe", "httpGet", "path")).isEqualTo("/observe/health/live");
        assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/observe/health/live");
        assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/observe/health/ready");
        assertThat(at(pod, "spec", "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(maps(container, "env")).as("no secret written in the pod spec").allSatisfy(e ->
                assertThat(String.valueOf(e.get("value"))).doesNotContainPattern("[0-9a-fA-F]{64}"));
    }
}
