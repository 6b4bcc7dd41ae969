package org.sessionthreads.conformance.selftest.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.sessionthreads.conformance.client.ApiClient;
import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.FixtureHook;
import org.sessionthreads.conformance.client.ThreadRef;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.client.sse.SseClient;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Secret;
import org.sessionthreads.conformance.config.Timeouts;
import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.events.EventCursor;
import org.sessionthreads.conformance.events.EventTimings;
import org.sessionthreads.conformance.events.ListCapabilities.Parameter;
import org.sessionthreads.conformance.events.ListCapabilities.Support;
import org.sessionthreads.conformance.events.SessionEvents;
import org.sessionthreads.conformance.events.Termination;
import org.sessionthreads.conformance.events.TerminationVerdict;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ReferenceServer;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.Variation;
import org.sessionthreads.conformance.waits.Waits;

/**
 * Confirm before condemning, against the reference server: the {@link Variation#AFTER_ID_WITHIN_TYPES} target (whose
 * filtered list reads as ended after the cursor's mark) is judged on the plain read, ON_TIME, with the filter
 * switched off and the evidence kept; a terminated event that never comes ({@link Fault#NO_TERMINATED_EVENT}) or
 * that the open stream never delivers ({@link Fault#STREAM_DROPS_LIVE_TERMINATED}) is still MISSING, with the
 * plain read that agreed named; and the positive path sends no plain read at all (requests counted).
 */
class ConfirmedVerdictsTest {
    private static final Secret TOKEN = Secret.of("confirmed-verdicts-token-3f1a");
    /** Hard limit of a cursor that must find the event, however loaded the machine. */
    private static final Duration ROOMY = Duration.ofSeconds(30);
    /** Hard limit of a cursor that must come up empty. */
    private static final Duration TIGHT = Duration.ofMillis(1500);
    private static final Duration EXPECTED = Duration.ofMillis(500);

    @ParameterizedTest(name = "hint {0}")
    @ValueSource(booleans = {false, true})
    void should_judge_the_event_on_the_plain_read_when_the_filtered_list_reads_as_ended(boolean useHint) {
        try (Target target = Target.start(ServerOptions.defaults(TOKEN.reveal())
                .withVariation(Variation.AFTER_ID_WITHIN_TYPES), EventChannel.POLLING, ROOMY)) {
            Termination termination = target.archiveAndAwait(useHint);

            assertThat(termination.verdict()).as("never proven absent after the deadline by a plain read")
                    .isEqualTo(TerminationVerdict.ON_TIME);
            assertThat(target.events.capabilities().of(Parameter.LIST_TYPES)).isEqualTo(Support.DISAGREES);
            assertThat(target.events.capabilities().findings()).singleElement().asString()
                    .startsWith("event list types disagrees with a plain read")
                    .contains("types=session.thread_status_terminated", "did not list session.thread_status_"
                            + "terminated evt_", "which the list read without types " + (useHint
                            ? "from the session's start (the mark evt_" : "after the cursor's mark evt_"),
                            "the target resolves after_id within the type-filtered list");

            int before = target.requests.size();
            Termination second = target.archiveAndAwait(useHint);

            assertThat(second.verdict()).isEqualTo(TerminationVerdict.ON_TIME);
            assertThat(second.latency()).as("read plainly: no wait for a confirmation").isLessThan(EXPECTED);
            assertThat(target.requestsSince(before)).noneMatch(url -> url.contains("types="));
        }
    }

    @Test
    void should_judge_on_the_plain_read_and_report_a_filter_that_leaves_out_a_type_it_names() {
        try (Target target = Target.start(ServerOptions.defaults(TOKEN.reveal())
                .withFault(Fault.TYPES_FILTER_MISSES_TERMINATED), EventChannel.POLLING, ROOMY)) {
            Termination termination = target.archiveAndAwait(true);

            assertThat(termination.verdict()).as("the event is emitted: the plain list shows it in time")
                    .isEqualTo(TerminationVerdict.ON_TIME);
            assertThat(target.events.capabilities().of(Parameter.LIST_TYPES)).isEqualTo(Support.DISAGREES);
            assertThat(target.events.capabilities().findings()).singleElement().asString()
                    .contains("did not list session.thread_status_terminated evt_",
                            "a read with types from the session's start does not list them either",
                            "the filter leaves out events of a type it names");
        }
    }

    @Test
    void should_pass_the_stream_whose_last_event_id_resolves_within_its_types_without_confirming() {
        try (Target target = Target.start(ServerOptions.defaults(TOKEN.reveal())
                .withVariation(Variation.AFTER_ID_WITHIN_TYPES), EventChannel.SSE, ROOMY)) {
            int before = target.requests.size();
            Termination termination = target.archiveAndAwait(false);

            assertThat(termination.verdict()).isEqualTo(TerminationVerdict.ON_TIME);
            assertThat(target.events.capabilities().findings()).isEmpty();
            assertThat(target.requestsSince(before)).as("the anchor and one stream, no plain read")
                    .hasSize(3).noneMatch(url -> url.contains("after_id") && url.contains("limit=100"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventChannel.class)
    void should_still_call_a_terminated_event_that_never_comes_missing_after_the_plain_read_agrees(
            EventChannel channel) {
        try (Target target = Target.start(ServerOptions.defaults(TOKEN.reveal())
                .withFault(Fault.NO_TERMINATED_EVENT), channel, TIGHT)) {
            assertThatThrownBy(() -> target.archiveAndAwait(false)).isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("MISSING: no session.thread_status_terminated for sthr_")
                    .hasMessageContaining("confirmed before the verdict: ")
                    .hasMessageContaining("without types after the cursor's mark evt_")
                    .hasMessageContaining(" agrees (GET ");
            assertThat(target.events.capabilities().findings()).isEmpty();
        }
    }

    @Test
    void should_still_call_the_event_a_stream_never_delivers_live_missing_when_its_replay_has_it() {
        try (Target target = Target.start(ServerOptions.defaults(TOKEN.reveal())
                .withFault(Fault.STREAM_DROPS_LIVE_TERMINATED), EventChannel.SSE, TIGHT)) {
            assertThatThrownBy(() -> target.archiveAndAwait(false)).isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("MISSING: no session.thread_status_terminated for sthr_")
                    .hasMessageContaining("the open stream did not deliver session.thread_status_terminated evt_")
                    .hasMessageContaining("replays them, so the filter did not hide them");
            assertThat(target.events.capabilities().of(Parameter.STREAM_TYPES)).isNotEqualTo(Support.DISAGREES);
            assertThat(target.events.capabilities().findings()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventChannel.class)
    void should_send_no_plain_read_on_the_way_to_an_event_that_comes(EventChannel channel) {
        try (Target target = Target.start(ServerOptions.defaults(TOKEN.reveal()), channel, ROOMY)) {
            Termination termination = target.archiveAndAwait(false);

            assertThat(termination.verdict()).isEqualTo(TerminationVerdict.ON_TIME);
            List<String> finding = target.findRequests;
            if (channel == EventChannel.SSE) {
                assertThat(finding).as("the stream delivers it: no request at all").isEmpty();
            } else {
                assertThat(finding).as("every poll filtered, none plain").isNotEmpty()
                        .allMatch(url -> url.contains("types=session.thread_status_terminated"));
            }
        }
    }

    /** The reference server with a cursor facade on one channel; records the URL of every event request. */
    private static final class Target implements AutoCloseable {
        private final ReferenceServer server;
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private List<String> findRequests = List.of();
        private SessionEvents events;
        private ThreadsApi threads;
        private FixtureHook hook;

        private Target(ReferenceServer server) {
            this.server = server;
        }

        static Target start(ServerOptions options, EventChannel channel, Duration limit) {
            Target target = new Target(ReferenceServer.start(options));
            Timeouts timeouts = new Timeouts(limit, Duration.ofMillis(200), Duration.ofSeconds(30),
                    Duration.ofMillis(20), EXPECTED);
            Redactor redactor = new Redactor(List.of(TOKEN));
            ApiClient api = new ApiClient(TOKEN, timeouts.request(), redactor, exchange -> {
                if (exchange.url().contains("/events")) {
                    target.requests.add(exchange.url());
                }
            });
            SseClient sse = new SseClient(TOKEN, timeouts.request(), redactor, exchange -> {
                if (exchange.url().contains("/events")) {
                    target.requests.add(exchange.url());
                }
            });
            EventTimings timings = new EventTimings();
            target.events = new SessionEvents(new EventsApi(api, target.server.apiBase()),
                    new EventStreamApi(sse, target.server.apiBase()), new Waits(timeouts), timings)
                    .on(channel, timings);
            target.threads = new ThreadsApi(api, target.server.apiBase());
            target.hook = new FixtureHook(api, target.server.fixturesUrl());
            return target;
        }

        /** An idle child, a cursor (with the hook's hint or not), its archive and its terminated event. */
        Termination archiveAndAwait(boolean useHint) {
            ApiResponse fixture = hook.create("idle_child");
            var json = fixture.json();
            ThreadRef child = new ThreadRef(json.path("session_id").asString(), json.path("thread_id").asString());
            String hint = useHint ? json.path("last_event_id").asString() : null;
            EventCursor cursor = events.openFor(child.sessionId(), hint);
            cursor.timed(() -> threads.archive(child));
            int before = requests.size();
            try {
                return cursor.awaitTermination(child.threadId());
            } finally {
                findRequests = requestsSince(before);
            }
        }

        List<String> requestsSince(int index) {
            return List.copyOf(requests.subList(index, requests.size()));
        }

        @Override
        public void close() {
            events.close();
            server.close();
        }
    }
}
