package org.sessionthreads.conformance.selftest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.report.BundleManifest;
import org.sessionthreads.conformance.report.ExploreFiles;
import org.sessionthreads.conformance.report.ReportFormats;
import org.sessionthreads.conformance.selftest.Canaries;

/**
 * The packaged runner jar ({@code mvn package}), driven as a separate process against reference servers started in
 * the test's JVM from {@code serve}'s options ({@code serve} itself runs from the jar in {@code DocCommandsRunnerIT}
 * and {@code CiExamplesRunnerIT}): every exit code of docs/runner.md on the case it stands
 * for, each leaving a complete results bundle whose summary.md says in its first line why the code is not 0.
 */
class PackagedJarRunnerIT {
    private static final Duration FULL_RUN = Duration.ofMinutes(6);
    private static final Duration SHORT_RUN = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Processes.Server passing;

    @BeforeAll
    static void startServer() {
        passing = Processes.Server.start();
    }

    @AfterAll
    static void stopServer() {
        if (passing != null) {
            passing.close();
        }
    }

    /**
     * What the packaging must keep working (the listeners, Allure, the bundle, the exit code) needs a few scenarios,
     * one of each kind, not all of them: whole runs of the jar are {@link RealConditionsRunnerIT}'s.
     */
    @Test
    void aConformantTargetExits0WithACompleteBundle() throws IOException {
        Path dir = Processes.workDir("pass");
        List<String> selected = List.of("ARCH-001", "COORD-001", "EVT-001", "MBX-001");
        Processes.Result result = Processes.runner(dir, FULL_RUN, "run", "--target", passing.apiBase,
                "--fixtures", passing.fixtures, "--reports", "reports", "--only", String.join(",", selected));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).as("no notice of JUnit's about its executors").doesNotContain("ForkJoinPool");
        Path reports = dir.resolve("reports");
        assertCompleteBundle(reports, true);
        JsonNode summary = summary(reports);
        assertThat(summary.get("exit_code").asInt()).isZero();
        assertThat(summary.get("gate").asString()).isEqualTo("pass");
        for (String id : selected) {
            assertThat(requirement(summary, id).get("verdict").asString()).as(id).isEqualTo("PASS");
        }
        assertThat(Files.readAllLines(reports.resolve("summary.md")).get(0)).isEqualTo("# Conformance summary");
        assertThat(result.lines()).last().asString().isEqualTo("[runner] exit 0: pass");
        assertThat(result.lines()).as("the path of summary.md before the exit line")
                .contains("[conformance] summary: " + reports.toAbsolutePath().normalize().resolve("summary.md"));
        assertThat(screenLines(result.output(), 120)).as("a passing run fits on one screen:\n" + result.output())
                .isLessThanOrEqualTo(45);
        assertThat(result.output()).as("no colour when the output is not a terminal").doesNotContain("\u001b");
        // Allure's listener survived the shading: one result per scenario invocation
        try (Stream<Path> files = Files.list(reports.resolve("allure-results"))) {
            assertThat(files.filter(f -> f.toString().endsWith("-result.json")).count())
                    .isGreaterThanOrEqualTo(selected.size());
        }
        assertTokenNowhere(dir);
    }

    @Test
    void aFaultExits1AndNamesTheRequirement() throws IOException {
        Path dir = Processes.workDir("fault");
        try (Processes.Server broken = Processes.Server.start("--fault", "MISSING_ARCHIVED_AT")) {
            Processes.Result result = Processes.runner(dir, SHORT_RUN, "run", "--target", broken.apiBase,
                    "--fixtures", broken.fixtures, "--reports", "reports", "--only", "ARCH-003");

            assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
            assertThat(result.lines()).last().asString().startsWith("[runner] exit 1: ").contains("ARCH-003");
            Path reports = dir.resolve("reports");
            assertCompleteBundle(reports, true);
            assertThat(Files.readAllLines(reports.resolve("summary.md")).get(0))
                    .startsWith("**Exit code 1:").contains("ARCH-003");
            JsonNode arch003 = requirement(summary(reports), "ARCH-003");
            assertThat(arch003.get("verdict").asString()).isEqualTo("FAIL");
            assertThat(requirement(summary(reports), "ARCH-001").get("verdict").asString()).isEqualTo("DISABLED");
        }
        assertTokenNowhere(dir);
    }

    /**
     * Results that outlive the run, on a server with a known failure (ARCH-003): the baseline written from its
     * previous run lets {@code gate=new} exit 0 while listing the KNOWN failure; a newly broken requirement (COORD-001,
     * a second fault on another seam) exits 1 marked NEW; {@code compare} of the two bundles names exactly what the
     * second fault broke.
     */
    @Test
    void aBaselineGatesOnlyNewFailuresAndCompareNamesWhatBroke() throws IOException {
        Path dir = Processes.workDir("baseline");
        String only = "ARCH-003,COORD-001";
        try (Processes.Server known = Processes.Server.start("--fault", "MISSING_ARCHIVED_AT");
             Processes.Server worse = Processes.Server.start("--fault", "MISSING_ARCHIVED_AT", "--fault",
                     "COORDINATOR_ARCHIVABLE")) {
            assertThat(Processes.runner(dir, SHORT_RUN, "run", "--target", known.apiBase, "--fixtures",
                    known.fixtures, "--reports", "yesterday", "--only", only).exitCode()).isEqualTo(1);
            Processes.Result written = Processes.runner(dir, SHORT_RUN, "baseline", "write", "yesterday");
            assertThat(written.exitCode()).as(written.output()).isZero();
            Files.writeString(dir.resolve("baseline.json"), written.output());

            Processes.Result today = Processes.runner(dir, SHORT_RUN, "run", "--target", known.apiBase,
                    "--fixtures", known.fixtures, "--reports", "today", "--only", only, "--baseline", "baseline.json",
                    "--set", "gate=new", "--previous", "yesterday");
            Processes.Result broken = Processes.runner(dir, SHORT_RUN, "run", "--target", worse.apiBase,
                    "--fixtures", worse.fixtures, "--reports", "broken", "--only", only, "--baseline",
                    "baseline.json", "--set", "gate=new");
            Processes.Result compared = Processes.runner(dir, SHORT_RUN, "compare", "yesterday", "broken");

            assertThat(today.exitCode()).as(today.output()).isZero();
            assertThat(today.output()).contains("baseline: NEW [], KNOWN [ARCH-003], FIXED []");
            JsonNode todays = summary(dir.resolve("today"));
            assertThat(requirement(todays, "ARCH-003").get("verdict").asString()).isEqualTo("FAIL");
            assertThat(requirement(todays, "ARCH-003").get("comparison").asString()).isEqualTo("KNOWN");
            assertThat(todays.get("baseline").get("known").toString()).isEqualTo("[\"ARCH-003\"]");
            assertThat(Files.readString(dir.resolve("today/summary.md"))).contains("- KNOWN (1): ARCH-003");
            assertThat(broken.exitCode()).as(broken.output()).isEqualTo(1);
            assertThat(broken.lines()).last().asString().contains("COORD-001").doesNotContain("ARCH-003");
            assertThat(requirement(summary(dir.resolve("broken")), "COORD-001").get("comparison").asString())
                    .isEqualTo("NEW");
            assertThat(requirement(summary(dir.resolve("broken")), "ARCH-003").get("comparison").asString())
                    .isEqualTo("KNOWN");
            assertThat(compared.exitCode()).as(compared.output()).isEqualTo(1);
            JsonNode comparison = JSON.readTree(Files.readString(dir.resolve("comparison/comparison.json")));
            assertThat(comparison.get("new").toString()).isEqualTo("[\"COORD-001\"]");
            assertThat(comparison.get("known").toString()).isEqualTo("[\"ARCH-003\"]");
            assertCompleteBundle(dir.resolve("today"), true);
        }
        assertTokenNowhere(dir);
    }

    /**
     * The secret canary of a token read from a file ({@code --token-file}, outside the run's folder): the server
     * echoes every credential it gets into headers and bodies ({@code ECHO_CREDENTIALS}) and is broken so that a
     * scenario fails (failures attach their exchanges); the token and its base64 forms must be in no file of the
     * bundle and not on the console, and the summary names the file as the token's source.
     */
    @Test
    void aTokenFromAFileIsWrittenNowhereEvenWhenTheServerEchoesIt() throws IOException {
        Path dir = Processes.workDir("token-file");
        Path tokenFile = Processes.workDir("token-file-secret").resolve("pat.txt");
        Files.writeString(tokenFile, Processes.TOKEN + "\n");
        try (Processes.Server echoing = Processes.Server.start("--variation", "ECHO_CREDENTIALS",
                "--fault", "WRONG_STOP_REASON")) {
            List<String> command = List.of(Processes.java(), "-jar", Processes.runnerJar().toString(), "run",
                    "--target", echoing.apiBase, "--fixtures", echoing.fixtures, "--reports", "reports",
                    "--token-file", tokenFile.toString(), "--only", "ARCH-001,ARCH-002,AUTH-001,EVT-001");
            Processes.Result result = Processes.run(dir, Map.of("CI", "true"), SHORT_RUN, command);

            assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
            assertThat(requirement(summary(dir.resolve("reports")), "ARCH-002").get("verdict").asString())
                    .isEqualTo("FAIL");
            assertThat(Files.readString(dir.resolve("reports").resolve("summary.json")))
                    .contains("token_file " + tokenFile);
            HarChecks.assertEveryExchangeInTheHar(dir.resolve("reports"), "ARCH-002");
            assertThat(dir.resolve("reports").resolve("repro").resolve("ARCH-002.sh"))
                    .as("a reproduction among the files searched").isRegularFile();
            for (String needle : Canaries.needles(Processes.TOKEN)) {
                assertThat(result.output()).as("console").doesNotContain(needle);
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1))
                                .as("%s (searched for %s)", file, needle).doesNotContain(needle);
                    }
                }
            }
        }
    }

    @Test
    void anUnreachableTargetExits3WithOneLine() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path dir = Processes.workDir("unreachable");
        Processes.Result result = Processes.runner(dir, SHORT_RUN, "run", "--target",
                "http://127.0.0.1:" + port + "/v1", "--reports", "reports");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
        List<String> exitLines = result.lines().stream().filter(l -> l.startsWith("[runner] exit")).toList();
        assertThat(exitLines).singleElement().asString().startsWith("[runner] exit 3: ").contains("unreachable");
        assertThat(result.output()).doesNotContain("\tat ").doesNotContain("Exception in thread");
        Path reports = dir.resolve("reports");
        assertCompleteBundle(reports, false);
        assertThat(Files.readAllLines(reports.resolve("summary.md")).get(0))
                .startsWith("**Exit code 3:").contains("unreachable");
        assertThat(summary(reports).get("exit_code").asInt()).isEqualTo(3);
    }

    @Test
    void aBadOptionOrConfigurationExits2BeforeAnyRequest() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket ignored = listener.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String target = "http://127.0.0.1:" + listener.getLocalPort() + "/v1";
            List<List<String>> badCommandLines = List.of(
                    List.of("run", "--target", target, "--reports", "reports", "--bogus"),
                    List.of("run", "--target", target, "--reports", "reports", "--set", "timeouts.event=soon"),
                    List.of("run", "--target", target, "--reports", "reports", "--only", "NOPE-999"),
                    List.of("run", "--target", target, "--reports", "reports", "--profile", "no-such-profile"),
                    List.of("run", "--target", target, "--reports", "reports", "--token", "s3cr3t-on-the-line"));
            for (List<String> args : badCommandLines) {
                Path dir = Processes.workDir("usage-" + badCommandLines.indexOf(args));
                Processes.Result result = Processes.runner(dir, SHORT_RUN, args.toArray(String[]::new));

                assertThat(result.exitCode()).as(args + "\n" + result.output()).isEqualTo(2);
                assertThat(result.output()).doesNotContain("\tat ");
                Path reports = dir.resolve("reports");
                assertCompleteBundle(reports, false);
                assertThat(Files.readAllLines(reports.resolve("summary.md")).get(0)).startsWith("**Exit code 2:");
                assertThat(summary(reports).get("exit_code").asInt()).isEqualTo(2);
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        assertThat(Files.readString(file)).as(file.toString()).doesNotContain("s3cr3t-on-the-line");
                    }
                }
            }
            Path dir = Processes.workDir("usage-no-token");
            Processes.Result noToken = Processes.run(dir, Map.of("CI", "true"), SHORT_RUN, List.of(Processes.java(),
                    "-jar", Processes.runnerJar().toString(), "run", "--target", target, "--reports", "reports"));
            assertThat(noToken.exitCode()).as("no token\n" + noToken.output()).isEqualTo(2);
            assertThat(Files.readAllLines(dir.resolve("reports").resolve("summary.md")).get(0))
                    .startsWith("**Exit code 2:").contains("no token");
            assertThat(connections.get()).as("connections to the target").isZero();
        }
    }

    @Test
    void aRunInWhichNothingRanExits4() throws IOException {
        Path dir = Processes.workDir("nothing");
        // neutral declares no Idempotency-Key support, so IDEM-001 is disabled: the selection runs nothing
        Processes.Result result = Processes.runner(dir, SHORT_RUN, "run", "--target", passing.apiBase,
                "--fixtures", passing.fixtures, "--reports", "reports", "--only", "IDEM-001");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(4);
        Path reports = dir.resolve("reports");
        assertCompleteBundle(reports, true);
        assertThat(Files.readAllLines(reports.resolve("summary.md")).get(0)).startsWith("**Exit code 4:");
        assertThat(requirement(summary(reports), "IDEM-001").get("verdict").asString()).isEqualTo("DISABLED");
    }

    @Test
    void listShowsTheCatalogueAndWhatAProfileDisables() {
        Path dir = Processes.workDir("list");
        Processes.Result plain = Processes.runner(dir, SHORT_RUN, "list");
        assertThat(plain.exitCode()).as(plain.output()).isZero();
        assertThat(plain.output()).contains("ARCH-001   MUST    Archive returns the archived thread");
        assertThat(plain.lines()).filteredOn(line -> line.matches("[A-Z]+-\\d{3} .*"))
                .as("columns aligned: every title starts where the others do").hasSizeGreaterThan(20)
                .extracting(line -> line.indexOf(line.split("\\s{2,}")[2])).containsOnly(19);

        Processes.Result plan = Processes.runner(dir, SHORT_RUN, "list", "--profile", "neutral", "--target",
                passing.apiBase);
        assertThat(plan.exitCode()).as(plan.output()).isZero();
        assertThat(plan.output()).as("no notice of JUnit's about its executors").doesNotContain("ForkJoinPool");
        assertThat(plan.lines()).anySatisfy(line -> assertThat(line).startsWith("IDEM-001")
                .contains("disabled: capabilities.idempotency_key is not declared"));
        assertThat(plan.lines()).anySatisfy(line -> assertThat(line).startsWith("ARCH-001").contains("[runs]"));
        assertThat(plan.lines()).anySatisfy(line -> assertThat(line).startsWith("LIST-001")
                .contains("[judged by the end-of-run audit]"));
        assertThat(plan.lines()).filteredOn(line -> line.matches("[A-Z]+-\\d{3} .*\\[.*"))
                .as("the plan's states aligned").extracting(line -> line.indexOf("  [")).hasSizeGreaterThan(20)
                .containsOnly(plan.lines().get(1).indexOf("  ["));
    }

    /** {@code discover} as a jar user runs it: the hint names the jar's flag, the ledger goes beside the profile. */
    @Test
    void discoverWritesItsProfileAndLedgerWhereOutputSaysAndNamesTheJarsFlag() {
        Path dir = Processes.workDir("discover");
        Path output = Path.of("found", "starter.yaml");
        Processes.Result result = Processes.runner(dir, SHORT_RUN, "discover", "--target", passing.apiBase,
                "--fixtures", passing.fixtures, "--output", output.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("(run with --profile " + output + ")")
                .doesNotContain("-Dconformance.profile");
        assertThat(dir.resolve(output)).exists();
        assertThat(dir.resolve("found").resolve("fixture-ledger.jsonl")).exists();
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    void versionAndHelpDocumentTheExitCodes() {
        Path dir = Processes.workDir("help");
        Processes.Result version = Processes.runner(dir, SHORT_RUN, "version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.output()).startsWith("thread-archive-conformance " + System.getProperty("suite.version"));
        Processes.Result help = Processes.runner(dir, SHORT_RUN, "run", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("Exit codes:").contains("  0  pass").contains("  1  a MUST")
                .contains("  2  usage").contains("  3  no verdict").contains("  4  nothing ran");
    }

    /** The fat-jar traps of docs/runner.md, checked on the jar `mvn package` built. */
    @Test
    void theRunnerJarAvoidsTheFatJarTraps() throws IOException {
        try (JarFile jar = new JarFile(Processes.runnerJar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("org.sessionthreads.conformance.runner.Main");
            assertThat(jar.getManifest().getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
            String listeners = new String(jar.getInputStream(jar.getEntry(
                    "META-INF/services/org.junit.platform.launcher.TestExecutionListener")).readAllBytes());
            assertThat(listeners).contains("io.qameta.allure.junitplatform.AllureJunitPlatform");
            String sessionListeners = new String(jar.getInputStream(jar.getEntry(
                    "META-INF/services/org.junit.platform.launcher.LauncherSessionListener")).readAllBytes());
            assertThat(sessionListeners).contains("org.sessionthreads.conformance.junit.RunRecordSession");
            String engines = new String(jar.getInputStream(jar.getEntry(
                    "META-INF/services/org.junit.platform.engine.TestEngine")).readAllBytes());
            assertThat(engines).contains("org.junit.jupiter.engine.JupiterTestEngine")
                    .contains("org.junit.platform.suite.engine.SuiteTestEngine");
            List<String> names = jar.stream().map(java.util.zip.ZipEntry::getName).toList();
            assertThat(names).noneMatch(n -> n.endsWith("junit-platform.properties"));
            assertThat(names).noneMatch(n -> n.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"));
            assertThat(names).noneMatch(n -> n.endsWith("module-info.class"));
            assertThat(names).contains("org/sessionthreads/conformance/refserver/ReferenceServer.class",
                    "io/javalin/Javalin.class", "catalogue/requirements.yaml", "profiles/neutral.yaml",
                    "git.properties");
        }
    }

    /** The lines {@code output} takes on a terminal {@code columns} wide: a longer line wraps. */
    static int screenLines(String output, int columns) {
        return output.lines().mapToInt(line -> Math.max(1, (line.length() + columns - 1) / columns)).sum();
    }

    static void assertCompleteBundle(Path reports, boolean ran) throws IOException {
        for (String file : ReportFormats.files()) { // why: explore.md and explore.json only when the run explored
            if (!new ExploreFiles().files().contains(file)) {
                assertThat(reports.resolve(file)).as("bundle file %s", file).exists();
            }
        }
        BundleManifest.Verification manifest = BundleManifest.verify(reports);
        assertThat(manifest.missing()).as("files manifest.json lists that are gone").isEmpty();
        assertThat(manifest.altered()).as("files changed since manifest.json was written").isEmpty();
        JsonNode summary = summary(reports);
        assertThat(summary.get("requirements").size()).as("every catalogue requirement is listed")
                .isEqualTo(RequirementCatalogue.load().entries().size());
        String junit = Files.readString(reports.resolve("junit.xml"));
        assertThat(junit).doesNotContain("<properties>");
        if (ran) {
            assertThat(reports.resolve("allure-results")).isDirectory();
            assertThat(junit).as("junit.xml names test cases by requirement").containsPattern(
                    "<testcase [^>]*name=\"[A-Z]+-\\d{3} ");
        }
    }

    static JsonNode summary(Path reports) throws IOException {
        return JSON.readTree(Files.readString(reports.resolve("summary.json")));
    }

    static JsonNode requirement(JsonNode summary, String id) {
        for (JsonNode node : summary.get("requirements")) {
            if (node.get("id").asString().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no requirement " + id + " in summary.json");
    }

    static void assertTokenNowhere(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(Processes.TOKEN);
            }
        }
    }
}
