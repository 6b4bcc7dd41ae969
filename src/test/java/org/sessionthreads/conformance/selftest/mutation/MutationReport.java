package org.sessionthreads.conformance.selftest.mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mutation self-test's findings: the score (faults killed / faults), the false alarms (requirements failed
 * against conformant servers), which faults only one scenario kills, and the left-out check. Written as
 * {@code reports/mutation/mutation-report.md} and {@code mutation-report.json}.
 *
 * @param results  the conformant server, every variation and every fault, in that order
 * @param leftOut  the same faults run again with the scenario of {@code leftOutId} left out
 * @param wallTime of the whole campaign
 */
record MutationReport(List<MutantResult> results, String leftOutId, List<MutantResult> leftOut, Duration wallTime) {
    static final Path DIR = Path.of("reports", "mutation");

    List<MutantResult> faults() {
        return results.stream().filter(r -> !r.mutant().mustPass()).toList();
    }

    List<MutantResult> conformant() {
        return results.stream().filter(r -> r.mutant().mustPass()).toList();
    }

    long killed() {
        return faults().stream().filter(MutantResult::killed).count();
    }

    /** Requirement failures against conformant servers; each one is a false alarm. */
    long falseAlarms() {
        return conformant().stream().mapToLong(r -> r.failed().size()).sum();
    }

    String score() {
        int total = faults().size();
        double percent = total == 0 ? 0.0 : 100.0 * killed() / total;
        return String.format(Locale.ROOT, "%d/%d (%.1f %%)", killed(), total, percent);
    }

    /** For each requirement, the faults that fail it and nothing else: deleting its scenario lets them survive. */
    Map<String, Set<String>> onlyKilledBy() {
        Map<String, Set<String>> sole = new TreeMap<>();
        faults().stream().filter(r -> r.failed().size() == 1).forEach(r ->
                sole.computeIfAbsent(r.failed().iterator().next(), id -> new TreeSet<>()).add(r.mutant().name()));
        return sole;
    }

    /** Faults for which the suite with {@code leftOutId}'s scenario left out failed nothing at all. */
    Set<String> survivorsWithoutScenario() {
        return leftOut.stream().filter(MutantResult::suitePassed).map(r -> r.mutant().name())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Writes both files and returns the Markdown text. */
    String write() {
        return writeAs("mutation-report", "");
    }

    /** Writes {@code <name>.md} and {@code <name>.json} under {@link #DIR}, the Markdown headed by {@code heading}. */
    String writeAs(String name, String heading) {
        String markdown = heading + markdown();
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(name + ".md"), markdown);
            Files.writeString(DIR.resolve(name + ".json"), JsonMapper.builder()
                    .enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(json()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return markdown;
    }

    private String markdown() {
        return header() + faultTable() + conformantTable() + onlyKilledByTable() + leftOutTable();
    }

    private String header() {
        return String.format(Locale.ROOT, "# Mutation score of the conformance suite%n%n"
                        + "Mutation score: **%s** faults killed; known survivors: %d; false alarms: **%d** on %d "
                        + "conformant servers; wall time %.1f s (%d runs, %d at a time).%n%n"
                        + "Profile: profiles/reference.yaml with %s, server options %s.%n",
                score(), knownSurvivors().size(), falseAlarms(), conformant().size(), seconds(wallTime),
                results.size() + leftOut.size(), MutationCampaign.CONCURRENT_RUNS, MutationCampaign.SETTINGS,
                MutationCampaign.SERVER_OPTIONS);
    }

    private String faultTable() {
        return "\n## Faults (must be killed)\n\nA fault runs the scenarios of its declared requirements and the "
                + "audit (`declared`); one they do not kill runs the whole suite (`whole suite`), whose verdict stands."
                + "\n\n| fault | declares | ran | requirements that failed | killed | time |\n"
                + "|---|---|---|---|---|---|\n" + faults().stream().map(r -> String.format(Locale.ROOT,
                        "| %s | %s | %s | %s | %s | %.1f s |%n", r.mutant().name(),
                        String.join(", ", r.mutant().breaks()), scopeText(r), list(r.failed()), killedText(r),
                        seconds(r.wallTime()))).collect(Collectors.joining());
    }

    private String conformantTable() {
        return "\n## Conformant servers (must pass)\n\n| server | requirements that failed (false alarms) | time |\n"
                + "|---|---|---|\n" + conformant().stream().map(r -> String.format(Locale.ROOT,
                        "| %s | %s | %.1f s |%n", r.mutant().name(), list(r.failed()), seconds(r.wallTime())))
                .collect(Collectors.joining());
    }

    private String onlyKilledByTable() {
        return "\n## Faults only one scenario kills\n\nAmong the scenarios each fault ran with, only the requirement's "
                + "failed; deleting that scenario lets these faults survive (checked below for one requirement).\n\n| requirement | faults |\n|---|---|\n" + onlyKilledBy().entrySet().stream()
                .map(e -> "| " + e.getKey() + " | " + list(e.getValue()) + " |\n").collect(Collectors.joining());
    }

    private String leftOutTable() {
        return "\n## Checked: the scenario of " + leftOutId + " left out\n\n"
                + "| fault | requirements that failed | survives |\n|---|---|---|\n" + leftOut.stream()
                .map(r -> "| " + r.mutant().name() + " | " + list(r.failed()) + " | "
                        + (r.suitePassed() ? "yes" : "no") + " |\n").collect(Collectors.joining());
    }

    private Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("score", scoreJson());
        json.put("known_survivors", knownSurvivors());
        json.put("false_alarms", falseAlarms());
        json.put("wall_time_ms", wallTime.toMillis());
        json.put("concurrent_runs", MutationCampaign.CONCURRENT_RUNS);
        json.put("settings", MutationCampaign.SETTINGS);
        json.put("server_options", MutationCampaign.SERVER_OPTIONS);
        json.put("faults", faults().stream().map(MutationReport::row).toList());
        json.put("conformant", conformant().stream().map(MutationReport::row).toList());
        json.put("only_killed_by", onlyKilledBy());
        json.put("left_out", leftOutJson());
        return json;
    }

    private Map<String, Object> scoreJson() {
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("killed", killed());
        score.put("total", faults().size());
        score.put("percent", faults().isEmpty() ? 0.0 : Math.round(1000.0 * killed() / faults().size()) / 10.0);
        return score;
    }

    private Map<String, Object> leftOutJson() {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("requirement", leftOutId);
        check.put("surviving", survivorsWithoutScenario());
        check.put("faults", leftOut.stream().map(MutationReport::row).toList());
        return check;
    }

    private static Map<String, Object> row(MutantResult r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", r.mutant().name());
        if (!r.mutant().mustPass()) {
            row.put("declares", r.mutant().breaks());
            row.put("killed", r.killed());
            row.put("known_survivor", r.mutant().knownSurvivor().orElse(null));
            row.put("ran", scopeText(r));
        }
        row.put("failed", r.failed());
        row.put("scenarios_started", r.started());
        row.put("scenarios_passed", r.succeeded());
        row.put("wall_time_ms", r.wallTime().toMillis());
        return row;
    }

    private static String scopeText(MutantResult r) {
        return r.scope() == MutantResult.Scope.DECLARED ? "declared" : "whole suite";
    }

    private Map<String, String> knownSurvivors() {
        Map<String, String> survivors = new TreeMap<>();
        faults().forEach(r -> r.mutant().knownSurvivor().ifPresent(why -> survivors.put(r.mutant().name(), why)));
        return survivors;
    }

    private static String killedText(MutantResult r) {
        if (r.killed()) {
            return r.mutant().knownSurvivor().isPresent() ? "yes (remove its known-survivor marker)" : "yes";
        }
        return r.mutant().knownSurvivor().map(why -> "no, known survivor: " + why).orElse("**no**");
    }

    private static String list(Set<String> ids) {
        return ids.isEmpty() ? "—" : String.join(", ", ids);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
