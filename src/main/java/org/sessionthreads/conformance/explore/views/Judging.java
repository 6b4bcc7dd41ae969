package org.sessionthreads.conformance.explore.views;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.config.Timeouts;
import org.sessionthreads.conformance.explore.ArchiveAttempt;
import org.sessionthreads.conformance.explore.Violation;

/**
 * What a rule judges from: the sequence's model, the plain log read so far, the profile's timeouts, the moment of
 * judging, and which requirements the run's dialect judges (a requirement its docs leave silent is DISABLED there:
 * its rules report nothing). Collects the violations.
 *
 * @param judged       true for a requirement id the dialect judges
 * @param mailboxDue   true when the sequence has waited past the pending message's delivery time
 */
record Judging(SequenceModel model, PlainLog log, Timeouts timeouts, long nowNanos, Predicate<String> judged,
               boolean mailboxDue, List<Violation> violations) {

    Judging(SequenceModel model, PlainLog log, Timeouts timeouts, long nowNanos, Predicate<String> judged,
            boolean mailboxDue) {
        this(model, log, timeouts, nowNanos, judged, mailboxDue, new ArrayList<>());
    }

    /** Records a violation of {@code requirementId}'s rule, unless the dialect does not judge it. */
    void report(String requirementId, String rule, String allowed, String observed) {
        if (judged.test(requirementId)) {
            violations.add(new Violation(requirementId, rule, allowed, observed, log.evidence()));
        }
    }

    /** True when {@code limit} has passed since {@code attempt} was answered. */
    boolean past(ArchiveAttempt attempt, Duration limit) {
        return nowNanos - attempt.answeredNanos() > limit.toNanos();
    }

    /** The log's events of {@code type} on {@code threadId}, in order. */
    List<Seen> of(String type, String threadId) {
        return log.events().stream().filter(e -> e.is(type, threadId)).toList();
    }

    /** "session sess_…, thread sthr_…" for evidence. */
    String where(String threadId) {
        return "session " + log.sessionId() + ", thread " + threadId;
    }

    static String briefs(List<Seen> events) {
        return events.stream().map(Seen::brief).collect(Collectors.joining("; ", "[", "]"));
    }

    /** Milliseconds from {@code attempt}'s answer to {@code nanos}. */
    static long millisAfter(ArchiveAttempt attempt, long nanos) {
        return Duration.ofNanos(nanos - attempt.answeredNanos()).toMillis();
    }
}
