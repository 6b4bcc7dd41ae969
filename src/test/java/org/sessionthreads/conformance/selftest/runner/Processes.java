package org.sessionthreads.conformance.selftest.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Child processes for the tests of the packaged jar: the runner jar (and Maven) as a separate JVM, exactly as a
 * CI job or a vendor starts them. Output goes to a file so a slow reader never blocks the child.
 */
final class Processes {
    static final String TOKEN = "runner-it-token-7f3a9c1e5b";
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/v1) \\(fixtures at (\\S+)\\)");

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
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code java -jar <runner> args…} with the token in the environment only. */
    static Result runner(Path dir, Duration limit, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", runnerJar().toString()));
        command.addAll(List.of(args));
        return run(dir, Map.of("CONFORMANCE_TOKEN", TOKEN, "CI", "true"), limit, command);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A reference server started with {@code java -jar <runner> serve}, as its own process. */
    static final class Server implements AutoCloseable {
        private final Process process;
        final String apiBase;
        final String fixtures;

        private Server(Process process, String apiBase, String fixtures) {
            this.process = process;
            this.apiBase = apiBase;
            this.fixtures = fixtures;
        }

        static Server start(String... options) {
            List<String> command = new ArrayList<>(List.of(java(), "-jar", runnerJar().toString(), "serve",
                    "--port", "0"));
            command.addAll(List.of(options));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("REFERENCE_SERVER_TOKEN", TOKEN);
            try {
                Process process = builder.start();
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8));
                CompletableFuture<Matcher> listening = CompletableFuture.supplyAsync(() -> {
                    try {
                        for (String line = out.readLine(); line != null; line = out.readLine()) {
                            Matcher m = LISTENING.matcher(line);
                            if (m.find()) {
                                return m;
                            }
                        }
                        return null;
                    } catch (IOException e) {
                        return null;
                    }
                });
                Matcher m = listening.get(60, TimeUnit.SECONDS);
                if (m == null) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the reference server did not start: " + command);
                }
                // why: keep reading so the server never blocks on a full pipe
                CompletableFuture.runAsync(() -> out.lines().forEach(line -> { }));
                return new Server(process, m.group(1), m.group(2));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the reference server: " + e, e);
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
