package org.sessionthreads.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.config.ProfileLoader;
import org.sessionthreads.conformance.config.Secret;
import org.sessionthreads.conformance.config.Target;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.schema.SchemaRegistry;
import org.sessionthreads.conformance.schema.Schemas;

/**
 * Proof that no secret leaks, obtained the way users run the suite: a child {@code mvn verify} (README's command,
 * which runs the suite once) in a copy of the project in a temporary folder, with a unique canary
 * token, against the embedded reference server started with that token, echoing every credential it receives
 * ({@code ECHO_CREDENTIALS}) and broken by two faults so that scenarios FAIL, with the event stream left out so
 * that scenarios are DISABLED (skipped in JUnit terms: the case in which Failsafe writes system properties into
 * its XML). The canary goes in through {@code CONFORMANCE_TOKEN}, as README says to pass it. Every
 * file the child run wrote under {@code reports/} and {@code target/} is searched for the canary and its base64
 * forms, also while the run goes on (Failsafe's temporary files are deleted at its end), and so is the console.
 * One hit fails the build.
 */
class SecretCanaryTest {
    /** Where the project is; the copy is made from here. */
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Duration CHILD_LIMIT = Duration.ofMinutes(6);
    @TempDir
    Path dir;

    /**
     * The token in {@code CONFORMANCE_TOKEN}, as README's command takes it. A token read from {@code token_file}
     * reaches the same redaction once read, and Maven sees only the file's path (which is not a secret), so the
     * file source is proved by running the runner jar with {@code --token-file} against the same echoing, broken
     * server ({@code PackagedJarRunnerIT}), without a second Maven build.
     */
    @Test
    void should_never_write_the_token_passed_in_conformance_token() throws Exception {
        String envCanary = "ct-canary-env-" + UUID.randomUUID();
        Path envCopy = copyProject(dir.resolve("env"), true);

        ChildRun envRun = ChildRun.start(envCopy, Map.of("CONFORMANCE_TOKEN", envCanary), List.of(), envCanary)
                .await();

        assertNoLeak(envRun, envCanary, envCopy);
        assertThat(settingsOf(envCopy)).contains("\"source\" : \"environment variable CONFORMANCE_TOKEN\"");
    }

    @Test
    void should_stop_maven_before_it_writes_anything_when_the_token_is_a_property() throws Exception {
        String canary = "ct-canary-property-" + UUID.randomUUID();
        Path copy = copyProject(dir.resolve("property"), false);

        ChildRun run = ChildRun.start(copy, Map.of(), List.of("-Dconformance.token=" + canary), canary).await();

        assertThat(run.exitCode()).as("exit code of mvn verify -Dconformance.token=…").isNotZero();
        assertThat(run.console()).contains("-Dconformance.token is refused").contains("CONFORMANCE_TOKEN")
                .contains("token_file").doesNotContain(canary);
        assertThat(copy.resolve("target")).as("target/ of a refused build").doesNotExist();
        assertThat(filesUnder(copy.resolve("reports"))).as("files under reports/ of a refused build")
                .allSatisfy(file -> assertThat(file.getFileName().toString()).isEqualTo("README.md"));
    }

    @Test
    void should_start_the_embedded_server_with_the_users_token() throws Exception {
        String canary = "ct-canary-embedded-" + UUID.randomUUID();
        TargetProfile profile = new ProfileLoader(Map.of(), Map.of("CONFORMANCE_TOKEN", canary), Path.of("profiles"))
                .load();

        try (Target target = Target.open(profile)) {
            assertThat(target.token().reveal()).isEqualTo(canary);
            assertThat(status(target, canary)).as("answer to the canary").isNotEqualTo(401);
            assertThat(status(target, "ct-not-the-canary")).as("answer to another token").isEqualTo(401);
        }
    }

    @Test
    void should_find_a_planted_canary_and_its_base64_forms() throws IOException {
        Path planted = dir.resolve("nested").resolve("leak.txt");
        Path encoded = dir.resolve("nested").resolve("basic.txt");
        Files.createDirectories(planted.getParent());
        Files.writeString(planted, "Authorization: Bearer ct-canary-planted");
        String canary = "ct-canary-" + UUID.randomUUID();
        Files.writeString(encoded, "Authorization: Basic "
                + Base64.getEncoder().encodeToString(("user:" + canary).getBytes(StandardCharsets.UTF_8)));

        assertThat(filesContaining(List.of("ct-canary-planted"), dir)).containsExactly(planted);
        assertThat(filesContaining(Canaries.needles(canary), dir)).containsExactly(encoded);
    }

    private static int status(Target target, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.apiBase() + "/sessions/sess_canary/threads"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void assertNoLeak(ChildRun run, String canary, Path copy) throws IOException {
        List<String> needles = Canaries.needles(canary);
        Path reports = copy.resolve("reports");
        assertThat(run.exitCode()).as("exit code of the child mvn verify (scenarios fail by design)").isNotZero();
        assertThat(run.console()).as("console of the child run").contains("[conformance]")
                .contains("Tests run:");
        needles.forEach(needle -> assertThat(run.console()).as("console of the child run").doesNotContain(needle));
        assertThat(run.seenWhileRunning()).as("files under target/ that held the canary while the run went on")
                .isEmpty();
        assertThat(filesContaining(needles, reports, copy.resolve("target"))).as("files containing the canary")
                .isEmpty();
        // why: the reproductions of the failed scenarios were among the files searched, and take the token from
        // the environment
        assertThat(filesUnder(reports.resolve("repro"))).as("repro scripts of the failed scenarios").isNotEmpty()
                .allSatisfy(script -> assertThat(read(script)).contains("$CONFORMANCE_TOKEN"));

        List<Path> junit = filesUnder(reports.resolve("junit")).stream()
                .filter(file -> file.toString().endsWith(".xml")).toList();
        String xml = String.join("\n", junit.stream().map(SecretCanaryTest::read).toList());
        assertThat(xml).as("JUnit XML of the run").contains("<failure").contains("<skipped")
                .doesNotContain("<properties").doesNotContain("<property ").doesNotContain("java.class.path");
        // why: proves the server got the canary and echoed it (header and body), and the reports masked the echo
        assertThat(filesContaining(List.of("x-echoed-authorization: Bearer " + Secret.MASK), reports))
                .as("reports in which the echoed canary was masked (summary.html shows the failures' exchanges)")
                .contains(reports.resolve("summary.html"));
        // why: exchanges.har holds every exchange of the run, the echoes included; it was searched above
        assertThat(Files.readString(reports.resolve("exchanges.har"))).as("exchanges.har")
                .contains("\"x-echoed-authorization\"").contains("echoed_authorization")
                .contains("Bearer " + Secret.MASK);

        String summary = Files.readString(reports.resolve("summary.json"));
        assertThat(SchemaRegistry.shared().validate(Schemas.RUN_SUMMARY, summary)).isEmpty();
        assertThat(RequirementCatalogue.load().entries())
                .allSatisfy(entry -> assertThat(summary).contains("\"id\" : \"" + entry.id() + "\""));
        assertThat(summary).contains("\"gate\" : \"fail\"").contains("\"verdict\" : \"FAIL\"")
                .contains("\"verdict\" : \"DISABLED\"");
        assertThat(Files.readString(reports.resolve("summary.md"))).contains("## Effective settings");
    }

    private static String settingsOf(Path copy) throws IOException {
        return Files.readString(copy.resolve("reports").resolve("summary.json"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // the child run

    /** A finished child {@code mvn} run: its exit code, its console, and the files that held the canary meanwhile. */
    private record ChildRun(int exitCode, String console, Set<Path> seenWhileRunning) {

        /** A child run going on. */
        private record Started(Process process, Thread reader, ByteArrayOutputStream console,
                               ScheduledExecutorService watcher, Set<Path> seen) {
            ChildRun await() throws InterruptedException {
                try {
                    if (!process.waitFor(CHILD_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                        process.destroyForcibly();
                        throw new AssertionError("the child mvn run did not end within " + CHILD_LIMIT);
                    }
                    reader.join(Duration.ofSeconds(30).toMillis());
                } finally {
                    watcher.shutdownNow();
                }
                return new ChildRun(process.exitValue(), console.toString(StandardCharsets.UTF_8), Set.copyOf(seen));
            }
        }

        /**
         * Starts {@code mvn verify} in {@code copy} with the failing and skipping settings, and watches its
         * {@code target/} for the canary while it goes on (Failsafe deletes its temporary files at the end).
         */
        static Started start(Path copy, Map<String, String> environment, List<String> more, String canary)
                throws IOException {
            // why: not offline (-o), so a new machine resolves the plugins the outer build has not used yet
            List<String> command = new ArrayList<>(List.of("mvn", "-B", "verify",
                    "-Dconformance.embedded_options.faults=WRONG_STOP_REASON,CONFLICT_AS_BAD_REQUEST",
                    "-Dconformance.embedded_options.variations=ECHO_CREDENTIALS",
                    "-Dconformance.event_channels=polling", // the SSE invocations are DISABLED (skipped)
                    // why: shorter races and watches; what is judged here is where the token goes, not timing
                    "-Dconformance.race.repetitions=1", "-Dconformance.race.requests=2",
                    "-Dconformance.timeouts.quiet=200ms"));
            command.addAll(more);
            ProcessBuilder builder = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true);
            builder.environment().keySet().removeIf(name -> name.startsWith("CONFORMANCE_")
                    || name.equals("MAVEN_OPTS"));
            builder.environment().putAll(environment);
            Set<Path> seen = ConcurrentHashMap.newKeySet();
            List<String> needles = Canaries.needles(canary);
            ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
            watcher.scheduleWithFixedDelay(() -> seen.addAll(filesContainingQuietly(needles, copy.resolve("target"))),
                    0, 200, TimeUnit.MILLISECONDS);
            Process process = builder.start();
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copyInto(process.getInputStream(), console), "child-mvn-console");
            reader.start();
            return new Started(process, reader, console, watcher, seen);
        }
    }

    private static void copyInto(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of the project's sources (pom, .mvn, profiles, schemas, src); with {@code compiled}, also the outer
     * build's compiled classes with their times, so the child need not compile again. Never target/'s reports.
     */
    private static Path copyProject(Path to, boolean compiled) throws IOException {
        Files.createDirectories(to);
        for (String part : List.of("pom.xml", "README.md", ".mvn", "profiles", "schemas", "src", "reports/README.md")) {
            copyTree(PROJECT.resolve(part), to.resolve(part));
        }
        if (compiled) {
            for (String part : List.of("target/classes", "target/test-classes", "target/maven-status")) {
                copyTree(PROJECT.resolve(part), to.resolve(part));
            }
            // why: the compiler plugin compares these lists of source paths; pointing them at the copy lets the
            // child skip compiling (about 20 s of CPU); a stale list only makes it compile again
            try (Stream<Path> lists = Files.walk(to.resolve("target/maven-status"))) {
                for (Path list : lists.filter(file -> file.toString().endsWith(".lst")).toList()) {
                    Files.writeString(list, Files.readString(list).replace(PROJECT + "/", to.toAbsolutePath() + "/"));
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // no earlier compilation status: the child compiles
            }
        }
        return to;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(directory).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // searching

    private static List<Path> filesUnder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static List<Path> filesContaining(List<String> needles, Path... roots) throws IOException {
        List<Path> hits = new ArrayList<>();
        for (Path root : roots) {
            for (Path file : filesUnder(root)) {
                String text = read(file);
                if (needles.stream().anyMatch(text::contains)) {
                    hits.add(file);
                }
            }
        }
        return hits;
    }

    /**
     * For the watcher: files come and go while the child runs, so one that vanishes is simply skipped. The
     * compiled classes (copied, not written by the run) are not walked.
     */
    private static List<Path> filesContainingQuietly(List<String> needles, Path root) {
        List<Path> hits = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return hits;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    return directory.equals(root.resolve("classes")) || directory.equals(root.resolve("test-classes"))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    try {
                        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                        if (needles.stream().anyMatch(text::contains)) {
                            hits.add(file);
                        }
                    } catch (IOException e) {
                        // gone or still being written: the next round or the final search sees it
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a directory vanished during the walk: the next round walks again
        }
        return hits;
    }

    private static String read(Path file) {
        try {
            // why: ISO-8859-1 maps every byte to one char, so binary files are searched without decoding errors
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
