package org.sessionthreads.conformance.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sessionthreads.conformance.client.ApiClient;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.FixtureHook;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.config.ProfileLoader;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Target;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.events.EventCursor;
import org.sessionthreads.conformance.events.EventMatcher;
import org.sessionthreads.conformance.events.SessionEvents;
import org.sessionthreads.conformance.events.Waits;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.FixtureContext;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.schema.SchemaRegistry;

/**
 * Prints latency figures of the suite's hot path against the profile's target (the embedded reference server by
 * default): fixture creation, one archive request, and the time from the archive answer until the event cursor
 * has seen the terminated event. Run it as README's "Benchmark" section shows; the first argument is the number
 * of archives (default 300), after 30 warm-up rounds.
 */
public final class ArchiveLatencyBenchmark {
    private static final int WARM_UP = 30;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        TargetProfile profile = ProfileLoader.fromSystem().load();
        try (Target target = Target.open(profile)) {
            ApiClient client = new ApiClient(target.token(), profile.timeouts().request(),
                    new Redactor(List.of(target.token())), exchange -> { });
            ThreadsApi threads = new ThreadsApi(client, target.apiBase());
            SessionEvents events = new SessionEvents(new EventsApi(client, target.apiBase()),
                    new Waits(profile.timeouts()));
            Fixtures fixtures = new Fixtures(Fixtures.chainFor(profile.fixtureStrategies()), new FixtureContext(
                    profile, target.fixturesUrl().map(url -> new FixtureHook(client, url)), SchemaRegistry.shared()));
            Map<String, List<Duration>> figures = new LinkedHashMap<>();
            List.of("fixture idle_child", "archive request", "event detected after answer")
                    .forEach(name -> figures.put(name, new ArrayList<>()));
            System.out.println("target: " + target.description() + "; " + rounds + " archives after " + WARM_UP
                    + " warm-up rounds");
            for (int i = 0; i < WARM_UP + rounds; i++) {
                round(fixtures, threads, events, i < WARM_UP ? null : figures);
            }
            fixtures.close();
            figures.forEach(ArchiveLatencyBenchmark::print);
        }
    }

    private static void round(Fixtures fixtures, ThreadsApi threads, SessionEvents events,
                              Map<String, List<Duration>> figures) {
        long t0 = System.nanoTime();
        Fixture child = fixtures.idleChild();
        EventCursor cursor = events.openFor(child.sessionId());
        long t1 = System.nanoTime();
        int status = threads.archive(child.thread()).status();
        long t2 = System.nanoTime();
        cursor.awaitFirst(EventMatcher.terminated(child.threadId()));
        long t3 = System.nanoTime();
        if (status != 200) {
            throw new IllegalStateException("archive answered " + status);
        }
        if (figures != null) {
            figures.get("fixture idle_child").add(Duration.ofNanos(t1 - t0));
            figures.get("archive request").add(Duration.ofNanos(t2 - t1));
            figures.get("event detected after answer").add(Duration.ofNanos(t3 - t2));
        }
    }

    private static void print(String name, List<Duration> samples) {
        List<Duration> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        System.out.printf("%-28s p50 %6.2f ms   p95 %6.2f ms   max %6.2f ms   (n=%d)%n", name,
                ms(sorted.get(sorted.size() / 2)), ms(sorted.get((int) (sorted.size() * 0.95))),
                ms(sorted.get(sorted.size() - 1)), sorted.size());
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1_000_000.0;
    }
}
