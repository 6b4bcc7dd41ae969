package org.sessionthreads.conformance.explore.linear;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.sessionthreads.conformance.client.ArchiveRace;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.ThreadList;
import org.sessionthreads.conformance.client.ThreadRef;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.events.EventHistory;
import org.sessionthreads.conformance.events.EventMatcher;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.FixtureKind;
import org.sessionthreads.conformance.waits.Waits;

/**
 * One round of a concurrent history on one fixture: {@code clients} clients started together (the race kit's
 * barrier, {@link ArchiveRace#together}), each with a short sequence of archives and reads of the child, or, for a
 * child with a pending message, released around the moment the message is due ({@link ArchiveRace#atMoments}), the
 * delivery then read from the session's events as the target's own operation.
 */
final class ConcurrentRound {
    static final String THREAD_STATUS_IDLE = "session.thread_status_idle";
    private static final int EVENT_PAGES = 5;

    private final ThreadsApi threads;
    private final EventHistory events;
    private final Waits waits;

    ConcurrentRound(ThreadsApi threads, EventHistory events, Waits waits) {
        this.threads = threads;
        this.events = events;
        this.waits = waits;
    }

    /** A round's history and the requests it sent. */
    record Recorded(History<ArchiveCall, ThreadReply> history, int requests) {
    }

    /**
     * Every client but a reader archives the child and reads it; the reader (the last client, with three or more)
     * reads the child, the session's thread list, the coordinator and the child again.
     */
    Recorded simultaneous(Fixture fixture, int clients) {
        HistoryRecorder recorder = new HistoryRecorder();
        List<Callable<Void>> scripts = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String name = "client-" + (c + 1);
            boolean reader = clients >= 3 && c == clients - 1;
            scripts.add(() -> {
                if (reader) {
                    get(recorder, name, fixture.thread());
                    list(recorder, name, fixture);
                    recorder.run(name, new ArchiveCall(ArchiveCall.Kind.COORDINATOR_GET, fixture.coordinatorThreadId()),
                            () -> threads.get(fixture.coordinator()));
                } else {
                    archive(recorder, name, fixture.thread());
                }
                get(recorder, name, fixture.thread());
                return null;
            });
        }
        ArchiveRace.together(scripts);
        return new Recorded(new History<>(recorder.operations()), recorder.requests());
    }

    /**
     * One client archives the child at {@code releaseNanos}, the others read it from then on; after the message's
     * last due moment plus {@code timeouts.quiet}, the session's events show whether it was delivered (and whether
     * the turn it started ended). The target's operations are invoked no earlier than {@code startNanos} (the
     * message was queued before the fixture was handed over) and answered when the read that shows them answered;
     * one the read does not show stays pending. The log's order of the delivery, the turn's end and the archive's
     * terminated event is kept as a known order.
     */
    Recorded aroundDelivery(Fixture fixture, int clients, long startNanos, long releaseNanos) {
        if (fixture.kind() != FixtureKind.CHILD_WITH_PENDING_MESSAGE) {
            throw new IllegalArgumentException("a delivery round needs a child with a pending message");
        }
        HistoryRecorder recorder = new HistoryRecorder();
        List<Callable<Void>> scripts = new ArrayList<>();
        List<Long> moments = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String name = "client-" + (c + 1);
            boolean archiver = c == 0;
            scripts.add(() -> {
                if (archiver) {
                    archive(recorder, name, fixture.thread());
                } else {
                    get(recorder, name, fixture.thread());
                }
                get(recorder, name, fixture.thread());
                return null;
            });
            moments.add(releaseNanos + c * Duration.ofMillis(20).toNanos());
        }
        ArchiveRace.atMoments(scripts, moments);
        Duration settle = Duration.ofNanos(Math.max(0, releaseNanos + waits.timeouts().quiet().toNanos()
                - System.nanoTime()));
        waits.settle("a delivery racing the archive of " + fixture.threadId() + " shows in the events", settle);
        long reading = System.nanoTime();
        EventHistory.Read log = events.read(fixture.sessionId(), EVENT_PAGES);
        long read = System.nanoTime();
        recorder.counted(log.pages());
        List<History.Precedence> order = targetOperations(recorder, fixture, log, startNanos, log.complete()
                ? read : null);
        return new Recorded(new History<>(recorder.operations(), order), recorder.requests());
    }

    private List<History.Precedence> targetOperations(HistoryRecorder recorder, Fixture fixture, EventHistory.Read log,
                                                      long startNanos, Long readNanos) {
        String child = fixture.threadId();
        List<Event> seen = log.events();
        int delivered = indexOf(seen, EventMatcher.THREAD_MESSAGE_RECEIVED, child, 0);
        int ended = delivered < 0 ? -1 : indexOf(seen, THREAD_STATUS_IDLE, child, delivered + 1);
        int terminated = indexOf(seen, EventMatcher.THREAD_STATUS_TERMINATED, child, 0);
        Long deliveredAt = delivered >= 0 ? readNanos : null;
        int delivery = recorder.target(new ArchiveCall(ArchiveCall.Kind.DELIVERY, child), startNanos, deliveredAt,
                null);
        List<int[]> positions = new ArrayList<>();
        positions.add(new int[] {delivered, delivery});
        if (ended >= 0 && readNanos != null) {
            positions.add(new int[] {ended, recorder.target(new ArchiveCall(ArchiveCall.Kind.TURN_END, child),
                    startNanos, readNanos, null)});
        }
        List<Operation<ArchiveCall, ThreadReply>> winners = recorder.operations().stream()
                .filter(op -> op.input().kind() == ArchiveCall.Kind.ARCHIVE && !op.pending()
                        && op.result().http() == 200).toList();
        if (terminated >= 0 && winners.size() == 1) {
            positions.add(new int[] {terminated, winners.get(0).id()});
        }
        positions.removeIf(p -> p[0] < 0);
        positions.sort(java.util.Comparator.comparingInt(p -> p[0]));
        List<History.Precedence> order = new ArrayList<>();
        for (int i = 1; i < positions.size(); i++) {
            order.add(new History.Precedence(positions.get(i - 1)[1], positions.get(i)[1]));
        }
        return order;
    }

    private static int indexOf(List<Event> events, String type, String threadId, int from) {
        for (int i = from; i < events.size(); i++) {
            if (type.equals(events.get(i).type()) && threadId.equals(events.get(i).sessionThreadId())) {
                return i;
            }
        }
        return -1;
    }

    private void archive(HistoryRecorder recorder, String client, ThreadRef thread) {
        recorder.run(client, new ArchiveCall(ArchiveCall.Kind.ARCHIVE, thread.threadId()), () -> threads.archive(thread));
    }

    private void get(HistoryRecorder recorder, String client, ThreadRef thread) {
        recorder.run(client, new ArchiveCall(ArchiveCall.Kind.GET, thread.threadId()), () -> threads.get(thread));
    }

    private void list(HistoryRecorder recorder, String client, Fixture fixture) {
        long invoked = System.nanoTime();
        ThreadList list = threads.list(fixture.sessionId(), 1);
        long answered = System.nanoTime();
        recorder.counted(list.pages());
        if (list.problem().isEmpty()) {
            list.find(fixture.threadId()).ifPresent(shown -> recorder.listed(client,
                    new ArchiveCall(ArchiveCall.Kind.LIST, fixture.threadId()), invoked, answered, shown, list.last()));
        }
    }
}
