package io.moldtank.app.deploy;

import io.moldtank.ports.testing.RequiredServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/helm/moldtank rendered by the real Helm ({@code helm template}), as parsed YAML documents. Helm is the
 * one .ci/helm.sh installs (cached under ~/.cache/moldtank), else MOLDTANK_HELM, else {@code helm} on the PATH;
 * without it the tests fail in CI and are skipped, loudly, elsewhere.
 */
final class HelmChart {
    static final Path CHART = Path.of(System.getProperty("user.dir")).resolve("../deploy/helm/moldtank").normalize();
    static final String RELEASE = "moldtank";

    /** What {@code helm template} answered: the exit code, its error text, and the documents it printed. */
    record Rendered(int exit, String errors, List<Map<String, Object>> documents) {

        /** Documents of one kind. */
        List<Map<String, Object>> kind(String kind) {
            return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        }

        /** The one document of this kind and name. */
        Map<String, Object> named(String kind, String name) {
            return kind(kind).stream().filter(d -> name.equals(Yamls.at(d, "metadata", "name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered"));
        }
    }

    private HelmChart() {
    }

    /** Renders the chart with these {@code --set} values. */
    static Rendered template(String... sets) throws IOException, InterruptedException {
        return template(null, sets);
    }

    /** Renders the chart with a values file (may be null) and these {@code --set} values. */
    static Rendered template(Path values, String... sets) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(helm(), "template", RELEASE, CHART.toString(), "--namespace", "test"));
        if (values != null) {
            command.addAll(List.of("--values", values.toString()));
        }
        for (String set : sets) {
            command.addAll(List.of("--set", set));
        }
        Path out = Files.createTempFile("helm", ".yaml");
        Path err = Files.createTempFile("helm", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("helm template did not finish within 60 s");
            }
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : new Yaml(new LoaderOptions()).loadAll(Files.readString(out, StandardCharsets.UTF_8))) {
                if (doc instanceof Map<?, ?> map) {
                    docs.add(Yamls.cast(map));
                }
            }
            return new Rendered(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8), docs);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String helm() {
        String named = RequiredServer.env("MOLDTANK_HELM", "");
        if (!named.isEmpty()) {
            if (Files.isExecutable(Path.of(named))) {
                return named;
            }
            throw RequiredServer.unavailable("helm", named + " (MOLDTANK_HELM)", "bash .ci/helm.sh", null);
        }
        Path cached = Path.of(System.getProperty("user.home"), ".cache/moldtank/helm-v4.1.4/helm");
        if (Files.isExecutable(cached)) {
            return cached.toString();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "helm"))) {
                return Path.of(dir, "helm").toString();
            }
        }
        throw RequiredServer.unavailable("helm", cached.toString(), "bash .ci/helm.sh", null);
    }
}
