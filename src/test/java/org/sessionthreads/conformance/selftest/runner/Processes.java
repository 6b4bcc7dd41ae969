package org.sessionthreads.conformance.selftest.runner;

import org.sessionthreads.conformance.refserver.ReferenceServer;
import org.sessionthreads.conformance.refserver.ServeInThisJvm;
import org.sessionthreads.conformance.selftest.ServerProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Child processes for the tests of the packaged jar: the runner jar (and Maven) as a separate JVM, exactly as a
 * CI job or a vendor starts them. Output goes to a file so a slow reader never blocks the child.
 */
final class Processes {
    static final String TOKEN = "runner-it-token-7f3a9c1e5b";
    private static final Pattern LAUNCHER_NOTE = Pattern.compile("(?m)^NOTE: Picked up JDK_JAVA_OPTIONS: .*\\R");

    private Processes() {
    }

    static Path runnerJar() {
        return existing(System.getProperty("runner.jar"), "runner.jar");
    }

    static Path workDir(String name) {
        Path dir = Path.of(System.getProperty("work.dir", "target/runner-it")).resolve(name).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static Path existing(String value, String property) {
        if (value == null || !Files.exists(Path.of(value))) {
            throw new IllegalStateException("system property " + property + " must name an existing file (set by the"
                    + " runner-jar-tests execution of pom.xml after `package`); got " + value);
        }
        return Path.of(value).toAbsolutePath();
    }

    /** What a finished child did. */
    record Result(int exitCode, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }

    /** Runs {@code command} in {@code dir} with {@code env} added, waiting at most {@code limit}. */
    static Result run(Path dir, Map<String, String> env, Duration limit, List<String> command) {
        Path log = dir.resolve("process-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("CONFORMANCE_TOKEN");
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + limit + "; output:\n"
                        + Files.readString(log));
            }
            return new Result(process.exitValue(), withoutLauncherNote(
                    Files.readString(log, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code output} without the line the java launcher prints when it picks up {@code JDK_JAVA_OPTIONS}: pom.xml
     * sets that variable for the self-test JVMs and so for every JVM they start (the JIT options of
     * {@code selftest.jvm.options}). The line is the harness's, never the product's, so it is not part of what a
     * child printed; a JVM a user starts prints no such line.
     */
    static String withoutLauncherNote(String output) {
        return LAUNCHER_NOTE.matcher(output).replaceAll("");
    }

    /** {@code java -jar <runner> args…} with the token in the environment only. */
    static Result runner(Path dir, Duration limit, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", runnerJar().toString()));
        command.addAll(List.of(args));
        return run(dir, Map.of("CONFORMANCE_TOKEN", TOKEN, "CI", "true"), limit, command);
    }

    /** The Maven that runs this build (maven.home is set by Maven for its forks), else mvn on the PATH. */
    static String mvn() {
        String home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A reference server with the runner tests' token, started from {@code serve}'s options: in this JVM where the
     * server is only the target of what a test checks ({@link #start}), or from the runner jar as its own process
     * where the tests follow a document that starts it so ({@link #fromJar}).
     */
    static final class Server implements AutoCloseable {
        private final AutoCloseable running;
        final String apiBase;
        final String fixtures;

        private Server(AutoCloseable running, String apiBase, String fixtures) {
            this.running = running;
            this.apiBase = apiBase;
            this.fixtures = fixtures;
        }

        /** In this JVM, with {@code serve}'s options parsed as {@code serve} parses them. */
        static Server start(String... options) {
            List<String> args = new ArrayList<>(List.of("--port", "0"));
            args.addAll(List.of(options));
            ReferenceServer server = ServeInThisJvm.start(Map.of("REFERENCE_SERVER_TOKEN", TOKEN), args);
            return new Server(server, server.apiBase().toString(), server.fixturesUrl().toString());
        }

        /** {@code java -jar <runner> serve}, as its own process. */
        static Server fromJar(String... options) {
            List<String> command = new ArrayList<>(List.of(java(), "-jar", runnerJar().toString(), "serve",
                    "--port", "0"));
            command.addAll(List.of(options));
            ServerProcess process = ServerProcess.start(command, Map.of("REFERENCE_SERVER_TOKEN", TOKEN));
            return new Server(process, process.apiBase(), process.fixtures());
        }

        @Override
        public void close() {
            try {
                running.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the reference server at " + apiBase, e);
            }
        }
    }
}
