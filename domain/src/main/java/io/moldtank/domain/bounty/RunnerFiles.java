package io.moldtank.domain.bounty;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Files a submission to a test-suite bounty may not carry: anything a test runner or interpreter
 * reads as configuration, plugin, start-up hook or cached bytecode. Placed beside the poster's tests
 * such a file decides how the tests are found, run and reported, so it is refused when submitted,
 * before anything is stored. Names are compared case-insensitively (case-insensitive file systems).
 */
public final class RunnerFiles {

    /** Base names refused anywhere in the tree. */
    static final Set<String> NAMES = Set.of(
            // pytest: plugins, ini files and the modules a shadowing copy would replace
            "conftest.py", "pytest.ini", ".pytest.ini", "tox.ini", "setup.cfg", "pyproject.toml", "setup.py",
            "pytest.py", "py.py", "pluggy.py",
            // the interpreter: start-up hooks run before any test
            "sitecustomize.py", "usercustomize.py",
            // JavaScript runners and package managers
            "package.json", ".npmrc", ".mocharc.js", ".mocharc.cjs", ".mocharc.json", ".mocharc.yml", ".mocharc.yaml",
            "jest.config.js", "jest.config.cjs", "jest.config.mjs", "jest.config.ts", "vitest.config.js",
            "vitest.config.ts", "vitest.config.mjs", ".babelrc", "babel.config.js",
            // JVM and Go builds
            "pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "gradle.properties",
            "go.mod", "go.sum", "go.work");

    /** Directories whose contents are refused: caches and package trees that shadow the runner's own. */
    static final Set<String> DIRECTORIES = Set.of("__pycache__", "_pytest", "pluggy", "node_modules", ".pytest_cache",
            ".mvn", ".gradle");

    private RunnerFiles() {
    }

    /**
     * The first refused path of a submission to {@code acceptance} (in path order), with why; empty if
     * every path may be written. Runner configuration is refused even where the allow-list would match it. Rubric bounties run nothing, so nothing is refused for them.
     */
    public static Optional<String> firstRefused(Acceptance acceptance, Set<String> paths) {
        if (!(acceptance instanceof Acceptance.TestSuite suite)) {
            return Optional.empty();
        }
        Set<String> acceptanceDirs = new TreeSet<>();
        acceptanceDirs.add("");
        suite.files().keySet().forEach(p -> acceptanceDirs.add(parent(p)));
        for (String path : new TreeSet<>(paths)) {
            String why = why(path.toLowerCase(Locale.ROOT), acceptanceDirs);
            if (why == null && !suite.allow().isEmpty() && suite.allow().stream().noneMatch(g -> Globs.matches(g, path))) {
                why = "not in this bounty's allow-list " + suite.allow();
            }
            if (why != null) {
                return Optional.of(path + ": " + why);
            }
        }
        return Optional.empty();
    }

    private static String why(String path, Set<String> acceptanceDirs) {
        String[] parts = path.split("/");
        String name = parts[parts.length - 1];
        for (int i = 0; i < parts.length - 1; i++) {
            if (DIRECTORIES.contains(parts[i])) {
                return "files under " + parts[i] + "/ shadow the test runner or its caches";
            }
        }
        if (NAMES.contains(name)) {
            return name + " configures the test runner or the interpreter";
        }
        if (name.endsWith(".pth")) {
            return ".pth files run code when the interpreter starts";
        }
        if (name.endsWith(".pyc") || name.endsWith(".pyo")) {
            return "compiled bytecode would run instead of the source it claims to be";
        }
        if (name.equals("__init__.py") && acceptanceDirs.contains(parent(path))) {
            return "__init__.py in a folder of the acceptance tests changes how they are imported";
        }
        return null;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash).toLowerCase(Locale.ROOT);
    }
}
