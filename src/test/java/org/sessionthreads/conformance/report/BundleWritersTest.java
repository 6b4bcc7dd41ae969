package org.sessionthreads.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.report.repro.Reproduction;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;

/** The files of the results bundle besides the summary, each written into a fresh folder and read back. */
class BundleWritersTest {
    private static final BuildInfo BUILD = new BuildInfo("1.2.3", "abc123");
    private final RequirementCatalogue catalogue = RequirementCatalogue.load();

    @TempDir
    Path dir;

    @Test
    void should_write_junit_xml_named_after_requirements_with_verdicts_mapped_and_no_properties() throws Exception {
        List<ScenarioOutcome> outcomes = List.of(
                outcome("ARCH-001", "ARCH-001 Archive returns the archived thread", Verdict.PASS, false),
                outcome("NF-001", "NF-001 Unknown ids [UNKNOWN_SESSION_ID]", Verdict.FAIL, true),
                outcome("AUTH-002", "AUTH-002 401 over 404", Verdict.FAIL, false),
                outcome("EVT-001", "EVT-001 One event [via sse]", Verdict.ERROR, true),
                outcome("COORD-001", "COORD-001 Coordinator", Verdict.WAIVED, false),
                outcome("IDLE-001", "IDLE-001 Not idle", Verdict.UNTESTABLE, false),
                outcome("EVT-001", "EVT-001 One event [via polling]", Verdict.DISABLED, false));
        RunSummary summary = summary(outcomes);
        long notRun = catalogue.entries().stream().filter(e -> outcomes.stream()
                .noneMatch(o -> o.requirement().equals(e.id()))).count();

        JUnitXmlWriter.write(summary, dir);
        String text = Files.readString(dir.resolve("junit.xml"));
        Document xml = parse(text);

        NodeList cases = xml.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(outcomes.size() + (int) notRun);
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(outcomes.size() + notRun));
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo(String.valueOf(4 + notRun));
        assertThat(xml.getElementsByTagName("properties").getLength()).isZero();
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(1);
        Element failed = (Element) xml.getElementsByTagName("failure").item(0).getParentNode();
        assertThat(failed.getAttribute("name")).isEqualTo("NF-001 Unknown ids [UNKNOWN_SESSION_ID]");
        assertThat(failed.getAttribute("classname")).isEqualTo("conformance.NF-001");
        assertThat(failed.getAttribute("time")).isEqualTo("0.005");
        assertThat(xml.getElementsByTagName("failure").item(0).getTextContent()).isEqualTo("why it failed\nline 2");
        assertThat(((Element) xml.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .isEqualTo("why it failed");
        assertThat(text).contains("<skipped message=\"WARNING: why it failed\" type=\"WARNING\"")
                .contains("<skipped message=\"WAIVED: why it failed\" type=\"WAIVED\"")
                .contains("<testcase classname=\"conformance.ISO-001\" name=\"ISO-001 "
                        + catalogue.find("ISO-001").orElseThrow().title() + "\" time=\"0.000\">");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertThat(c.getAttribute("name")).startsWith(c.getAttribute("classname").substring("conformance.".length())
                    + " ");
        }
    }

    @Test
    void should_add_a_run_case_for_run_level_problems_and_drop_characters_xml_cannot_hold() throws Exception {
        RunSummary summary = summary(List.of()).withProblem("the run could not start: target \u0001 unreachable");

        JUnitXmlWriter.write(summary, dir);
        Document xml = parse(Files.readString(dir.resolve("junit.xml")));

        Element first = (Element) xml.getElementsByTagName("testcase").item(0);
        assertThat(first.getAttribute("name")).isEqualTo("RUN the run itself");
        assertThat(first.getElementsByTagName("error").item(0).getTextContent())
                .startsWith("the run could not start: target  unreachable");
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(1 + catalogue.entries().size());
        assertThat(((Element) xml.getElementsByTagName("testsuite").item(0)).getAttribute("errors")).isEqualTo("1");
    }

    @Test
    void should_write_a_badge_with_the_verdict_and_the_version() throws Exception {
        Badge.write(summary(List.of(outcome("ARCH-001", "a", Verdict.PASS, false))), BUILD, dir);
        String pass = Files.readString(dir.resolve("badge.svg"));
        Badge.write(summary(List.of(outcome("NF-001", "n", Verdict.FAIL, true))), BUILD, dir);
        String fail = Files.readString(dir.resolve("badge.svg"));
        Badge.write(summary(List.of(outcome("NF-001", "n", Verdict.ERROR, true))), BUILD, dir);
        String error = Files.readString(dir.resolve("badge.svg"));

        assertThat(parse(pass).getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(pass).contains(">pass · index 3% · score 3% · 1.2.3</text>", "fill=\"#4c1\"")
                .doesNotContain("#e05d44");
        assertThat(fail).contains(">fail · index 3% · score 0% · 1.2.3</text>", "fill=\"#e05d44\"");
        assertThat(error).contains(">no verdict · index 0% · score 0% · 1.2.3</text>", "fill=\"#9f9f9f\"");
        assertThat(pass).doesNotContain("http://www.w3.org/1999/xlink", "href");
    }

    @Test
    void should_write_the_allure_environment_and_disjoint_categories() throws Exception {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        environment.put("suite.version", "1.2.3");
        environment.put("profile", "reference (profiles/reference.yaml)");
        environment.put("target.url", "https://[REDACTED]@staging.example/v1");
        environment.put("dialect", "line one\nline two = ü");

        AllureBundle.write(dir, environment);

        Properties read = new Properties();
        read.load(new StringReader(Files.readString(dir.resolve("environment.properties"))));
        assertThat(read).containsExactlyInAnyOrderEntriesOf(environment);
        assertThat(Files.readString(dir.resolve("environment.properties"))).doesNotContain("#");
        JsonNode categories = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("categories.json")));
        assertThat(categories.size()).isEqualTo(6 * catalogue.entries().size() + 1);
        assertThat(categories.valueStream().map(c -> c.path("name").asString()))
                .as("no session, thread or request id in a category's name")
                .allMatch(name -> !name.matches("(?s).*(sess_|sthr_|req|conformance-|[0-9a-f]{8}).*"));
        // status, message (as RequirementLabels leaves it) → the one category it falls into
        List<List<String>> samples = List.of(
                List.of("failed", "COORD-001 (MUST) not met: expected 409 but was 200\n sess_1",
                        "COORD-001 · not met"),
                List.of("failed", "COORD-001 · UNTESTABLE: no fixture (certify mode: …)",
                        "COORD-001 · untestable in certify mode"),
                List.of("broken", "EVT-001 · NullPointerException", "EVT-001 · harness error"),
                List.of("skipped", "IDLE-001 · UNTESTABLE: no fixture", "IDLE-001 · untestable"),
                List.of("skipped", "COORD-001 · WAIVED W-1 (until 2027-01-01): x\ny", "COORD-001 · waived"),
                List.of("skipped", "AUTH-002 · SHOULD not met (AUTH-002): x", "AUTH-002 · SHOULD not met (warning)"),
                List.of("skipped", "EVT-001 · profile 'p' does not offer the sse event channel",
                        AllureCategories.DISABLED),
                List.of("skipped", "profile 'p' does not offer the sse event channel", AllureCategories.DISABLED));
        for (List<String> sample : samples) {
            assertThat(categoriesOf(categories, sample.get(0), sample.get(1))).as(sample.get(1))
                    .containsExactly(sample.get(2));
        }
    }

    @Test
    void should_write_a_manifest_that_verifies_and_fails_when_a_file_is_altered_or_missing() throws Exception {
        Files.writeString(dir.resolve("summary.json"), "{}\n");
        Files.writeString(dir.resolve("summary.md"), "# Conformance summary\n");
        Files.createDirectories(dir.resolve("allure-results"));
        Files.writeString(dir.resolve("allure-results/x-result.json"), "{\"name\":\"x\"}");
        Files.createDirectories(dir.resolve("junit"));
        Files.writeString(dir.resolve("junit/TEST-Suite.xml"), "<testsuite/>");
        Files.createDirectories(dir.resolve("api"));
        Files.writeString(dir.resolve("api/summary.json"), "{}");
        Files.writeString(dir.resolve("fixture-ledger.jsonl"), "{}\n");
        RunSummary summary = new TestFacts().settings(List.of(
                new RunSummary.Setting("profile", "reference (profiles/reference.yaml)", "default"),
                new RunSummary.Setting("token", "(masked)", "environment variable CONFORMANCE_TOKEN")))
                .on(summary(List.of()));

        BundleManifest.write(summary, BUILD, dir);
        JsonNode manifest = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("manifest.json")));

        assertThat(manifest.path("suite").path("version").asString()).isEqualTo("1.2.3");
        assertThat(manifest.path("suite").path("commit").asString()).isEqualTo("abc123");
        assertThat(manifest.path("files").valueStream().map(f -> f.path("path").asString()).toList())
                .containsExactly("allure-results/x-result.json", "summary.json", "summary.md");
        assertThat(manifest.path("files").get(1).path("sha256").asString()).isEqualTo(sha256("{}\n".getBytes()));
        assertThat(manifest.path("files").get(1).path("bytes").asLong()).isEqualTo(3);
        assertThat(manifest.path("profile").path("sha256").asString()).isEqualTo(sha256(
                "profile=reference (profiles/reference.yaml)\ntoken=(masked)\n".getBytes()));
        assertThat(manifest.path("code").path("kind").asString()).isEqualTo("directory");
        assertThat(manifest.path("code").path("name").asString()).isEqualTo("target/classes");
        assertThat(manifest.path("code").path("sha256").asString()).hasSize(64);
        assertThat(BundleManifest.verify(dir).ok()).isTrue();

        Files.writeString(dir.resolve("extra.txt"), "added later");
        assertThat(BundleManifest.verify(dir).ok()).isTrue();
        assertThat(BundleManifest.verify(dir).unlisted()).containsExactly("extra.txt");

        Files.writeString(dir.resolve("summary.md"), "# Conformance summary\n(edited)\n");
        BundleManifest.Verification altered = BundleManifest.verify(dir);
        assertThat(altered.ok()).isFalse();
        assertThat(altered.altered()).containsExactly("summary.md");
        assertThat(altered.missing()).isEmpty();

        Files.delete(dir.resolve("allure-results/x-result.json"));
        assertThat(BundleManifest.verify(dir).missing()).containsExactly("allure-results/x-result.json");
    }

    @Test
    void should_refresh_the_file_list_of_a_manifest_after_a_deliberate_change() throws Exception {
        Files.writeString(dir.resolve("summary.md"), "# Conformance summary\n");
        BundleManifest.write(summary(List.of()), BUILD, dir);
        Files.writeString(dir.resolve("summary.md"), "exit 1: ARCH-001 not met\n# Conformance summary\n");
        assertThat(BundleManifest.verify(dir).altered()).containsExactly("summary.md");

        BundleManifest.refresh(dir);

        assertThat(BundleManifest.verify(dir).ok()).isTrue();
        JsonNode manifest = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("manifest.json")));
        assertThat(manifest.path("suite").path("version").asString()).isEqualTo("1.2.3");
        assertThat(manifest.path("files").size()).isEqualTo(1);
    }

    @Test
    void should_hash_the_jar_a_class_was_loaded_from() throws Exception {
        BundleManifest.Code code = BundleManifest.codeOf(Test.class);
        Path jar = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        assertThat(code.kind()).isEqualTo("jar");
        assertThat(code.name()).isEqualTo(jar.getFileName().toString());
        assertThat(code.sha256()).isEqualTo(sha256(Files.readAllBytes(jar)));
    }

    private static List<String> categoriesOf(JsonNode categories, String status, String message) {
        return categories.valueStream().filter(c -> c.path("matchedStatuses").valueStream()
                        .anyMatch(s -> s.asString().equals(status)))
                .filter(c -> !c.has("messageRegex") || Pattern.compile(c.path("messageRegex").asString(),
                        Pattern.DOTALL).matcher(message).matches())
                .map(c -> c.path("name").asString()).toList();
    }

    private RunSummary summary(List<ScenarioOutcome> outcomes) {
        return RunSummary.of(catalogue, outcomes, new RunSummary.Run("profile 'p'", "target", "http://t/v1",
                Instant.EPOCH, Instant.EPOCH.plusSeconds(2)), 3, 0, RunSummary.Facts.of(""));
    }

    private static ScenarioOutcome outcome(String id, String name, Verdict verdict, boolean blocking) {
        return new ScenarioOutcome(id, name, verdict, blocking, verdict == Verdict.PASS ? "" : "why it failed\nline 2",
                Duration.ofMillis(5), "", List.of(), Reproduction.NONE);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(xml)));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
