package org.sessionthreads.conformance.selftest.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One job of a GitHub Actions workflow run on this machine without containers: no runner that executes a workflow
 * without Docker is packaged on the registries this project reaches, so this reads the job's steps and runs its
 * {@code run:} steps in order, each as GitHub's Linux runners do ({@code bash --noprofile --norc -eo pipefail}),
 * with the environment the workflow and the job set. A step after a failed one runs only with {@code if: always()};
 * a step with {@code continue-on-error: true} fails nothing after it; {@code hashFiles('path') != ''} is read as
 * "the file exists in the workspace".
 * {@code ${{ vars.X }}} and {@code ${{ secrets.X }}} in an {@code env:} value come from the context a test hands
 * over, as GitHub fills them from the repository's settings; any other expression, and any expression inside a
 * script, is refused (the workflow hands values to its scripts through the environment only). {@code uses:} steps
 * are not run: they are returned with their inputs, for the test to check what each would act on.
 */
final class WorkflowRun {
    private static final Pattern CONTEXT = Pattern.compile("\\$\\{\\{\\s*(vars|secrets|github)\\.([A-Za-z0-9_]+)\\s*}}");

    /** One step as it went: a script's exit code, or {@code null} when skipped or an action's step. */
    record Step(String name, String uses, Map<String, String> with, Integer exitCode, boolean continueOnError) {
    }

    /** The job as it went: its steps in order and everything its scripts printed. */
    record Result(List<Step> steps, String output) {
        boolean succeeded() {
            return steps.stream().allMatch(s -> s.exitCode() == null || s.exitCode() == 0 || s.continueOnError())
                    && steps.stream().anyMatch(s -> s.exitCode() != null);
        }

        Step action(String prefix) {
            return steps.stream().filter(s -> s.uses() != null && s.uses().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no step uses " + prefix));
        }
    }

    private WorkflowRun() {
    }

    static Result run(Path workflow, String job, Map<String, String> context, Path workspace, Duration limit) {
        return run(workflow, job, context, Map.of(), workspace, limit);
    }

    /**
     * As {@link #run(Path, String, Map, Path, Duration)}, with {@code edits} replacing values of the workflow's own
     * {@code env:}, as a team edits the pinned {@code SUITE_VERSION} to the version it hosts.
     */
    static Result run(Path workflow, String job, Map<String, String> context, Map<String, String> edits,
                      Path workspace, Duration limit) {
        JsonNode root = read(workflow);
        JsonNode jobNode = root.path("jobs").path(job);
        if (jobNode.isMissingNode()) {
            throw new IllegalArgumentException(workflow + " has no job " + job);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.putAll(Map.of("CI", "true", "GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", workspace.toString(),
                "GITHUB_STEP_SUMMARY", workspace.resolveSibling("step-summary.md").toString()));
        env.putAll(environment(root.path("env"), context));
        edits.keySet().forEach(key -> {
            if (!env.containsKey(key)) {
                throw new IllegalArgumentException("the workflow sets no " + key + " to edit");
            }
        });
        env.putAll(edits);
        env.putAll(environment(jobNode.path("env"), context));
        List<Step> steps = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        boolean failed = false;
        int index = 0;
        for (JsonNode step : jobNode.path("steps")) {
            index++;
            String name = step.path("name").asString("step " + index);
            String condition = step.path("if").asString("");
            Matcher files = FILES_CONDITION.matcher(condition);
            boolean filesCondition = files.matches();
            if (!condition.isEmpty() && !condition.equals("always()") && !filesCondition) {
                throw new IllegalArgumentException(name + ": condition " + condition + " is not supported here");
            }
            if (step.has("uses")) {
                steps.add(new Step(name, step.get("uses").asString(), inputs(step.path("with")), null, false));
                continue;
            }
            boolean always = condition.startsWith("always()");
            boolean skipped = (failed && !always)
                    || (filesCondition && !Files.exists(workspace.resolve(files.group(1))));
            if (skipped) {
                steps.add(new Step(name, null, Map.of(), null, false));
                continue;
            }
            String script = step.path("run").asString();
            if (script.contains("${{")) {
                throw new IllegalArgumentException(name + ": an expression inside a script; hand it over in env:");
            }
            Map<String, String> stepEnv = new LinkedHashMap<>(env);
            stepEnv.putAll(environment(step.path("env"), context));
            Processes.Result result = runScript(workspace, index, script, stepEnv, limit);
            output.append("## ").append(name).append(" (exit ").append(result.exitCode()).append(")\n")
                    .append(result.output());
            boolean tolerated = step.path("continue-on-error").asBoolean(false);
            steps.add(new Step(name, null, Map.of(), result.exitCode(), tolerated));
            failed |= result.exitCode() != 0 && !tolerated;
        }
        return new Result(steps, output.toString());
    }

    private static Processes.Result runScript(Path workspace, int index, String script, Map<String, String> env,
                                              Duration limit) {
        Path file = workspace.resolveSibling("step-" + index + ".sh");
        try {
            Files.writeString(file, script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Processes.run(workspace, env, limit,
                List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString()));
    }

    private static Map<String, String> environment(JsonNode env, Map<String, String> context) {
        Map<String, String> values = new LinkedHashMap<>();
        env.properties().forEach(e -> values.put(e.getKey(), fill(e.getValue().asString(), context)));
        return values;
    }

    private static Map<String, String> inputs(JsonNode with) {
        Map<String, String> values = new LinkedHashMap<>();
        with.properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
        return values;
    }

    /** {@code value} with its {@code vars.X}/{@code secrets.X} expressions filled, as GitHub does (unset: empty). */
    /** {@code always() && hashFiles('path') != ''}, or without {@code always() &&}: the step runs when the file is there. */
    private static final Pattern FILES_CONDITION =
            Pattern.compile("(?:always\\(\\) && )?hashFiles\\('([^']+)'\\) != ''");

    static String fill(String value, Map<String, String> context) {
        Matcher m = CONTEXT.matcher(value);
        String filled = m.replaceAll(r -> Matcher.quoteReplacement(
                context.getOrDefault(r.group(1) + "." + r.group(2), "")));
        if (filled.contains("${{")) {
            throw new IllegalArgumentException("only vars.X, secrets.X and github.X expressions are supported here: " + value);
        }
        return filled;
    }

    private static JsonNode read(Path workflow) {
        try {
            return YAMLMapper.builder().build().readTree(Files.readString(workflow));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
