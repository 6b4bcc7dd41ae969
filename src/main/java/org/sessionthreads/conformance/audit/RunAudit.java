package org.sessionthreads.conformance.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.sessionthreads.conformance.client.ArchiveJournal;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.events.EventHistory;
import org.sessionthreads.conformance.events.EventMatcher;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.waits.Waits;

/**
 * The end-of-run audit: after the last scenario and the settle time ({@code audit.settle}, counted from the run's
 * last archive answer), it re-reads every session the run's fixtures used, each thread through GET and through
 * the list endpoint, and the session's whole event history, and checks the {@link Invariant}s across the run
 * against the {@link ArchiveJournal}. Reading and judging are apart: a {@link SessionReader} reads each session once
 * into an {@link AuditedSession}, then every {@link InvariantJudge} judges it with the journal, without I/O.
 * {@code readers} sessions (by default {@value #READERS}) are read at once. Its cost is bounded: at most
 * {@code audit.max_sessions} sessions (the oldest first; the rest are named in the scope line, not judged) and
 * {@code audit.max_pages} pages per list read; a bound reached on a session's pages is a problem (an ERROR), not a
 * pass.
 *
 * <pre>{@code
 * AuditReport report = new RunAudit(threads, events, waits, profile.audit(), readings).run(fixtures, journal);
 * report.violationsOf(Invariant.ONE_TERMINATED_EVENT);   // ["session sess_…, thread sthr_…: 2 terminated …"]
 * }</pre>
 */
public final class RunAudit {
    /**
     * The event types the invariants read, asked of the list with {@code types} so that a session's unrelated
     * events (however many) are not read: the documented status events (and the undefined {@code blocked} and
     * {@code rescheduling} of api-digest §8.12), the mailbox delivery and the tool results. A target that
     * ignores the filter lists everything (the invariants select by type themselves); one that answers 400 to it is read unfiltered.
     */
    static final Set<String> AUDITED_TYPES = Set.of(EventMatcher.THREAD_STATUS_TERMINATED,
            EventMatcher.THREAD_STATUS_RUNNING, AuditFacts.STATUS_EVENT_PREFIX + "idle",
            AuditFacts.STATUS_EVENT_PREFIX + "blocked", AuditFacts.STATUS_EVENT_PREFIX + "rescheduling",
            EventMatcher.THREAD_MESSAGE_RECEIVED, EventMatcher.TOOL_RESULT);
    /** Sessions read at once: the audit's cost is mostly round trips. */
    static final int READERS = 4;
    private final EventHistory histories;
    private final SessionReader reader;
    private final List<InvariantJudge> judges;
    private final Waits waits;
    private final TargetProfile.Audit settings;
    private final int readers;

    public RunAudit(ThreadsApi threads, EventsApi events, Waits waits, TargetProfile.Audit settings,
                    Readings readings) {
        this(threads, events, waits, settings, readings, READERS);
    }

    /**
     * @param readers sessions read at once (the run passes its {@code concurrency}, at least {@value #READERS}):
     *                the audit is the run's tail, nothing overlaps it, and the client's {@code limits.in_flight}
     *                and {@code limits.rate} still bound what the target sees
     */
    public RunAudit(ThreadsApi threads, EventsApi events, Waits waits, TargetProfile.Audit settings,
                    Readings readings, int readers) {
        this.readers = Math.max(1, readers);
        this.histories = new EventHistory(events, AUDITED_TYPES);
        this.reader = new SessionReader(threads, histories, settings.maxPages());
        this.judges = InvariantJudge.all(readings);
        this.waits = waits;
        this.settings = settings;
    }

    public AuditReport run(List<Fixture> fixtures, ArchiveJournal journal) {
        Instant lastAnswer = journal.lastAnswerAt().orElse(Instant.now());
        // why: with no session to re-read there is nothing late effects could change
        Duration remaining = fixtures.isEmpty() ? Duration.ZERO
                : Duration.between(Instant.now(), lastAnswer.plus(settings.settle()));
        waits.settle("end-of-run audit settling " + settings.settle().toMillis() + " ms after the last archive",
                remaining);
        long start = System.nanoTime();
        Set<String> all = new LinkedHashSet<>();
        fixtures.forEach(f -> all.add(f.sessionId()));
        List<String> sessions = all.stream().limit(settings.maxSessions()).toList();
        List<Future<Findings>> pending = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(readers, task -> {
            Thread daemon = new Thread(task, "end-of-run-audit");
            daemon.setDaemon(true);
            return daemon;
        });
        try {
            for (String sessionId : sessions) {
                Set<String> known = new LinkedHashSet<>();
                fixtures.stream().filter(f -> f.sessionId().equals(sessionId)).forEach(f -> {
                    known.add(f.coordinatorThreadId());
                    known.add(f.threadId());
                });
                known.remove(null);
                pending.add(pool.submit(() -> audit(reader.read(sessionId, known, journal), journal)));
            }
        } finally {
            pool.shutdown();
        }
        // why: merged in session order, so the evidence reads the same whatever thread read which session
        Findings merged = new Findings(List.of(), List.of(), 0, 0, 0);
        for (int i = 0; i < pending.size(); i++) {
            merged = merged.plus(outcome(pending.get(i), sessions.get(i)));
        }
        Map<Invariant, List<String>> violations = new EnumMap<>(Invariant.class);
        merged.violations().forEach(v -> violations.computeIfAbsent(v.invariant(), k -> new ArrayList<>())
                .add(v.evidence()));
        String scope = sessions.size() + " of " + all.size() + " sessions (bound audit.max_sessions "
                + settings.maxSessions() + "), " + merged.threads() + " threads, " + merged.events() + " events, "
                + merged.requests() + " requests, " + journal.entries().size() + " archive answers ("
                + journal.accepted().size() + " accepted); " + (fixtures.isEmpty() ? "no settle: no session to re-read"
                : "settled " + settings.settle().toMillis() + " ms after the last archive answer")
                + "; pages per read at most " + settings.maxPages();
        return new AuditReport(violations, merged.problems(), scope, Duration.ofNanos(System.nanoTime() - start),
                merged.threads());
    }

    /**
     * What plain reads of the audit disagreed with (the event list's types): findings about the target, WARN lines
     * of the run summary, never violations.
     */
    public List<String> findings() {
        return histories.findings();
    }

    /** The session as read, judged by every invariant judge in turn. */
    private Findings audit(SessionReader.Reading reading, ArchiveJournal journal) {
        List<Violation> violations = new ArrayList<>();
        reading.session().ifPresent(session -> {
            AuditFacts facts = new AuditFacts(session, journal.entries());
            judges.forEach(judge -> violations.addAll(judge.judge(facts)));
        });
        return new Findings(violations, reading.problems(), reading.threads(), reading.events(), reading.requests());
    }

    private static Findings outcome(Future<Findings> future, String sessionId) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while auditing session " + sessionId, e);
        } catch (ExecutionException e) {
            return new Findings(List.of(), List.of("session " + sessionId + ": " + e.getCause()), 0, 0, 0);
        }
    }

    /** What the audit of one session (or of several, merged in session order) found. */
    private record Findings(List<Violation> violations, List<String> problems, int threads, int events,
                            int requests) {
        Findings plus(Findings next) {
            List<Violation> allViolations = new ArrayList<>(violations);
            allViolations.addAll(next.violations);
            List<String> allProblems = new ArrayList<>(problems);
            allProblems.addAll(next.problems);
            return new Findings(allViolations, allProblems, threads + next.threads, events + next.events,
                    requests + next.requests);
        }
    }
}
