package org.sessionthreads.conformance.selftest.explore;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The exploration campaign in figures: faults killed (and those the mutation campaign lists as survivors, which
 * only exploration kills), false alarms, requests and seconds per target.
 */
record ExplorationCampaignReport(List<ExplorationOutcome> outcomes, long millis) {
    int faults() {
        return (int) outcomes.stream().filter(o -> o.target().fault().isPresent()).count();
    }

    double killRatio() {
        return faults() == 0 ? 1 : outcomes.stream().filter(ExplorationOutcome::killed).count() / (double) faults();
    }

    List<String> falseAlarms() {
        return outcomes.stream().filter(ExplorationOutcome::falseAlarm).map(o -> o.target().label() + " "
                + o.notMet()).toList();
    }

    List<String> longKills() {
        return outcomes.stream().filter(o -> o.longestKill() > 5).map(o -> o.target().label()).toList();
    }

    List<String> survivors() {
        return outcomes.stream().filter(o -> o.target().fault().isPresent() && !o.killed())
                .map(o -> o.target().label() + " (failed " + o.notMet() + ", declared "
                        + o.target().fault().get().breaks() + ")").toList();
    }

    /** Faults the mutation campaign lists as survivors (Fault#knownSurvivor) that exploration kills. */
    List<String> onlyExploration() {
        return outcomes.stream().filter(o -> o.killed() && o.target().fault().get().knownSurvivor().isPresent())
                .map(o -> o.target().label()).toList();
    }

    String text() {
        long killed = outcomes.stream().filter(ExplorationOutcome::killed).count();
        String perTarget = outcomes.stream().map(o -> String.format("  %-60s %-5s %5d requests %6.1f s %s",
                o.target().label(), o.target().mustPass() ? (o.falseAlarm() ? "ALARM" : "pass")
                        : o.killed() ? "KILL" : "lives", o.explored().requests(), o.millis() / 1000.0,
                o.notMet())).collect(Collectors.joining("\n"));
        return "Exploration campaign: " + outcomes.size() + " targets in " + millis / 1000 + " s; " + killed + " of "
                + faults() + " faults killed (" + Math.round(100 * killRatio()) + "%); false alarms "
                + falseAlarms() + "; only exploration kills " + onlyExploration() + "\n  survivors " + survivors()
                + "\n" + perTarget + "\n  requests " + outcomes.stream().mapToInt(o -> o.explored().requests()).sum()
                + " in all";
    }
}
