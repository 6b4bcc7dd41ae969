package org.sessionthreads.conformance.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sessionthreads.conformance.client.ApiClient;
import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.FixtureHook;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.client.sse.SseClient;
import org.sessionthreads.conformance.config.ProfileLoader;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Target;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.events.EventCursor;
import org.sessionthreads.conformance.events.EventTimings;
import org.sessionthreads.conformance.events.SessionEvents;
import org.sessionthreads.conformance.waits.Waits;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.FixtureContext;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.schema.SchemaRegistry;

/**
 * Prints latency figures of the suite's hot path against the profile's target (the embedded reference server by
 * default), per event channel: fixture creation, opening the event cursor, one archive request, and the time from
 * the archive answer until the cursor has the terminated event (the wait as the scenario sees it, and the arrival
 * latency {@code EventTimings} records). Run it as docs/benchmarks.md shows; the first argument is the
 * number of archives per channel (default 300, after 30 warm-up rounds), the second the channels (default
 * {@code polling,sse}).
 */
public final class ArchiveLatencyBenchmark {
    private static final int WARM_UP = 30;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        List<EventChannel> channels = Arrays.stream((args.length > 1 ? args[1] : "polling,sse").split(","))
                .map(name -> EventChannel.valueOf(name.strip().toUpperCase(Locale.ROOT))).toList();
        TargetProfile profile = ProfileLoader.fromSystem().load();
        try (Target target = Target.open(profile)) {
            Redactor redactor = new Redactor(List.of(target.token()));
            ApiClient client = new ApiClient(target.token(), profile.timeouts().request(), redactor, exchange -> { });
            ThreadsApi threads = new ThreadsApi(client, target.apiBase());
            EventTimings timings = new EventTimings();
            SessionEvents events = new SessionEvents(new EventsApi(client, target.apiBase()), new EventStreamApi(
                    new SseClient(target.token(), profile.timeouts().request(), redactor, exchange -> { }),
                    target.apiBase()), new Waits(profile.timeouts()), timings);
            System.out.println("target: " + target.description() + "; " + rounds + " archives per channel after "
                    + WARM_UP + " warm-up rounds");
            for (EventChannel channel : channels) {
                Map<String, List<Duration>> figures = new LinkedHashMap<>();
                List.of("fixture idle_child", "open cursor", "archive request", "event awaited after answer")
                        .forEach(name -> figures.put(name, new ArrayList<>()));
                for (int i = 0; i < WARM_UP + rounds; i++) {
                    // why: one fixture set per round, released at once as after a scenario (it ends the stream)
                    try (Fixtures fixtures = fixtures(profile, target, client)) {
                        round(fixtures, threads, events.on(channel, events.timings()), i < WARM_UP ? null : figures);
                    }
                }
                System.out.println("channel " + channel + ":");
                figures.forEach(ArchiveLatencyBenchmark::print);
            }
            channels.forEach(channel -> System.out.println("event received after answer (" + channel + ", "
                    + "EventTimings incl. warm-up): " + timings.snapshot(channel).describe()));
        }
    }

    private static Fixtures fixtures(TargetProfile profile, Target target, ApiClient client) {
        return new Fixtures(Fixtures.chainFor(profile.fixtureStrategies()), new FixtureContext(
                profile, target.fixturesUrl().map(url -> new FixtureHook(client, url)), SchemaRegistry.shared()));
    }

    private static void round(Fixtures fixtures, ThreadsApi threads, SessionEvents events,
                              Map<String, List<Duration>> figures) {
        long t0 = System.nanoTime();
        Fixture child = fixtures.idleChild();
        long t1 = System.nanoTime();
        try (EventCursor cursor = events.openFor(child.sessionId())) {
            long t2 = System.nanoTime();
            int status = cursor.timed(() -> threads.archive(child.thread())).status();
            long t3 = System.nanoTime();
            cursor.awaitTermination(child.threadId());
            long t4 = System.nanoTime();
            if (status != 200) {
                throw new IllegalStateException("archive answered " + status);
            }
            if (figures != null) {
                figures.get("fixture idle_child").add(Duration.ofNanos(t1 - t0));
                figures.get("open cursor").add(Duration.ofNanos(t2 - t1));
                figures.get("archive request").add(Duration.ofNanos(t3 - t2));
                figures.get("event awaited after answer").add(Duration.ofNanos(t4 - t3));
            }
        }
    }

    private static void print(String name, List<Duration> samples) {
        List<Duration> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        System.out.printf("  %-28s p50 %6.2f ms   p95 %6.2f ms   max %6.2f ms   (n=%d)%n", name,
                ms(sorted.get(sorted.size() / 2)), ms(sorted.get((int) (sorted.size() * 0.95))),
                ms(sorted.get(sorted.size() - 1)), sorted.size());
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1_000_000.0;
    }
}
