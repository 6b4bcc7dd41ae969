package org.sessionthreads.conformance.explore.views;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.sessionthreads.conformance.events.EventMatcher;
import org.sessionthreads.conformance.explore.ArchiveAttempt;

/**
 * The rules of the terminated event, judged on the plain log: one {@code session.thread_status_terminated} with
 * stop_reason archive per accepted archive, in time (EVT-001, EVT-002, EVT-004), none for a refused request
 * (EVT-003), none for a re-archive (REA-002), none for a thread no request named (ISO-001), and nothing of an
 * archived thread after its terminated event (the audit's NothingAfterTerminated: ARCH-004, MBX-001).
 */
final class TerminatedRules {
    static final String TERMINATED = EventMatcher.THREAD_STATUS_TERMINATED;
    private static final String STATUS_PREFIX = "session.thread_status_";

    private TerminatedRules() {
    }

    static void judge(Judging j) {
        SequenceModel model = j.model();
        Set<String> threads = new LinkedHashSet<>(model.named());
        j.log().events().stream().filter(e -> TERMINATED.equals(e.type()) && e.thread() != null)
                .forEach(e -> threads.add(e.thread()));
        for (String thread : threads) {
            List<Seen> terminated = j.of(TERMINATED, thread);
            Optional<ArchiveAttempt> accepted = model.accepted(thread);
            if (accepted.isPresent()) {
                acceptedArchive(j, thread, accepted.get(), terminated);
            } else if (!terminated.isEmpty() && model.refusedOnly(thread)) {
                j.report("EVT-003", "events.terminated.none_for_refused", "no terminated event for a thread every"
                        + " archive of which was refused", j.where(thread) + ": " + Judging.briefs(terminated)
                        + " although every request naming it was refused (" + statuses(model, thread) + ")");
            } else if (!terminated.isEmpty() && !model.isNamed(thread)) {
                unnamed(j, thread, terminated);
            }
            if (!terminated.isEmpty()) {
                nothingAfter(j, thread, terminated.get(0));
            }
        }
    }

    /**
     * A terminated event of a thread no request named: with an accepted archive in the sequence, that archive
     * changed another thread (ISO-001); with none, a refused request changed something, and the requirement is the
     * refusal's (COORD-002 for the coordinator's 409, IDLE-002 for another 409, NF-002 for a 404, AUTH-003 for a
     * 401).
     */
    private static void unnamed(Judging j, String thread, List<Seen> terminated) {
        List<ArchiveAttempt> attempts = j.model().facts().attempts();
        String observed = j.where(thread) + ": " + Judging.briefs(terminated) + " although no request named it";
        if (attempts.stream().anyMatch(ArchiveAttempt::accepted) || attempts.isEmpty()) {
            j.report("ISO-001", "events.terminated.only_named", "a terminated event only for a thread an archive"
                    + " named", observed);
            return;
        }
        for (ArchiveAttempt refused : attempts) {
            String requirement = switch (refused.status()) {
                case 401 -> "AUTH-003";
                case 404 -> "NF-002";
                case 409 -> refused.threadId().equals(j.model().coordinator()) ? "COORD-002" : "IDLE-002";
                default -> null;
            };
            if (requirement != null) {
                j.report(requirement, "events.terminated.refused_changes_nothing", "a refused request ("
                        + refused.status() + " for " + refused.threadId() + ") changes nothing", observed);
                return;
            }
        }
    }

    private static void acceptedArchive(Judging j, String thread, ArchiveAttempt archive, List<Seen> terminated) {
        if (terminated.isEmpty()) {
            if (j.past(archive, j.timeouts().event()) && j.log().complete()) {
                j.report("EVT-001", "events.terminated.emitted", "a terminated event within timeouts.event ("
                        + j.timeouts().event().toMillis() + " ms) of the archive answer", j.where(thread)
                        + ": none listed " + Judging.millisAfter(archive, j.log().endSeenNanos())
                        + " ms after the archive answer (plain read of the event list)");
            }
            return;
        }
        Seen first = terminated.get(0);
        long absentUntil = j.log().absentUntil(first.id());
        long absentMillis = absentUntil == PlainLog.NEVER_ABSENT ? 0 : Judging.millisAfter(archive, absentUntil);
        if (absentMillis > j.timeouts().event().toMillis()) {
            j.report("EVT-001", "events.terminated.emitted", "a terminated event within timeouts.event ("
                    + j.timeouts().event().toMillis() + " ms)", j.where(thread) + ": " + first.brief()
                    + " was still not listed " + absentMillis + " ms after the archive answer");
        } else if (absentMillis > j.timeouts().eventExpected().toMillis()) {
            j.report("EVT-004", "events.terminated.prompt", "the terminated event within timeouts.event_expected ("
                    + j.timeouts().eventExpected().toMillis() + " ms)", j.where(thread) + ": " + first.brief()
                    + " was still not listed " + absentMillis + " ms after the archive answer (LATE)");
        }
        terminated.stream().filter(e -> !"archive".equals(e.stopReason())).findFirst().ifPresent(wrong ->
                j.report("EVT-001", "events.terminated.stop_reason", "stop_reason {\"type\":\"archive\"}",
                        j.where(thread) + ": " + wrong.brief()));
        if (terminated.size() > 1) {
            once(j, thread, terminated);
        }
    }

    /** A second terminated event: a re-archive's when it appeared after a re-archive was sent, else a duplicate. */
    private static void once(Judging j, String thread, List<Seen> terminated) {
        List<ArchiveAttempt> rearchives = j.model().rearchives(thread);
        List<Seen> extra = terminated.subList(1, terminated.size());
        // why: one listed before the first re-archive was sent is the archive's own duplicate
        boolean afterRearchive = !rearchives.isEmpty() && extra.stream()
                .allMatch(e -> j.log().listedAt(e.id()) > rearchives.get(0).sentNanos());
        if (afterRearchive) {
            j.report("REA-002", "events.terminated.none_for_rearchive", "no terminated event for a re-archive",
                    j.where(thread) + ": " + Judging.briefs(terminated) + ", the later listed only after "
                            + rearchives.size() + " re-archive request(s) were sent");
        } else {
            j.report("EVT-002", "events.terminated.once", "exactly one terminated event per archived thread",
                    j.where(thread) + ": " + terminated.size() + " terminated events " + Judging.briefs(terminated));
        }
    }

    private static void nothingAfter(Judging j, String thread, Seen terminated) {
        List<Seen> events = j.log().events();
        List<Seen> after = events.subList(j.log().positionOf(terminated.id()) + 1, events.size()).stream()
                .filter(e -> thread.equals(e.thread())).toList();
        List<Seen> deliveries = after.stream().filter(e -> EventMatcher.THREAD_MESSAGE_RECEIVED.equals(e.type()))
                .toList();
        List<Seen> statuses = after.stream().filter(e -> e.type() != null && e.type().startsWith(STATUS_PREFIX)
                && !TERMINATED.equals(e.type())).toList();
        if (!deliveries.isEmpty()) {
            j.report("MBX-001", "events.nothing_after_terminated.delivery", "no message delivered to a thread after"
                    + " its terminated event", j.where(thread) + ": " + Judging.briefs(deliveries) + " after "
                    + terminated.brief());
        }
        if (!statuses.isEmpty()) {
            j.report("ARCH-004", "events.nothing_after_terminated.status", "no status event after a thread's"
                    + " terminated event", j.where(thread) + ": " + Judging.briefs(statuses) + " after "
                    + terminated.brief());
        }
    }

    private static String statuses(SequenceModel model, String thread) {
        return model.naming(thread).stream().map(a -> String.valueOf(a.status()))
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
