package io.moldtank.adapters.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One coding-agent CLI: how to run it headless on a prompt from stdin, and where its answer is in stdout. */
sealed interface CliDialect {

    /** The argument list after the executable. */
    List<String> arguments(LlmValidators.CliSettings settings);

    /** The model's final text out of stdout, or why there is none. */
    ApiDialect.Answer answer(String stdout);

    /** Cost or usage worth keeping with the vote, if stdout says. */
    default String usage(String stdout) {
        return "";
    }

    /**
     * Claude Code in print mode: {@code claude -p --output-format json} prints one result object
     * ({@code type: result}, {@code subtype}, {@code is_error}, {@code result}, {@code total_cost_usd}).
     * Judging needs no tools, so one turn and no tools: a model that reaches for one ends the run
     * without a verdict, which is an error, not a vote.
     */
    record ClaudeCode() implements CliDialect {
        @Override
        public List<String> arguments(LlmValidators.CliSettings s) {
            List<String> args = new ArrayList<>(List.of("-p", "--output-format", "json", "--max-turns", "1",
                    "--disallowedTools", "Bash,Edit,Write,NotebookEdit,WebFetch,WebSearch,Task,Read,Glob,Grep,LS"));
            if (s.model() != null) {
                args.addAll(List.of("--model", s.model()));
            }
            args.addAll(s.extraArgs());
            return args;
        }

        @Override
        public ApiDialect.Answer answer(String stdout) {
            JsonNode result = null;
            for (String line : stdout.split("\n")) { // the result object; tolerate stray lines around it
                JsonNode node = json(line);
                if (node != null && node.path("type").asText().equals("result")) {
                    result = node;
                }
            }
            if (result == null) {
                JsonNode whole = json(stdout);
                result = whole != null && whole.path("type").asText().equals("result") ? whole : null;
            }
            if (result == null) {
                return new ApiDialect.NoText("claude printed no result object");
            }
            String subtype = result.path("subtype").asText("");
            if (result.path("is_error").asBoolean(false) || !subtype.equals("success")) {
                return new ApiDialect.NoText("claude run ended with " + (subtype.isEmpty() ? "an error" : subtype)
                        + ": " + Texts.truncate(result.path("result").asText(""), 300));
            }
            String text = result.path("result").asText("");
            return text.isBlank() ? new ApiDialect.NoText("claude answered with empty text") : new ApiDialect.Text(text);
        }

        @Override
        public String usage(String stdout) {
            for (String line : stdout.split("\n")) {
                JsonNode node = json(line);
                if (node != null && node.has("total_cost_usd")) {
                    return "costUsd=" + node.path("total_cost_usd").asText();
                }
            }
            return "";
        }
    }

    /**
     * Codex CLI: {@code codex exec --json -} reads the prompt from stdin and prints JSONL events; the
     * answer is the last completed agent message ({@code item.type} {@code agent_message}, or
     * {@code item_type} {@code assistant_message} in older releases). {@code turn.failed} and
     * {@code error} events say why there is none. The run is read-only, outside any git repository,
     * and without the shell tool: a judge has nothing to run, and a shell could read the files of
     * the user it runs as and quote them in its reasons.
     */
    record CodexCli() implements CliDialect {
        @Override
        public List<String> arguments(LlmValidators.CliSettings s) {
            List<String> args = new ArrayList<>(List.of("exec", "--json", "--skip-git-repo-check",
                    "--sandbox", "read-only", "-c", "features.shell_tool=false", "-c", "features.unified_exec=false"));
            if (s.model() != null) {
                args.addAll(List.of("--model", s.model()));
            }
            args.addAll(s.extraArgs());
            args.add("-");
            return args;
        }

        @Override
        public ApiDialect.Answer answer(String stdout) {
            String message = null;
            String failure = null;
            for (String line : stdout.split("\n")) {
                JsonNode event = json(line);
                if (event == null) {
                    continue;
                }
                switch (event.path("type").asText("")) {
                    case "item.completed" -> {
                        JsonNode item = event.path("item");
                        String type = item.path("type").asText(item.path("item_type").asText(""));
                        if (type.equals("agent_message") || type.equals("assistant_message")) {
                            message = item.path("text").asText("");
                        }
                    }
                    case "turn.failed" -> failure = event.path("error").path("message").asText("turn failed");
                    case "error" -> failure = failure != null ? failure : event.path("message").asText("error");
                    default -> { }
                }
            }
            if (failure != null) {
                return new ApiDialect.NoText("codex run failed: " + Texts.truncate(failure, 300));
            }
            if (message == null || message.isBlank()) {
                return new ApiDialect.NoText("codex printed no agent message");
            }
            return new ApiDialect.Text(message);
        }

        @Override
        public String usage(String stdout) {
            String usage = "";
            for (String line : stdout.split("\n")) {
                JsonNode event = json(line);
                if (event != null && event.path("type").asText().equals("turn.completed") && event.has("usage")) {
                    usage = "usage=" + event.path("usage");
                }
            }
            return usage;
        }
    }

    private static JsonNode json(String text) {
        String t = text.strip();
        if (!t.startsWith("{")) {
            return null;
        }
        try {
            return ApiDialect.JSON.readTree(t);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
