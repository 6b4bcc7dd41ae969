package org.sessionthreads.conformance.selftest.explore;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The exploration campaign in figures: faults killed (and those the mutation campaign lists as survivors, which
 * only exploration kills), false alarms, requests and seconds per target. The kill ratio's denominator leaves out
 * the declared survivors ({@code Fault#knownSurvivor}): faults no part of the suite is expected to kill.
 */
record ExplorationCampaignReport(List<ExplorationOutcome> outcomes, long millis) {
    /** Fault targets that count: every fault target but those of declared survivors. */
    int faults() {
        return (int) outcomes.stream().filter(ExplorationCampaignReport::counted).count();
    }

    int killed() {
        return (int) outcomes.stream().filter(o -> counted(o) && o.killed()).count();
    }

    double killRatio() {
        return faults() == 0 ? 1 : killed() / (double) faults();
    }

    private static boolean counted(ExplorationOutcome o) {
        return o.target().fault().isPresent() && o.target().fault().get().knownSurvivor().isEmpty();
    }

    List<String> falseAlarms() {
        return outcomes.stream().filter(ExplorationOutcome::falseAlarm).map(o -> o.target().label() + " "
                + o.notMet()).toList();
    }

    List<String> longKills() {
        return outcomes.stream().filter(o -> o.longestKill() > 5).map(o -> o.target().label()).toList();
    }

    /** Counted faults exploration did not kill. */
    List<String> survivors() {
        return outcomes.stream().filter(o -> counted(o) && !o.killed())
                .map(o -> o.target().label() + " (failed " + o.notMet() + ", declared "
                        + o.target().fault().get().breaks() + ")").toList();
    }

    /** Faults the mutation campaign lists as survivors (Fault#knownSurvivor) that exploration kills. */
    List<String> onlyExploration() {
        return outcomes.stream().filter(o -> o.killed() && o.target().fault().get().knownSurvivor().isPresent())
                .map(o -> o.target().label()).toList();
    }

    /** Kills of counted faults per dialect, e.g. {@code archive-page 60/64}. */
    String killsPerDialect() {
        return outcomes.stream().filter(ExplorationCampaignReport::counted)
                .collect(Collectors.groupingBy(o -> o.target().dialect().wireName(), java.util.TreeMap::new,
                        Collectors.toList())).entrySet().stream().map(e -> e.getKey() + " "
                        + e.getValue().stream().filter(ExplorationOutcome::killed).count() + "/" + e.getValue().size())
                .collect(Collectors.joining(", "));
    }

    /** One target's line: label, verdict, requests, seconds, the longest killing minimal sequence, failed. */
    static String line(ExplorationOutcome o) {
        return String.format("%-60s %-5s %5d requests %6.1f s steps %d %s", o.target().label(),
                o.target().mustPass() ? (o.falseAlarm() ? "ALARM" : "pass") : o.killed() ? "KILL" : "lives",
                o.explored().requests(), o.millis() / 1000.0, o.longestKill(), o.notMet());
    }

    String text() {
        String perTarget = outcomes.stream().map(o -> "  " + line(o)).collect(Collectors.joining("\n"));
        return "Exploration campaign: " + outcomes.size() + " targets in " + millis / 1000 + " s; " + killed() + " of "
                + faults() + " faults killed (" + Math.round(100 * killRatio()) + "%, declared survivors not counted);"
                + " false alarms "
                + falseAlarms() + "; only exploration kills " + onlyExploration() + "\n  kills per dialect " + killsPerDialect() + "\n  survivors " + survivors()
                + "\n" + perTarget + "\n  requests " + outcomes.stream().mapToInt(o -> o.explored().requests()).sum()
                + " in all";
    }
}
