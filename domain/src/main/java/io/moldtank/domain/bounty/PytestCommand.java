package io.moldtank.domain.bounty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The pytest side of a test acceptance: the poster's command read as pytest's arguments (the harness
 * runs pytest itself, so no shell ever sees them), and the tests the acceptance files define, collected
 * once when the bounty is posted so the expected set is fixed before any submission exists.
 */
public final class PytestCommand {

    private static final Pattern PREFIX = Pattern.compile("^\\s*(?:(?:python3?|python3\\.\\d+)\\s+-m\\s+pytest|pytest|py\\.test)(?=\\s|$)");
    private static final Pattern TEST_FILE = Pattern.compile("(?:^|.*/)(?:test_[^/]*|[^/]*_test)\\.py");
    private static final Pattern TOP_TEST = Pattern.compile("^(?:async\\s+)?def\\s+(test\\w*)\\s*\\(");
    private static final Pattern TEST_CLASS = Pattern.compile("^class\\s+(Test\\w*)\\s*[:(]");
    private static final Pattern METHOD = Pattern.compile("^\\s+(?:async\\s+)?def\\s+(test\\w*)\\s*\\(");
    private static final String SHELL = ";|&$`<>(){}\\\n\r*?[]~";

    private PytestCommand() {
    }

    public static boolean looksLikePytest(String command) {
        return command != null && PREFIX.matcher(command).find();
    }

    /** pytest's arguments from {@code pytest -q "a b.py"}: plain words and quotes, no shell syntax. */
    public static List<String> arguments(String command) {
        var m = PREFIX.matcher(command);
        if (!m.find()) {
            throw new IllegalArgumentException("a pytest acceptance command starts with pytest or python3 -m pytest");
        }
        var args = new ArrayList<String>();
        var word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : command.substring(m.end()).toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    args.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (SHELL.indexOf(c) >= 0) {
                throw new IllegalArgumentException("a pytest acceptance command is pytest's arguments, without shell syntax ("
                        + c + "): the harness runs pytest itself");
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed quote in the acceptance command");
        }
        if (inWord) {
            args.add(word.toString());
        }
        return List.copyOf(args);
    }

    /**
     * Test ids pytest would collect with its default naming rules, in file order: top-level
     * {@code def test*} and {@code def test*} methods of top-level {@code class Test*}. A suite that
     * renames them (python_functions, generated tests) declares expectTests instead.
     */
    public static List<String> collect(Map<String, String> files) {
        var ids = new ArrayList<String>();
        for (var file : new TreeMap<>(files).entrySet()) {
            if (!TEST_FILE.matcher(file.getKey()).matches()) {
                continue;
            }
            String testClass = null;
            for (String line : file.getValue().split("\n", -1)) {
                if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")) {
                    testClass = null;
                }
                var top = TOP_TEST.matcher(line);
                var cls = TEST_CLASS.matcher(line);
                var method = METHOD.matcher(line);
                if (top.find()) {
                    add(ids, file.getKey() + "::" + top.group(1));
                } else if (cls.find()) {
                    testClass = cls.group(1);
                } else if (testClass != null && method.find()) {
                    add(ids, file.getKey() + "::" + testClass + "::" + method.group(1));
                }
            }
        }
        return List.copyOf(ids);
    }

    private static void add(List<String> ids, String id) {
        if (!ids.contains(id)) { // a redefinition replaces the first: pytest collects the name once
            ids.add(id);
        }
    }

    /** A reported node id without its parameters: {@code f.py::test_x[1-2]} is an instance of {@code f.py::test_x}. */
    public static String baseId(String nodeId) {
        int bracket = nodeId.indexOf('[');
        return bracket < 0 ? nodeId : nodeId.substring(0, bracket);
    }
}
