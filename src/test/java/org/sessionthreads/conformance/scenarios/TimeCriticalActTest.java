package org.sessionthreads.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import org.sessionthreads.conformance.client.ApiClient;
import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.client.FixtureHook;
import org.sessionthreads.conformance.client.SessionsApi;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.client.sse.SseClient;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.events.EventTimings;
import org.sessionthreads.conformance.events.SessionEvents;
import org.sessionthreads.conformance.fixture.FixtureContext;
import org.sessionthreads.conformance.fixture.FixtureTargets;
import org.sessionthreads.conformance.fixture.FixtureWindow;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.fixture.provider.HookProvider;
import org.sessionthreads.conformance.schema.SchemaRegistry;
import org.sessionthreads.conformance.waits.Waits;

/**
 * MBX-001 against a target 400 ms away (the embedded server with {@code LATENCY_400}, whose hook queues the message
 * 600 ms ahead unless asked for more): the scenario itself, run with a client that records every exchange in order,
 * sends the archive right after the hook's answer, nothing in between, on either channel; and it passes whether the
 * window is asked for or not (a hook that ignores {@code window_ms} is one that was asked nothing).
 */
class TimeCriticalActTest {
    @TempDir
    Path reports;

    @ParameterizedTest(name = "{0}, window asked: {1}")
    @CsvSource({"POLLING, true", "SSE, true", "POLLING, false", "SSE, false"})
    void should_send_nothing_between_the_hook_answer_and_the_archive(EventChannel channel, boolean askWindow)
            throws Exception {
        TargetProfile profile = FixtureTargets.profile(reports, Map.of("embedded_options.variations", "LATENCY_400"));
        List<Exchange> sent = Collections.synchronizedList(new ArrayList<>());
        try (FixtureTargets targets = FixtureTargets.open(profile)) {
            var target = targets.target();
            Redactor redactor = new Redactor(List.of(target.token()));
            ApiClient client = new ApiClient(target.token(), profile.timeouts().request(), redactor, sent::add);
            SseClient streams = new SseClient(target.token(), profile.timeouts().request(), redactor, sent::add);
            ThreadsApi threads = new ThreadsApi(client, target.apiBase());
            SessionEvents events = new SessionEvents(new EventsApi(client, target.apiBase()),
                    new EventStreamApi(streams, target.apiBase()), new Waits(profile.timeouts()), new EventTimings())
                    .on(channel, new EventTimings());
            Optional<FixtureWindow> window = askWindow
                    ? FixtureWindow.fromRoundTrips(List.of(Duration.ofMillis(400))) : Optional.empty();
            FixtureContext context = FixtureContext.forRun(profile,
                    target.fixturesUrl().map(url -> new FixtureHook(client, url)),
                    new SessionsApi(client, target.apiBase()), SchemaRegistry.shared()).withWindow(window);

            try (Fixtures fixtures = new Fixtures(List.of(new HookProvider()), context); events) {
                new ArchiveSideEffectScenarios().pendingMailboxMessagesAreNeverDelivered(fixtures, threads, events,
                        profile.timeouts(), profile.readings());
            }
        }

        List<Exchange> inOrder = List.copyOf(sent);
        int hook = indexOf(inOrder, e -> e.method().equals("POST") && e.url().endsWith("/_fixtures")
                && e.requestBody().contains("child_with_pending_message"));
        assertThat(hook).as("the hook was asked for the fixture: %s", lines(inOrder)).isNotNegative();
        assertThat(inOrder.get(hook).requestBody().contains("window_ms")).isEqualTo(askWindow);
        assertThat(inOrder.get(hook + 1).method() + " " + inOrder.get(hook + 1).url())
                .as("the request after the hook's answer: %s", lines(inOrder)).matches("POST .*/archive");
        assertThat(inOrder.subList(hook + 2, inOrder.size())).as("events read after the archive")
                .anyMatch(e -> e.url().contains("/events"));
    }

    private static int indexOf(List<Exchange> exchanges, java.util.function.Predicate<Exchange> which) {
        for (int i = 0; i < exchanges.size(); i++) {
            if (which.test(exchanges.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String lines(List<Exchange> exchanges) {
        return String.join("\n", exchanges.stream().map(Exchange::summary).toList());
    }
}
