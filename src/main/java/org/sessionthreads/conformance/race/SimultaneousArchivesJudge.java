package org.sessionthreads.conformance.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.race.RoundProblem.Kind;

/**
 * Judges a round of simultaneous archives of one idle child (CONC-001) on what was recorded: exactly one transition.
 * No 5xx; one 200, and every other answer 200 or what {@code readings.rearchive} allows for an already archived
 * thread; one {@code archived_at} among the 200s; exactly one terminated event; GET afterwards shows it archived.
 * Pure: no I/O, no waiting.
 */
public final class SimultaneousArchivesJudge {
    private final Readings.Rearchive rearchive;
    private final String archivedStatus;

    public SimultaneousArchivesJudge(Readings.Rearchive rearchive, String archivedStatus) {
        this.rearchive = rearchive;
        this.archivedStatus = archivedStatus;
    }

    public JudgedRound judge(SimultaneousRound round) {
        List<Answer> answers = round.answers();
        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Answer::status,
                TreeMap::new, Collectors.counting()));
        List<RoundProblem> problems = new ArrayList<>();
        List<Answer> failed = answers.stream().filter(a -> a.status() >= 500).toList();
        if (!failed.isEmpty()) {
            problems.add(new RoundProblem(Kind.SERVER_ERROR, failed.size() + " answers 5xx: " + summaries(failed)));
        }
        int firstOk = answers.stream().map(Answer::status).toList().indexOf(200);
        int transitions = 0;
        if (firstOk < 0) {
            problems.add(new RoundProblem(Kind.NONE_ACCEPTED, "no archive answered 200"));
        } else {
            List<String> stamps = answers.stream().filter(a -> a.status() == 200)
                    .map(a -> String.valueOf(a.archivedAt())).distinct().toList();
            transitions = stamps.size();
            if (stamps.size() > 1) {
                problems.add(new RoundProblem(Kind.SEVERAL_TRANSITIONS, stamps.size()
                        + " transitions: the 200 answers carry archived_at " + stamps));
            }
            List<Answer> others = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                Answer a = answers.get(i);
                if (i != firstOk && a.status() < 500 && !rearchive.statuses().contains(a.status())) {
                    others.add(a);
                }
            }
            if (!others.isEmpty()) {
                problems.add(new RoundProblem(Kind.ANSWER_NOT_ALLOWED, "answers that readings.rearchive="
                        + rearchive.name().toLowerCase(Locale.ROOT)
                        + " does not allow for an already archived thread: " + summaries(others)));
            }
        }
        round.missingTermination().ifPresent(why -> problems.add(new RoundProblem(Kind.NO_TERMINATED_EVENT, why)));
        StatusAfterwards.check(round.after(), archivedStatus, true).ifPresent(problems::add);
        round.secondTermination().ifPresent(second -> problems.add(new RoundProblem(Kind.SECOND_TERMINATED_EVENT,
                "DUPLICATE: a second terminated event " + second.event() + " arrived " + second.since()
                        + " (via " + second.via() + ")")));
        return new JudgedRound(round.number(), round.thread(), new RoundOutcome.Simultaneous(
                new TreeMap<>(byStatus), transitions, round.secondTermination().isPresent()), problems);
    }

    private static String summaries(List<Answer> answers) {
        return answers.stream().map(Answer::summary).collect(Collectors.joining("; "));
    }
}
