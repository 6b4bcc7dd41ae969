package org.sessionthreads.conformance.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.ArchiveJournal;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.SessionThread;
import org.sessionthreads.conformance.client.ThreadList;
import org.sessionthreads.conformance.client.ThreadRef;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.events.EventHistory;
import org.sessionthreads.conformance.events.EventMatcher;
import org.sessionthreads.conformance.waits.Waits;
import org.sessionthreads.conformance.fixture.Fixture;

/**
 * The end-of-run audit: after the last scenario and the settle time ({@code audit.settle}, counted from the run's
 * last archive answer), it re-reads every session the run's fixtures used, each thread through GET and through
 * the list endpoint, and the session's whole event history, and checks the {@link Invariant}s across the run
 * against the {@link ArchiveJournal}. {@code readers} sessions (by default {@value #READERS}) are read at once. Its cost is bounded: at most {@code audit.max_sessions} sessions (the oldest
 * first; the rest are named in the scope line, not judged) and {@code audit.max_pages} pages per list read; a
 * bound reached on a session's pages is a problem (an ERROR), not a pass.
 *
 * <pre>{@code
 * AuditReport report = new RunAudit(threads, events, waits, profile.audit(), readings).run(fixtures, journal);
 * report.violationsOf(Invariant.ONE_TERMINATED_EVENT);   // ["session sess_…, thread sthr_…: 2 terminated …"]
 * }</pre>
 */
public final class RunAudit {
    private static final String STATUS_EVENT_PREFIX = "session.thread_status_";
    /**
     * The event types the invariants read, asked of the list with {@code types} so that a session's unrelated
     * events (however many) are not read: the documented status events (and the undefined {@code blocked} and
     * {@code rescheduling} of api-digest §8.12), the mailbox delivery and the tool results. A target that ignores the filter lists
     * everything (the invariants select by type themselves); one that answers 400 to it is read unfiltered.
     */
    static final Set<String> AUDITED_TYPES = Set.of(EventMatcher.THREAD_STATUS_TERMINATED,
            EventMatcher.THREAD_STATUS_RUNNING, STATUS_EVENT_PREFIX + "idle", STATUS_EVENT_PREFIX + "blocked",
            STATUS_EVENT_PREFIX + "rescheduling", EventMatcher.THREAD_MESSAGE_RECEIVED, EventMatcher.TOOL_RESULT);
    /** Sessions read at once: the audit's cost is mostly round trips. */
    static final int READERS = 4;
    private final ThreadsApi threads;
    private final EventHistory histories;
    private final Waits waits;
    private final TargetProfile.Audit settings;
    private final Readings readings;
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
        this.threads = threads;
        this.histories = new EventHistory(events, AUDITED_TYPES);
        this.waits = waits;
        this.settings = settings;
        this.readings = readings;
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
            Thread reader = new Thread(task, "end-of-run-audit");
            reader.setDaemon(true);
            return reader;
        });
        try {
            for (String sessionId : sessions) {
                Set<String> known = new LinkedHashSet<>();
                fixtures.stream().filter(f -> f.sessionId().equals(sessionId)).forEach(f -> {
                    known.add(f.coordinatorThreadId());
                    known.add(f.threadId());
                });
                known.remove(null);
                pending.add(pool.submit(() -> {
                    Findings findings = new Findings();
                    audit(sessionId, known, journal, findings.violations, findings.problems, findings.counts);
                    return findings;
                }));
            }
        } finally {
            pool.shutdown();
        }
        // why: merged in session order, so the evidence reads the same whatever thread read which session
        Map<Invariant, List<String>> violations = new EnumMap<>(Invariant.class);
        List<String> problems = new ArrayList<>();
        Counts counts = new Counts();
        for (int i = 0; i < pending.size(); i++) {
            Findings findings = outcome(pending.get(i), sessions.get(i));
            findings.violations.forEach((k, v) -> violations.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            problems.addAll(findings.problems);
            counts.threads += findings.counts.threads;
            counts.events += findings.counts.events;
            counts.requests += findings.counts.requests;
        }
        String scope = sessions.size() + " of " + all.size() + " sessions (bound audit.max_sessions "
                + settings.maxSessions() + "), " + counts.threads + " threads, " + counts.events + " events, "
                + counts.requests + " requests, " + journal.entries().size() + " archive answers ("
                + journal.accepted().size() + " accepted); " + (fixtures.isEmpty() ? "no settle: no session to re-read"
                : "settled " + settings.settle().toMillis() + " ms after the last archive answer")
                + "; pages per read at most " + settings.maxPages();
        return new AuditReport(violations, problems, scope, Duration.ofNanos(System.nanoTime() - start),
                counts.threads);
    }

    private void audit(String sessionId, Set<String> known, ArchiveJournal journal,
                       Map<Invariant, List<String>> violations, List<String> problems, Counts counts) {
        ThreadList listed = threads.list(sessionId, settings.maxPages());
        counts.requests += listed.pages();
        if (!listed.complete()) {
            problems.add("session " + sessionId + ": the thread list could not be read: " + listed.problem().get());
            return;
        }
        Set<String> ids = new LinkedHashSet<>(known);
        listed.threads().forEach(t -> ids.add(t.id()));
        List<Event> history = history(sessionId, ids, journal, problems, counts);
        if (history == null) {
            return;
        }
        counts.threads += ids.size();
        counts.events += history.size();
        checkToolResults(sessionId, history, violations);
        checkNewestFirst(sessionId, violations, counts);
        for (String threadId : ids) {
            ApiResponse got = threads.get(new ThreadRef(sessionId, threadId));
            counts.requests++;
            if (got.status() != 200) {
                problems.add("session " + sessionId + ", thread " + threadId + ": GET answered " + got);
                continue;
            }
            SessionThread viaGet = got.thread();
            SessionThread viaList = listed.find(threadId).orElse(null);
            checkListAgrees(sessionId, threadId, viaGet, viaList, got, violations, counts);
            checkThread(sessionId, viaGet, history, journal, violations);
        }
    }

    /**
     * At most one agent.tool_result per tool call ({@link Invariant#ONE_RESULT_PER_TOOL_CALL}): the page sends
     * "Agent cancelled." only "if the coordinator is waiting for this thread's result", so a call that already
     * has its result never gets another. Results without a {@code tool_use_id} are not counted.
     */
    private void checkToolResults(String sessionId, List<Event> history, Map<Invariant, List<String>> violations) {
        repeated(history, e -> EventMatcher.TOOL_RESULT.equals(e.type()) ? e.toolUseId() : null).forEach(
                (call, results) -> add(violations, Invariant.ONE_RESULT_PER_TOOL_CALL, "session " + sessionId
                        + ", tool call " + call + ": " + results.size() + " tool results (" + results.stream()
                        .map(Event::brief).collect(Collectors.joining("; ")) + ")"));
    }

    /**
     * The terminated event once also when the list is read newest first ({@link Invariant#ONE_TERMINATED_EVENT}):
     * one page with {@code order=desc}, the way the suite's cursors look for their starting mark, must not list a
     * thread's terminated event twice. A target that refuses the parameter (any answer but 200 with a list) or lists
     * more than a page is not judged here, and once it answered 400 the later sessions are not asked; one that
     * ignores it is judged on its page all the same.
     */
    private void checkNewestFirst(String sessionId, Map<Invariant, List<String>> violations, Counts counts) {
        Optional<ApiResponse> answered = histories.newestPage(sessionId);
        if (answered.isEmpty()) {
            return;
        }
        ApiResponse page = answered.get();
        counts.requests++;
        if (page.status() != 200 || !page.json().path("data").isArray()) {
            return;
        }
        repeated(page.events(), e -> EventMatcher.THREAD_STATUS_TERMINATED.equals(e.type()) ? e.sessionThreadId()
                : null).forEach((thread, listed) -> add(violations, Invariant.ONE_TERMINATED_EVENT, "session "
                + sessionId + ", thread " + thread + ": its terminated event is listed " + listed.size()
                + " times in the newest-first page (" + page.exchange().summary() + ")"));
    }

    /**
     * The events that share a key with another, grouped by key in order of first appearance; events whose key is
     * null are not counted.
     */
    private static Map<String, List<Event>> repeated(List<Event> events, Function<Event, String> key) {
        Map<String, List<Event>> groups = new LinkedHashMap<>();
        events.forEach(e -> {
            String k = key.apply(e);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
            }
        });
        groups.values().removeIf(group -> group.size() < 2);
        return groups;
    }

    /**
     * The session's whole event history, oldest first; null (and a problem) when it cannot be read in full. When
     * a thread of {@code ids} whose archive was answered 200 has no terminated event in a history read with types,
     * the violation would rest on an event not being listed: the history is confirmed by a plain read first
     * ({@link EventHistory#confirm}), which decides when it disagrees.
     */
    private List<Event> history(String sessionId, Set<String> ids, ArchiveJournal journal, List<String> problems,
                                Counts counts) {
        EventHistory.Read read = histories.read(sessionId, settings.maxPages());
        counts.requests += read.pages();
        if (!read.complete()) {
            // why: a page that is not a list reads as "no events", which would judge invariants on nothing
            problems.add("session " + sessionId + ": " + read.problem().get());
            return null;
        }
        boolean restsOnAbsence = journal.accepted().stream().map(e -> e.thread().threadId())
                .filter(ids::contains)
                .anyMatch(id -> read.events().stream().noneMatch(EventMatcher.terminated(id)::matches));
        if (!restsOnAbsence) {
            return read.events();
        }
        EventHistory.Read confirmed = histories.confirm(sessionId, read, settings.maxPages());
        counts.requests += confirmed.pages() - read.pages();
        return confirmed.events();
    }

    /**
     * What plain reads of the audit disagreed with (the event list's types): findings about the target, WARN lines
     * of the run summary, never violations.
     */
    public List<String> findings() {
        return histories.findings();
    }

    private void checkListAgrees(String sessionId, String threadId, SessionThread viaGet, SessionThread viaList,
                                 ApiResponse got, Map<Invariant, List<String>> violations, Counts counts) {
        if (viaList != null && sameState(viaGet, viaList)) {
            return;
        }
        // why: a live thread may move between the two reads; only a disagreement that survives a re-read counts
        ThreadList again = threads.list(sessionId, settings.maxPages());
        ApiResponse gotAgain = threads.get(new ThreadRef(sessionId, threadId));
        counts.requests += again.pages() + 1;
        SessionThread listAgain = again.find(threadId).orElse(null);
        if (gotAgain.status() == 200 && listAgain != null && sameState(gotAgain.thread(), listAgain)) {
            return;
        }
        add(violations, Invariant.LIST_AGREES_WITH_GET, "session " + sessionId + ", thread " + threadId + ": GET "
                + state(viaGet) + " (" + got.exchange().requestId() + ") but the list "
                + (viaList == null ? "does not contain it" : "shows " + state(viaList)) + " (read twice, "
                + again.last().requestId() + ")");
    }

    private void checkThread(String sessionId, SessionThread thread, List<Event> history, ArchiveJournal journal,
                             Map<Invariant, List<String>> violations) {
        String id = thread.id();
        String where = "session " + sessionId + ", thread " + id;
        List<ArchiveJournal.Entry> named = journal.entries().stream().filter(e -> id.equals(e.thread().threadId()))
                .toList();
        ArchiveJournal.Entry accepted = named.stream().filter(ArchiveJournal.Entry::accepted).findFirst()
                .orElse(null);
        List<Event> terminated = history.stream().filter(EventMatcher.terminated(id)::matches).toList();
        if (accepted != null) {
            if (!readings.archivedStatus().equals(thread.status())
                    || !sameInstant(accepted.archivedAt(), thread.archivedAt())) {
                add(violations, Invariant.STILL_ARCHIVED, where + ": archive answered 200 at " + accepted.answeredAt()
                        + " (" + accepted.requestId() + ") with archived_at " + accepted.archivedAt()
                        + ", but GET now shows " + state(thread));
            }
            if (terminated.size() != 1) {
                add(violations, Invariant.ONE_TERMINATED_EVENT, where + ": " + terminated.size()
                        + " terminated events after its archive answered 200 (" + accepted.requestId() + ")"
                        + briefs(terminated));
            }
        } else {
            if (thread.archivedAt() != null || "archive".equals(thread.stopReasonType())) {
                add(violations, Invariant.ONLY_NAMED_THREADS_ARCHIVED, where + " (" + thread.role()
                        + ") is archived (" + state(thread) + ") but no archive of it was answered 200"
                        + (named.isEmpty() ? "; no request named it" : "; requests naming it: " + requests(named)));
            }
            if (!terminated.isEmpty()) {
                boolean rejected = !named.isEmpty();
                add(violations, rejected ? Invariant.NO_EVENT_FOR_REJECTED : Invariant.ONLY_NAMED_THREADS_ARCHIVED,
                        where + ": terminated event" + briefs(terminated) + " although "
                                + (rejected ? "every archive of it was rejected: " + requests(named)
                                : "no request archived it"));
            }
        }
        if (!terminated.isEmpty()) {
            List<Event> after = history.subList(history.indexOf(terminated.get(0)) + 1, history.size()).stream()
                    .filter(e -> id.equals(e.sessionThreadId())).toList();
            List<Event> deliveries = after.stream()
                    .filter(e -> EventMatcher.THREAD_MESSAGE_RECEIVED.equals(e.type())).toList();
            List<Event> statuses = after.stream().filter(e -> e.type() != null
                    && e.type().startsWith(STATUS_EVENT_PREFIX)
                    && !EventMatcher.THREAD_STATUS_TERMINATED.equals(e.type())).toList();
            if (!deliveries.isEmpty()) {
                add(violations, Invariant.NO_DELIVERY_AFTER_TERMINATED, where + ": message delivered after its"
                        + " terminated event" + briefs(terminated.subList(0, 1)) + ":" + briefs(deliveries));
            }
            if (!statuses.isEmpty()) {
                add(violations, Invariant.NO_STATUS_AFTER_TERMINATED, where + ": status event after its"
                        + " terminated event" + briefs(terminated.subList(0, 1)) + ":" + briefs(statuses));
            }
        }
    }

    private static boolean sameState(SessionThread a, SessionThread b) {
        return Objects.equals(a.status(), b.status()) && Objects.equals(a.stopReason(), b.stopReason())
                && sameInstant(a.archivedAt(), b.archivedAt());
    }

    /** Timestamps compared as instants (any precision and offset); text that is no timestamp compared as text. */
    static boolean sameInstant(String a, String b) {
        if (a == null || b == null) {
            return Objects.equals(a, b);
        }
        try {
            return OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
        } catch (DateTimeParseException notATimestamp) {
            return a.equals(b);
        }
    }

    private static String state(SessionThread t) {
        return "status " + t.status() + ", stop_reason " + t.stopReason() + ", archived_at " + t.archivedAt();
    }

    private static String briefs(List<Event> events) {
        StringBuilder text = new StringBuilder();
        for (Event e : events) {
            text.append(" [").append(e.type()).append(' ').append(e.id()).append(" at ")
                    .append(e.json().path("processed_at").asString("?")).append(']');
        }
        return text.toString();
    }

    private static String requests(List<ArchiveJournal.Entry> named) {
        Map<String, String> lines = new LinkedHashMap<>();
        named.forEach(e -> lines.put(e.requestId(), e.status() + " via session " + e.thread().sessionId()));
        return lines.toString();
    }

    private static void add(Map<Invariant, List<String>> violations, Invariant invariant, String line) {
        violations.computeIfAbsent(invariant, k -> new ArrayList<>()).add(line);
    }

    private static Findings outcome(Future<Findings> future, String sessionId) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while auditing session " + sessionId, e);
        } catch (ExecutionException e) {
            Findings failed = new Findings();
            failed.problems.add("session " + sessionId + ": " + e.getCause());
            return failed;
        }
    }

    /** What the audit of one session found; filled by one reader thread, merged afterwards. */
    private static final class Findings {
        final Map<Invariant, List<String>> violations = new EnumMap<>(Invariant.class);
        final List<String> problems = new ArrayList<>();
        final Counts counts = new Counts();
    }

    private static final class Counts {
        int threads;
        int events;
        int requests;
    }
}
