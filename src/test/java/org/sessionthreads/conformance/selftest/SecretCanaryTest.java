package org.sessionthreads.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.schema.SchemaRegistry;
import org.sessionthreads.conformance.schema.Schemas;

/**
 * Proof that no secret leaks: the whole suite runs through the JUnit launcher (so Allure, the summary and a JUnit
 * XML report are written as in a real run) with a unique canary token that the reference server also echoes in a
 * response header and body; then every file under the run's reports directory and under target/, and the console
 * output, is searched for the canary. One hit fails the build.
 */
class SecretCanaryTest {
    @TempDir
    Path dir;

    @Test
    void should_never_write_the_token_anywhere() throws IOException {
        String canary = "ct-canary-" + UUID.randomUUID();
        Path reports = dir.resolve("reports");
        String console = runSuite(canary, reports);

        assertThat(console).as("console output of the run").doesNotContain(canary).contains("[conformance]");
        assertThat(filesUnder(reports)).as("files the run wrote").isNotEmpty();
        assertThat(filesContaining(canary, reports, Path.of("target"))).as("files containing the canary").isEmpty();
    }

    @Test
    void should_write_a_summary_that_conforms_to_its_schema_and_lists_every_requirement() throws IOException {
        Path reports = dir.resolve("reports");
        runSuite("ct-summary-" + UUID.randomUUID(), reports);

        String summary = Files.readString(reports.resolve("summary.json"));

        assertThat(SchemaRegistry.shared().validate(Schemas.RUN_SUMMARY, summary)).isEmpty();
        assertThat(RequirementCatalogue.load().entries())
                .allSatisfy(entry -> assertThat(summary).contains("\"id\" : \"" + entry.id() + "\""));
        assertThat(summary).contains("\"gate\" : \"pass\"");
    }

    @Test
    void should_find_a_planted_canary() throws IOException {
        Path planted = dir.resolve("nested").resolve("leak.txt");
        Files.createDirectories(planted.getParent());
        Files.writeString(planted, "Authorization: Bearer ct-canary-planted");

        assertThat(filesContaining("ct-canary-planted", dir)).containsExactly(planted);
    }

    private String runSuite(String canary, Path reports) throws IOException {
        Path profile = dir.resolve("canary.yaml");
        Files.writeString(profile, "embedded: reference\nembedded_options:\n  variations: ECHO_CREDENTIALS\n");
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("org.sessionthreads.conformance.scenarios"))
                .filters(includeClassNamePatterns(".*Scenarios"))
                .configurationParameter("conformance.token", canary)
                .configurationParameter("conformance.reports_dir", reports.toString())
                .configurationParameter("conformance.profile", profile.toString())
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (PrintStream tee = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            System.setOut(tee);
            System.setErr(tee);
            LauncherFactory.create().execute(request, summary,
                    new LegacyXmlReportGeneratingListener(reports.resolve("junit"), new PrintWriter(tee)));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(summary.getSummary().getTestsSucceededCount()).as("scenarios that passed in the canary run")
                .isGreaterThan(20);
        return console.toString(StandardCharsets.UTF_8);
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static List<Path> filesContaining(String needle, Path... roots) throws IOException {
        return Stream.of(roots).filter(Files::isDirectory).flatMap(root -> {
            try {
                return filesUnder(root).stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).filter(file -> contains(file, needle)).toList();
    }

    private static boolean contains(Path file, String needle) {
        try {
            // why: ISO-8859-1 maps every byte to one char, so binary files are searched without decoding errors
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(needle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
