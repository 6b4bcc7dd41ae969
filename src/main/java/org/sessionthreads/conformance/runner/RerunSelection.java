package org.sessionthreads.conformance.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.config.ProfileException;
import org.sessionthreads.conformance.report.Verdict;

/**
 * {@code run --rerun-failed DIR}: the requirements an earlier bundle did not pass, read from its
 * {@code summary.json}: those whose verdict is ERROR, FAIL (a SHOULD's WARN included), WAIVED or UNTESTABLE.
 * PASS is kept, and DISABLED is not rerun either: a requirement the profile, the dialect or {@code --only} left out
 * would be left out again. Read before the run's own folder is emptied, so DIR may be the folder the rerun writes.
 */
final class RerunSelection {
    static final Set<Verdict> RERUN = Set.of(Verdict.ERROR, Verdict.FAIL, Verdict.WAIVED, Verdict.UNTESTABLE);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RerunSelection() {
    }

    /**
     * The ids to rerun, in the bundle's order (empty when every requirement there passed or was not run).
     *
     * @throws ProfileException when DIR has no readable summary.json (a usage error)
     */
    static Set<String> notPassed(Path dir) {
        Path file = dir.resolve("summary.json");
        JsonNode summary;
        try {
            summary = JSON.readTree(Files.readString(file));
        } catch (IOException | JacksonException e) {
            throw new ProfileException("--rerun-failed " + dir + ": no readable summary.json there (" + e.getMessage()
                    + "); name the folder of an earlier run's bundle");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode requirement : summary.path("requirements")) {
            String verdict = requirement.path("verdict").asString("");
            if (RERUN.stream().anyMatch(v -> v.name().equals(verdict))) {
                ids.add(requirement.path("id").asString(""));
            }
        }
        return ids;
    }

    /**
     * What the run selects: {@code only} ({@code --only}; empty = everything), narrowed to {@code rerun} when
     * {@code --rerun-failed} is given.
     *
     * @throws ProfileException when {@code --only} selects none of the requirements to rerun
     */
    static Set<String> within(Set<String> only, java.util.Optional<Set<String>> rerun) {
        if (rerun.isEmpty()) {
            return only;
        }
        Set<String> selected = new LinkedHashSet<>(rerun.get());
        if (!only.isEmpty()) {
            selected.retainAll(only);
        }
        if (selected.isEmpty()) {
            throw new ProfileException("--only selects none of the requirements to rerun (" + String.join(", ",
                    rerun.get()) + ")");
        }
        return selected;
    }
}
