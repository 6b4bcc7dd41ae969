package org.sessionthreads.conformance.selftest;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the whole suite through the JUnit launcher, as a real run does (so the summary is written by
 * {@code RequirementLedger}), with a profile file and {@code conformance.*} settings, and keeps what a self-test
 * checks afterwards: the wall time, the summary and the files written.
 *
 * @param elapsed  wall time of the run
 * @param reports  the run's reports directory
 */
record LaunchedRun(Duration elapsed, Path reports) {

    static LaunchedRun run(String profileYaml, Map<String, String> settings, Path workDir) {
        try {
            Path profile = Files.createTempFile(workDir, "profile-", ".yaml");
            Files.writeString(profile, profileYaml);
            Path reports = Files.createTempDirectory(workDir, "reports-");
            LauncherDiscoveryRequestBuilder request = ConcurrentScenarios.request(".*Scenarios")
                    .configurationParameter("conformance.profile", profile.toString())
                    .configurationParameter("conformance.reports_dir", reports.toString())
;
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                if (setting.getKey().equals("token")) { // why: a token is never a parameter; users pass a file
                    Path tokenFile = Files.writeString(Files.createTempFile(workDir, "token-", ""), setting.getValue());
                    request.configurationParameter("conformance.token_file", tokenFile.toString());
                } else {
                    request.configurationParameter("conformance." + setting.getKey(), setting.getValue());
                }
            }
            LauncherDiscoveryRequest built = request.build();
            long start = System.nanoTime();
            LauncherFactory.create().execute(built, new SummaryGeneratingListener());
            return new LaunchedRun(Duration.ofNanos(System.nanoTime() - start), reports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode summary() {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(reports.resolve("summary.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run's own duration, {@code duration_ms} of summary.json. */
    Duration duration() {
        return Duration.ofMillis(summary().path("duration_ms").asLong());
    }

    /** The verdict of requirement {@code id} in summary.json. */
    String verdict(String id) {
        return requirement(id).path("verdict").asString();
    }

    String reason(String id) {
        return requirement(id).path("reason").asString();
    }

    /** Ids of the requirements with {@code verdict} in summary.json. */
    List<String> requirementsWith(String verdict) {
        return stream().filter(r -> r.path("verdict").asString().equals(verdict))
                .map(r -> r.path("id").asString()).toList();
    }

    /** Every scenario reason in summary.json, one per scenario. */
    List<String> scenarioReasons() {
        return stream().flatMap(r -> {
            List<JsonNode> scenarios = r.path("scenarios").valueStream().toList();
            return scenarios.stream();
        }).map(s -> s.path("verdict").asString() + " " + s.path("reason").asString()).toList();
    }

    /** Files under {@code roots} whose bytes contain {@code needle}. */
    static List<Path> filesContaining(String needle, Path... roots) {
        return Stream.of(roots).filter(Files::isDirectory).flatMap(root -> {
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(Files::isRegularFile).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).filter(file -> {
            try {
                return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains(needle);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private JsonNode requirement(String id) {
        return stream().filter(r -> r.path("id").asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in summary.json"));
    }

    private Stream<JsonNode> stream() {
        return summary().path("requirements").valueStream();
    }
}
