package org.sessionthreads.conformance.selftest.explore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.client.ApiClient;
import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.SessionThread;
import org.sessionthreads.conformance.client.ThreadRef;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.client.sse.SseClient;
import org.sessionthreads.conformance.config.Dialect;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Secret;
import org.sessionthreads.conformance.config.Timeouts;
import org.sessionthreads.conformance.explore.ArchiveAttempt;
import org.sessionthreads.conformance.explore.ArchiveFacts;
import org.sessionthreads.conformance.explore.Violation;
import org.sessionthreads.conformance.explore.views.ViewsOracle;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.FixtureKind;
import org.sessionthreads.conformance.refserver.ReferenceServer;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.waits.Waits;

/**
 * An embedded reference server (ports 0) with a {@link ViewsOracle} on it, and the steps of a sequence as the tests
 * play them: make a fixture, archive a thread (recording the {@link ArchiveAttempt} as the engine would), wait,
 * and check. Collects every violation and the requests of every call.
 */
final class ViewsTarget implements AutoCloseable {
    /** Small limits for the embedded server: the faults' delays (3 s slow, 12 s too late) fall on either side. */
    static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(5), Duration.ofMillis(500),
            Duration.ofSeconds(20), Duration.ofMillis(25), Duration.ofMillis(1_500));
    static final Duration DELIVER_AFTER = Duration.ofMillis(2_000);
    private static final Secret TOKEN = Secret.of("views-oracle-token-5d1e");
    private final ReferenceServer server;
    private final ApiClient api;
    private final ThreadsApi threads;
    private final ViewsOracle oracle;
    private final Waits waits;
    private final List<Violation> violations = new ArrayList<>();
    private final List<Integer> requests = new ArrayList<>();
    private Fixture fixture;
    private final List<ArchiveAttempt> attempts = new ArrayList<>();

    ViewsTarget(ServerOptions options, Dialect dialect) {
        this(options, dialect, TIMEOUTS);
    }

    ViewsTarget(ServerOptions options, Dialect dialect, Timeouts timeouts) {
        this.waits = new Waits(timeouts);
        this.server = ReferenceServer.start(options.withToken(TOKEN.reveal()).withDeliverAfter(DELIVER_AFTER));
        Redactor redactor = new Redactor(List.of(TOKEN));
        this.api = new ApiClient(TOKEN, TIMEOUTS.request(), redactor, exchange -> { });
        SseClient sse = new SseClient(TOKEN, TIMEOUTS.request(), redactor, exchange -> { });
        this.threads = new ThreadsApi(api, server.apiBase());
        this.oracle = new ViewsOracle(new EventsApi(api, server.apiBase()),
                new EventStreamApi(sse, server.apiBase()), waits, dialect, RequirementCatalogue.load());
    }

    static ViewsTarget of(ServerOptions options) {
        return new ViewsTarget(options, Dialect.ARCHIVE_PAGE);
    }

    /** A fresh fixture of {@code kind}, and a first check before any step (the live stream opens there). */
    ViewsTarget fixture(FixtureKind kind) {
        return fixtureOnly(kind).check(false);
    }

    /** A fresh fixture of {@code kind}, no check yet (a time-critical fixture's archive follows at once). */
    ViewsTarget fixtureOnly(FixtureKind kind) {
        var json = new org.sessionthreads.conformance.client.FixtureHook(api, server.fixturesUrl())
                .create(kind.wireName()).json();
        fixture = new Fixture(kind, json.path("session_id").asString(), json.path("coordinator_thread_id").asString(),
                json.path("thread_id").asString(), json.has("tool_use_id") ? json.path("tool_use_id").asString() : null,
                json.has("deliver_after_ms") ? Duration.ofMillis(json.path("deliver_after_ms").asLong()) : null,
                "hook", json.path("last_event_id").isString() ? json.path("last_event_id").asString() : null);
        attempts.clear();
        return this;
    }

    ViewsTarget archiveChild() {
        return archive(fixture.threadId());
    }

    ViewsTarget archiveCoordinator() {
        return archive(fixture.coordinatorThreadId());
    }

    /** Archives the session's other child (the fixture's finished "Review Agent"). */
    ViewsTarget archiveSibling() {
        SessionThread sibling = threads.list(fixture.sessionId(), 5).threads().stream()
                .filter(t -> !t.isCoordinator() && !t.id().equals(fixture.threadId())).findFirst().orElseThrow();
        return archive(sibling.id());
    }

    /** Sends an archive of {@code threadId} and records it as the engine does; then checks. */
    ViewsTarget archive(String threadId) {
        boolean archivedBefore = attempts.stream().anyMatch(a -> a.accepted() && a.threadId().equals(threadId));
        long sent = System.nanoTime();
        ApiResponse answer = threads.archive(new ThreadRef(fixture.sessionId(), threadId));
        attempts.add(new ArchiveAttempt(threadId, answer.status(), answer.status() == 200 && !archivedBefore, sent,
                System.nanoTime()));
        return check(false);
    }

    /** Lets {@code period} pass (a wait step), then checks with {@code waited}. */
    ViewsTarget waitFor(Duration period) {
        waits.settle("a wait step", period);
        return check(true);
    }

    ViewsTarget check(boolean waited) {
        violations.addAll(oracle.check(new ArchiveFacts(fixture, attempts, waited)));
        requests.add(oracle.lastRequests());
        return this;
    }

    Set<String> requirements() {
        return violations.stream().map(Violation::requirementId).collect(Collectors.toCollection(TreeSet::new));
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    List<Integer> requests() {
        return List.copyOf(requests);
    }

    String describe() {
        return violations.stream().map(v -> v.requirementId() + " " + v.rule() + ": " + v.observed())
                .collect(Collectors.joining("\n  ", "  ", "")) + "\n  views: " + oracle.support();
    }

    @Override
    public void close() {
        oracle.close();
        server.close();
    }
}
