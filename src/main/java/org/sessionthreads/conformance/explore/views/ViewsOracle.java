package org.sessionthreads.conformance.explore.views;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.client.EventQuery.TypesSpelling;
import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.config.Dialect;
import org.sessionthreads.conformance.config.Timeouts;
import org.sessionthreads.conformance.events.EventMatcher;
import org.sessionthreads.conformance.explore.ArchiveAttempt;
import org.sessionthreads.conformance.explore.ArchiveFacts;
import org.sessionthreads.conformance.explore.EventOracle;
import org.sessionthreads.conformance.explore.Violation;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.FixtureKind;
import org.sessionthreads.conformance.waits.Waits;

/**
 * The {@link EventOracle} of exploration (docs/explore-views.md): each call reads the fixture's session plainly
 * (the event list with {@code after_id} only, on from where the last call ended), waits within the profile's
 * timeouts for what an accepted archive must still bring (its terminated event, the coordinator's result and
 * resume) and, for a sequence that waited, past the pending message's delivery time; then, when the log grew or a
 * request was sent since the last call, reads every other view the target offers (the filtered list in each
 * spelling the dialect documents, the newest-first page, small pages, each thread's list, the live stream and a
 * resumed one) and compares it with the log; and judges the rules on the log and the disagreements.
 */
public final class ViewsOracle implements EventOracle, AutoCloseable {
    /**
     * Sessions whose views are kept (and live streams open) at once; the least recently checked is dropped first.
     * More than exploration's sequences at once (16, or 4 × the profile's concurrency up to 8), so that a sequence's
     * session is not dropped while it runs; one dropped all the same is read again from its fixture's base, and what
     * that first read lists proves no absence ({@link PlainLog}).
     */
    static final int SESSIONS_KEPT = 40;
    private final EventsApi api;
    private final EventStreamApi streamApi;
    private final Waits waits;
    private final Timeouts timeouts;
    private final Dialect dialect;
    private final Predicate<String> judged;
    private final ViewSupport support = new ViewSupport();
    private final Map<String, SessionViews> sessions = new LinkedHashMap<>(16, 0.75f, true);
    private volatile int lastRequests;

    /**
     * @param streamApi the session stream, or null when the profile's {@code event_channels} do not list sse
     * @param catalogue the requirement catalogue: a requirement DISABLED in {@code dialect} is not judged
     */
    public ViewsOracle(EventsApi api, EventStreamApi streamApi, Waits waits, Dialect dialect,
                       RequirementCatalogue catalogue) {
        this.api = api;
        this.streamApi = streamApi;
        this.waits = waits;
        this.timeouts = waits.timeouts();
        this.dialect = dialect;
        this.judged = id -> catalogue.find(id).map(e -> e.disabledIn(dialect.wireName()).isEmpty()).orElse(false);
    }

    @Override
    public List<Violation> check(ArchiveFacts facts) {
        SessionViews views = views(facts.fixture());
        synchronized (views) {
            int before = views.requests();
            views.refresh(api);
            views.streams.start(views.log);
            SequenceModel model = new SequenceModel(facts);
            awaitExpected(model, views);
            boolean mailboxDue = settleMailbox(model, views);
            List<Disagreement> disagreements = List.of();
            if (views.log.size() != views.viewedSize || facts.attempts().size() != views.viewedAttempts) {
                disagreements = readViews(model, views);
                views.viewedSize = views.log.size();
                views.viewedAttempts = facts.attempts().size();
            }
            Judging judging = new Judging(model, views.log, timeouts, views.log.endSeenNanos(), judged, mailboxDue);
            TerminatedRules.judge(judging);
            MailboxRule.judge(judging);
            List<Seen> history = views.lists.history();
            CoordinatorRules.judge(judging, history.isEmpty() ? views.log.events() : history);
            DisagreementRules.judge(judging, disagreements);
            lastRequests = views.requests() - before;
            return List.copyOf(judging.violations());
        }
    }

    @Override
    public void open(Fixture fixture) {
        SessionViews views = views(fixture);
        synchronized (views) {
            views.refresh(api);
            views.streams.start(views.log);
        }
    }

    @Override
    public void observe(ArchiveFacts facts) {
        SessionViews views = views(facts.fixture());
        synchronized (views) {
            views.refresh(api);
            awaitExpected(new SequenceModel(facts), views);
        }
    }

    /** Requests (list pages, stream connections) the last call sent. */
    public int lastRequests() {
        return lastRequests;
    }

    /** Which views the target was found not to offer, e.g. {@code {list order=desc=REJECTED}}. */
    public String support() {
        return support.describe();
    }

    @Override
    public synchronized void close() {
        sessions.values().forEach(SessionViews::close);
        sessions.clear();
    }

    private synchronized SessionViews views(Fixture fixture) {
        SessionViews views = sessions.computeIfAbsent(fixture.sessionId(),
                id -> new SessionViews(api, streamApi, support, id, fixture.lastEventId()));
        if (sessions.size() > SESSIONS_KEPT) {
            String eldest = sessions.keySet().iterator().next();
            sessions.remove(eldest).close();
        }
        return views;
    }

    /** Polls the log until what accepted archives must bring is listed, or its time limit has passed. */
    private void awaitExpected(SequenceModel model, SessionViews views) {
        long deadline = pendingDeadline(model, views.log);
        if (deadline == 0) {
            return;
        }
        long left = deadline - System.nanoTime();
        if (left > 0) {
            waits.poll("events an accepted archive brings in session " + views.log.sessionId(), Duration.ofNanos(left),
                    () -> {
                        views.refresh(api);
                        return pendingDeadline(model, views.log) == 0 ? Optional.of(true) : Optional.empty();
                    });
        }
        if (pendingDeadline(model, views.log) != 0) {
            views.refresh(api); // why: a read that went out after the limit proves the absence
        }
    }

    /** The latest time limit of what is still expected and not listed; 0 when nothing is. */
    private long pendingDeadline(SequenceModel model, PlainLog log) {
        long deadline = 0;
        for (String thread : model.named()) {
            Optional<ArchiveAttempt> accepted = model.accepted(thread);
            if (accepted.isPresent() && judged.test("EVT-001")
                    && log.events().stream().noneMatch(e -> e.is(TerminatedRules.TERMINATED, thread))) {
                deadline = Math.max(deadline, limit(accepted.get()));
            }
        }
        Optional<ArchiveAttempt> awaited = model.awaitedChildArchived();
        if (awaited.isPresent() && judged.test("UNB-001") && !resumedAfterResult(model, log)) {
            deadline = Math.max(deadline, limit(awaited.get()));
        }
        return deadline;
    }

    private long limit(ArchiveAttempt accepted) {
        return accepted.answeredNanos() + timeouts.event().toNanos();
    }

    private static boolean resumedAfterResult(SequenceModel model, PlainLog log) {
        String toolUseId = model.facts().fixture().toolUseId();
        boolean result = false;
        for (Seen event : log.events()) {
            result |= EventMatcher.TOOL_RESULT.equals(event.type()) && event.event() != null
                    && toolUseId != null && toolUseId.equals(event.event().toolUseId());
            if (result && event.is(EventMatcher.THREAD_STATUS_RUNNING, model.coordinator())) {
                return true;
            }
        }
        return false;
    }

    /**
     * For a sequence that waited after archiving a child with pending messages: lets the messages' delivery time
     * (and the quiet window after it) pass since the archive answer, then reads the log again. True when judged.
     */
    private boolean settleMailbox(SequenceModel model, SessionViews views) {
        Optional<ArchiveAttempt> archived = model.accepted(model.child());
        if (model.kind() != FixtureKind.CHILD_WITH_PENDING_MESSAGE || archived.isEmpty() || !model.facts().waited()
                || !judged.test("MBX-001")) {
            return false;
        }
        Duration deliverAfter = model.facts().fixture().deliverAfter();
        long due = archived.get().answeredNanos() + (deliverAfter == null ? 0 : deliverAfter.toNanos())
                + timeouts.quiet().toNanos();
        long left = due - System.nanoTime();
        if (left > 0) {
            waits.settle("the pending messages' delivery time in session " + views.log.sessionId(),
                    Duration.ofNanos(left));
            views.refresh(api);
        }
        return true;
    }

    private List<Disagreement> readViews(SequenceModel model, SessionViews views) {
        PlainLog log = views.log;
        List<Disagreement> found = new ArrayList<>();
        for (TypesSpelling spelling : spellings()) {
            found.addAll(views.lists.filtered(spelling, log));
        }
        found.addAll(views.lists.newestFirst(log));
        String middle = beforeNewJudged(log, views.viewedSize);
        if (middle != null) {
            found.addAll(views.lists.smallPages(log, middle));
        }
        Set<String> threads = new LinkedHashSet<>(model.named());
        threads.add(model.child());
        if (model.kind() == FixtureKind.WAITING_COORDINATOR) {
            threads.add(model.coordinator());
        }
        ListViews.inSession(threads, log).forEach(thread -> found.addAll(views.lists.thread(thread, log)));
        found.addAll(views.streams.live(log, timeouts.eventExpected(), timeouts.event()));
        if (middle != null) {
            found.addAll(views.streams.resumed(log, middle, timeouts.eventExpected(), timeouts.event()));
        }
        if (found.stream().anyMatch(d -> d.kind() == Disagreement.Kind.EXTRA)) {
            views.refresh(api); // why: an event a view lists and the log did not may be new: the log reads on first
        }
        return found.stream().filter(d -> d.kind() != Disagreement.Kind.EXTRA || log.positionOf(d.event().id()) < 0)
                .toList();
    }

    /** The type-filter spellings the dialect's event-list pages document (api-digest §4c). */
    private List<TypesSpelling> spellings() {
        return switch (dialect) {
            case CAS -> List.of(TypesSpelling.TYPES);
            case FORWARD -> List.of(TypesSpelling.TYPES_BRACKETS, TypesSpelling.TYPE_COMMA);
            default -> List.of(TypesSpelling.values());
        };
    }

    /** The log event just before the first event of a judged type listed since {@code since}; null when none. */
    private static String beforeNewJudged(PlainLog log, int since) {
        for (int at = since; at < log.size(); at++) {
            if (log.get(at).event() != null) {
                return at > 0 ? log.get(at - 1).id() : log.base();
            }
        }
        return null;
    }
}
