package org.sessionthreads.conformance.selftest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference server in a process of its own, as a user starts it (from the classpath, or {@code java -jar …
 * serve}): started, read until it says where it listens, drained so it never blocks on a full pipe, stopped.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/v1) \\(fixtures at (\\S+)\\)");

    private final Process process;
    private final String apiBase;
    private final String fixtures;

    private ServerProcess(Process process, String apiBase, String fixtures) {
        this.process = process;
        this.apiBase = apiBase;
        this.fixtures = fixtures;
    }

    /** Starts {@code command} with {@code environment} added and waits (at most 60 s) until it listens. */
    public static ServerProcess start(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the reference server: " + command, e);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Matcher> listening = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        return m;
                    }
                }
            } catch (IOException e) {
                return null;
            }
            return null;
        });
        Matcher m;
        try {
            m = listening.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            m = null;
        }
        if (m == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the reference server did not start listening: " + command);
        }
        CompletableFuture.runAsync(() -> out.lines().forEach(line -> { }));
        return new ServerProcess(process, m.group(1), m.group(2));
    }

    /** The API base URL, e.g. {@code http://127.0.0.1:40231/v1}. */
    public String apiBase() {
        return apiBase;
    }

    public String fixtures() {
        return fixtures;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
