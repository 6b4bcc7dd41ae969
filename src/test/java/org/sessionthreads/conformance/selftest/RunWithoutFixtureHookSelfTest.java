package org.sessionthreads.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.refserver.ReferenceServer;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.report.Verdict;
import org.sessionthreads.conformance.runner.Main;

/**
 * The runner's {@code run} command, in this JVM, against conformant targets that offer no fixture hook: the
 * fixture-free requirements are judged, every other one is UNTESTABLE naming each strategy's reason (the audit's
 * "nothing to judge" included), nothing is an ERROR and the exit code is 0; with the public creation API the
 * fixtures come through it; a refused token stops the run before any scenario with one line and exit 3. Every
 * per-scenario console line carries the verdict table's word, and no line names a Java method.
 *
 * <p>The servers are the reference server with {@code fixture_hook: false} and {@code public_api: false}: server
 * options, not {@code Variation}s, since the suite must be configured differently for them (no {@code fixtures}
 * URL, a fixture chain beyond the hook) and cannot pass everything the way a variation must.
 */
class RunWithoutFixtureHookSelfTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "no-hook-selftest-token-5be1c9";
    /** {@code [runner] 3/30 UNTESTABLE ARCH-001 Archive returns the archived thread (0.1s, 00:04 elapsed)}. */
    private static final Pattern SCENARIO_LINE =
            Pattern.compile("^\\[runner] \\d+/\\d+ (\\S+) (.+) \\(\\d+\\.\\ds, \\d\\d:\\d\\d elapsed\\)$");
    /** {@code [conformance]   ARCH-001  MUST   UNTESTABLE UNTESTABLE: no fixture …}. */
    private static final Pattern TABLE_ROW =
            Pattern.compile("^\\[conformance] {3}([A-Z]+-\\d{3}) +(MUST|SHOULD) +(\\S+)(?: .*)?$");

    @TempDir
    Path dir;

    @Test
    void an_embedded_server_without_hook_or_public_api_judges_what_needs_no_fixture_and_exits_0() throws IOException {
        Path profile = profile("extends: reference\nembedded_options:\n  fixture_hook: \"false\"\n"
                + "  public_api: \"false\"\nfixture_strategies: [hook, api, preprovisioned]\n");

        Run run = run("run", "--profile", profile.toString(), "--reports", dir.resolve("a").toString(),
                "--no-progress");

        assertThat(run.code()).as(run.console()).isZero();
        assertEveryUnjudgedRequirementNamesEveryStrategy(run, dir.resolve("a"), "hook: no fixture hook at ");
        assertConsoleTellsOneTruth(run);
    }

    @Test
    void a_remote_target_without_hook_or_public_api_and_no_fixtures_url_exits_0() throws IOException {
        try (ReferenceServer server = ReferenceServer.start(ServerOptions.defaults(TOKEN).withFixtureHook(false)
                .withPublicApi(false))) {
            Run run = run("run", "--target", server.apiBase().toString(), "--token-file", tokenFile().toString(),
                    "--reports", dir.resolve("remote").toString(), "--no-progress");

            assertThat(run.code()).as(run.console()).isZero();
            assertEveryUnjudgedRequirementNamesEveryStrategy(run, dir.resolve("remote"),
                    "hook: no fixture hook configured (setting fixtures)");
            assertThat(run.console()).doesNotContain("check the token");
            assertConsoleTellsOneTruth(run);
        }
    }

    @Test
    void an_embedded_server_without_hook_but_with_the_public_api_judges_through_the_api() throws IOException {
        Run run = run("run", "--profile", "reference-api", "--set", "fixture_strategies=hook,api",
                "--only", "ARCH-001,COORD-001,UNB-001,LIST-001", "--reports", dir.resolve("b").toString(),
                "--no-progress", "--verbose"); // why: a passing scenario gets a line of its own only with --verbose

        assertThat(run.code()).as(run.console()).isZero();
        JsonNode summary = summary(dir.resolve("b"));
        for (String id : List.of("ARCH-001", "COORD-001", "UNB-001", "LIST-001")) {
            assertThat(requirement(summary, id).get("verdict").asString()).as(id).isEqualTo("PASS");
        }
        List<String> provenance = new ArrayList<>();
        for (String id : List.of("ARCH-001", "COORD-001", "UNB-001")) {
            requirement(summary, id).get("scenarios").forEach(s -> {
                if (!s.get("name").asString().contains(" audit: ")) { // why: the audit's checks make no fixture
                    provenance.add(s.get("provenance").asString());
                }
            });
        }
        assertThat(provenance).isNotEmpty().allMatch(p -> p.contains(" from api in "));
        assertConsoleTellsOneTruth(run);
    }

    @Test
    void a_refused_token_stops_the_run_before_any_scenario_with_one_line_and_exit_3() throws IOException {
        try (ReferenceServer server = ReferenceServer.start(ServerOptions.defaults("the-servers-own-token-0a9f")
                .withFixtureHook(false).withPublicApi(false))) {
            Run run = run("run", "--target", server.apiBase().toString(), "--token-file", tokenFile().toString(),
                    "--reports", dir.resolve("c").toString(), "--no-progress");

            assertThat(run.code()).as(run.console()).isEqualTo(3);
            String why = "the run could not start: the target refuses the profile's token (GET " + server.apiBase();
            assertThat(Files.readAllLines(dir.resolve("c").resolve("summary.md")).get(0))
                    .startsWith("**Exit code 3: no verdict possible: " + why).endsWith("): check the token**");
            assertThat(run.lines()).filteredOn(l -> l.contains("run ERROR:")).singleElement().asString()
                    .contains(why);
            assertThat(run.lines()).as("no scenario ran").noneMatch(l -> SCENARIO_LINE.matcher(l).matches());
            assertThat(run.console()).as("not even the audit").doesNotContain("end-of-run audit:");
            JsonNode summary = summary(dir.resolve("c"));
            assertThat(summary.get("problems")).hasSize(1);
            summary.get("requirements").forEach(r -> assertThat(r.get("reason").asString())
                    .as(r.get("id").asString()).isEqualTo("not run"));
            assertThat(run.console()).doesNotContain(TOKEN);
        }
    }

    /**
     * Exit 0 with nothing an ERROR; what was judged passed; every other requirement is UNTESTABLE (or DISABLED by
     * the profile), a fixture-needing one naming every strategy's reason in summary.md, the audit-only one saying
     * it had nothing to judge.
     */
    private static void assertEveryUnjudgedRequirementNamesEveryStrategy(Run run, Path reports, String hookReason)
            throws IOException {
        JsonNode summary = summary(reports);
        assertThat(summary.get("counts").get("ERROR").asInt()).as(run.console()).isZero();
        assertThat(summary.get("counts").get("FAIL").asInt()).isZero();
        assertThat(summary.get("counts").get("PASS").asInt()).as("AUTH-002 needs no fixture").isPositive();
        assertThat(summary.get("problems")).isEmpty();
        String markdown = Files.readString(reports.resolve("summary.md"));
        for (JsonNode requirement : summary.get("requirements")) {
            String verdict = requirement.get("verdict").asString();
            String reason = requirement.get("reason").asString();
            assertThat(verdict).as(requirement.get("id").asString()).isIn("PASS", "UNTESTABLE", "DISABLED");
            if (verdict.equals("UNTESTABLE") && requirement.get("id").asString().equals("LIST-001")) {
                assertThat(reason).startsWith("UNTESTABLE: nothing to judge: ");
            } else if (verdict.equals("UNTESTABLE")) {
                assertThat(reason).as(requirement.get("id").asString())
                        .startsWith("UNTESTABLE: no fixture strategy could provide ")
                        .contains(hookReason, "; api: ", "; preprovisioned: ");
                assertThat(markdown).contains("| UNTESTABLE | " + reason.replace("|", "\\|") + " |");
            }
        }
        assertThat(markdown.lines().findFirst()).contains("# Conformance summary");
        assertThat(run.lines()).last().asString().isEqualTo("[runner] exit 0: pass");
    }

    /**
     * Every per-scenario line is named by a requirement id, and the table's word for a requirement is the worst of
     * its lines' words ({@code ok} is PASS; DISABLED counts only when every line is DISABLED).
     */
    private static void assertConsoleTellsOneTruth(Run run) {
        Map<String, List<String>> linesPerRequirement = new LinkedHashMap<>();
        Map<String, String> table = new LinkedHashMap<>();
        for (String line : run.lines()) {
            Matcher scenario = SCENARIO_LINE.matcher(line);
            if (scenario.matches()) {
                assertThat(scenario.group(2)).as("named by requirement, never by method: " + line)
                        .matches("[A-Z]+-\\d{3} .+");
                linesPerRequirement.computeIfAbsent(scenario.group(2).substring(0, scenario.group(2).indexOf(' ')),
                        k -> new ArrayList<>()).add(scenario.group(1));
            }
            Matcher row = TABLE_ROW.matcher(line);
            if (row.matches()) {
                table.put(row.group(1), row.group(3));
            }
        }
        assertThat(linesPerRequirement).as(run.console()).isNotEmpty();
        linesPerRequirement.forEach((id, words) -> assertThat(verdictOf(table.get(id))).as(id + " " + words)
                .isEqualTo(worst(words)));
    }

    private static Verdict worst(List<String> words) {
        Verdict worst = null;
        for (String word : words) {
            Verdict verdict = verdictOf(word);
            if (verdict != Verdict.DISABLED) {
                worst = worst == null ? verdict : worst.worse(verdict);
            }
        }
        return worst == null ? Verdict.DISABLED : worst;
    }

    private static Verdict verdictOf(String word) {
        return switch (word) {
            case "ok" -> Verdict.PASS;
            case "WARN" -> Verdict.FAIL;
            default -> Verdict.valueOf(word);
        };
    }

    private static JsonNode requirement(JsonNode summary, String id) {
        for (JsonNode requirement : summary.get("requirements")) {
            if (requirement.get("id").asString().equals(id)) {
                return requirement;
            }
        }
        throw new AssertionError(id + " is not in the summary");
    }

    private static JsonNode summary(Path reports) throws IOException {
        return JSON.readTree(Files.readString(reports.resolve("summary.json")));
    }

    private Path profile(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "profile-", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** The token in a file: a token is never a command-line value. */
    private Path tokenFile() throws IOException {
        Path file = dir.resolve("token");
        if (!Files.exists(file)) {
            Files.writeString(file, TOKEN);
        }
        return file;
    }

    /** {@code Main.execute} with this JVM's standard output captured (and still shown). */
    private static Run run(String... args) {
        PrintStream original = System.out;
        String allure = System.getProperty("allure.results.directory");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new TeeStream(captured, original), true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Run(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            if (allure == null) {
                System.clearProperty("allure.results.directory");
            } else {
                System.setProperty("allure.results.directory", allure);
            }
        }
    }

    private record Run(int code, String console) {
        List<String> lines() {
            return console.lines().toList();
        }
    }

    /** Writes to both streams. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream one;
        private final java.io.OutputStream other;

        TeeStream(java.io.OutputStream one, java.io.OutputStream other) {
            this.one = one;
            this.other = other;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            one.write(b);
            other.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            one.write(bytes, offset, length);
            other.write(bytes, offset, length);
        }
    }
}
