package org.sessionthreads.conformance.junit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.sessionthreads.conformance.audit.AuditReport;
import org.sessionthreads.conformance.audit.RunAudit;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.client.ApiClient;
import org.sessionthreads.conformance.client.ArchiveJournal;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.ExchangeListener;
import org.sessionthreads.conformance.client.FixtureHook;
import org.sessionthreads.conformance.client.RequestCounts;
import org.sessionthreads.conformance.client.SessionsApi;
import org.sessionthreads.conformance.client.transport.Manners;
import org.sessionthreads.conformance.client.TargetHealth;
import org.sessionthreads.conformance.client.TargetProbe;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.client.TransportException;
import org.sessionthreads.conformance.catalogue.Level;
import org.sessionthreads.conformance.config.ProfileException;
import org.sessionthreads.conformance.config.ProfileLoader;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Target;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.client.sse.SseClient;
import org.sessionthreads.conformance.client.DiscoveryRequests;
import org.sessionthreads.conformance.discovery.Discovery;
import org.sessionthreads.conformance.discovery.DiscoveryReport;
import org.sessionthreads.conformance.race.ArchiveRaces;
import org.sessionthreads.conformance.events.EventTimings;
import org.sessionthreads.conformance.race.Interleavings;
import org.sessionthreads.conformance.events.SessionEvents;
import org.sessionthreads.conformance.waits.Waits;
import org.sessionthreads.conformance.fixture.FixtureContext;
import org.sessionthreads.conformance.fixture.FixtureProvider;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.fixture.RunFixtures;
import org.sessionthreads.conformance.report.AllureScenarioReport;
import org.sessionthreads.conformance.schema.SchemaRegistry;
import org.sessionthreads.conformance.waiver.Waivers;

/**
 * Everything one run shares: the profile, the opened target, the HTTP client and the facades built on it. Created
 * once per engine execution by {@link ConformanceExtension} and closed (stopping an embedded target) at its end.
 */
final class ConformanceRun implements AutoCloseable {
    private final TargetProfile profile;
    private final Target target;
    private final RequirementCatalogue catalogue;
    private final ThreadsApi threads;
    private final SessionEvents events;
    private final List<FixtureProvider> fixtureChain;
    private final FixtureContext fixtureContext;
    private final RunFixtures runFixtures = new RunFixtures();
    private final RunAudit audit;
    private final Waivers waivers;
    private final DiscoveryReport discovery;
    private final TargetHealth health;
    private final RequestCounts requestCounts = new RequestCounts();
    private final Redactor redactor;
    private final EventsApi eventList;
    private final EventStreamApi eventStream;

    /** @param declared the profile as loaded; the run's {@link #profile()} is it plus what discovery adopted */
    private ConformanceRun(TargetProfile declared, Target target, ExchangeListener listener) {
        TargetProfile profile = declared;
        this.target = target;
        this.catalogue = RequirementCatalogue.load().forDialect(declared.readings().dialect().wireName());
        requireShouldIds(profile, catalogue);
        this.waivers = Waivers.load(profile.waivers());
        Redactor redactor = new Redactor(List.of(target.token()));
        this.redactor = redactor;
        this.health = new TargetHealth(profile.transportLimits().unanswered());
        Manners manners = new Manners(profile.transportLimits()); // why: one cap for both doors and every scenario
        ApiClient client = new ApiClient(target.token(), profile.timeouts().request(), profile.transportLimits(),
                health, manners, requestCounts, redactor, listener);
        this.threads = new ThreadsApi(client, target.apiBase(), new ArchiveJournal(), profile.readings().dialect());
        SseClient streams = new SseClient(target.token(), profile.timeouts().request(),
                profile.transportLimits(), health, manners, requestCounts, redactor, listener);
        EventsApi eventList = new EventsApi(client, target.apiBase());
        this.eventList = eventList;
        this.audit = new RunAudit(threads, eventList, new Waits(profile.timeouts()), profile.audit(),
                profile.readings(), Math.max(4, profile.concurrency()));
        this.eventStream = new EventStreamApi(streams, target.apiBase());
        this.events = new SessionEvents(eventList, eventStream,
                new Waits(profile.timeouts(), AllureScenarioReport::attachWait),
                new EventTimings()); // why: a template only; each scenario records into its own (on(channel, timings))
        this.fixtureChain = Fixtures.chainFor(profile.fixtureStrategies());
        FixtureContext fixtures = FixtureContext.forRun(profile,
                target.fixturesUrl().map(url -> new FixtureHook(client, url)),
                new SessionsApi(client, target.apiBase()), SchemaRegistry.shared());
        requireReachable(client);
        this.discovery = Discovery.run(declared, new DiscoveryRequests(client, streams, target.apiBase()),
                target.fixturesUrl().map(url -> new FixtureHook(client, url)), fixtures.ledger());
        this.fixtureContext = fixtures.withWindow(discovery.fixtureWindow());
        if (discovery.stopLine().isPresent() && declared.console().verbose()) {
            discovery.lines().forEach(line -> System.out.println("[conformance] " + line));
        }
        // why: a declared capability the target visibly lacks is one clear ERROR, not a cascade of FAILs
        discovery.stopLine().ifPresent(line -> {
            throw new TargetUnavailableException(line, discovery);
        });
        this.profile = discovery.effective();
    }

    /**
     * Loads the profile (configuration parameters, then system properties, then environment, then file), opens
     * the target and checks that it answers.
     *
     * @param parameter JUnit configuration parameter lookup; lets a launcher (or a self-test) set any
     *                  {@code conformance.*} key without touching system properties
     */
    static ConformanceRun start(Function<String, Optional<String>> parameter, ExchangeListener listener) {
        TargetProfile profile = ProfileLoader.fromSystemAnd(parameter).load();
        Target target = Target.open(profile);
        try {
            return new ConformanceRun(profile, target, listener);
        } catch (RuntimeException e) {
            closeQuietly(target);
            throw e;
        }
    }

    /** {@code gate_should} may name SHOULD requirements only: a MUST gates anyway, an unknown id is a typo. */
    private static void requireShouldIds(TargetProfile profile, RequirementCatalogue catalogue) {
        for (String id : profile.gateShould()) {
            boolean should = catalogue.find(id).map(e -> e.level() == Level.SHOULD).orElse(false);
            if (!should) {
                throw new ProfileException("gate_should lists " + id + ", which is not a SHOULD requirement of the"
                        + " catalogue; list SHOULD ids only (docs/catalogue.md)");
            }
        }
    }

    private void requireReachable(ApiClient client) {
        try {
            TargetProbe.requireReachable(client, target.apiBase());
        } catch (TransportException e) {
            throw new TargetUnavailableException("target " + target.apiBase() + " is unreachable ("
                    + e.getMessage() + "); check conformance.target");
        }
    }

    TargetProfile profile() {
        return profile;
    }

    Target target() {
        return target;
    }

    /** What discovery found before the scenarios (or that it was skipped). */
    DiscoveryReport discovery() {
        return discovery;
    }

    RequirementCatalogue catalogue() {
        return catalogue;
    }

    /** Fixtures created and released so far in this run, in one line. */
    String fixtureSummary() {
        return fixtureContext.summaryLine();
    }

    /** Requests sent so far, per endpoint (both HTTP doors, discovery and fixtures included). */
    RequestCounts requestCounts() {
        return requestCounts;
    }

    /** Whether the target still answers; shared by both HTTP doors of the run. */
    TargetHealth health() {
        return health;
    }

    Waivers waivers() {
        return waivers;
    }

    ThreadsApi threads() {
        return threads;
    }

    SessionEvents events() {
        return events;
    }

    /**
     * The race kit reading events through {@code channelEvents} (a scenario's channel-bound facade) and recording
     * the interleavings it observes in {@code observed} (the scenario's own, see {@link ScenarioRecording}).
     */
    ArchiveRaces races(SessionEvents channelEvents, Interleavings observed) {
        return new ArchiveRaces(threads, channelEvents, profile.race(), profile.readings(), observed);
    }

    /** Fixtures for one scenario; the run holds them after the scenario until {@link #releaseFixtures()}. */
    Fixtures newFixtures() {
        return new Fixtures(fixtureChain, fixtureContext, runFixtures);
    }

    /**
     * What plain reads disagreed with so far (the cursors' and the audit's shortcuts): findings about the target,
     * WARN lines of the summary, never verdicts (docs/event-reading.md, "Confirm before condemning").
     */
    List<String> targetFindings() {
        List<String> findings = new java.util.ArrayList<>(events.capabilities().findings());
        audit.findings().forEach(line -> findings.add("end-of-run audit: " + line));
        return findings;
    }

    /** The end-of-run audit over every fixture the run handed out and every archive it sent. */
    AuditReport audit() {
        return audit.run(runFixtures.fixtures(), threads.journal());
    }

    /**
     * Exploration (docs/explore.md) over fresh fixtures that are released after each sequence (not held for the
     * audit); sequences run {@code max(16, 4 × concurrency)} at once (most of a sequence that waits is its wait), a
     * wait step lasts {@code audit.settle}; the event views and the concurrent histories are the parts
     * {@code explore.ExplorationParts} names.
     */
    org.sessionthreads.conformance.explore.ExplorationReport explore() {
        TargetProfile.Explore settings = profile.explore();
        var model = new org.sessionthreads.conformance.explore.model.ArchiveModel(profile.readings(),
                profile.capabilities().idempotencyKey());
        var parallel = Math.max(16, 4 * profile.concurrency());
        Waits waits = new Waits(profile.timeouts());
        try (Fixtures rounds = new Fixtures(fixtureChain, fixtureContext);
             var oracle = org.sessionthreads.conformance.explore.ExplorationParts.events(eventList,
                     profile.capabilities().eventChannels().contains("sse") ? eventStream : null, waits,
                     profile.readings(), catalogue)) {
            var concurrency = org.sessionthreads.conformance.explore.ExplorationParts.concurrency(threads, eventList,
                    waits, rounds::obtain, profile.readings(),
                    org.sessionthreads.conformance.explore.linear.ArchiveConcurrency.DEFAULT_REQUEST_BUDGET);
            // why: a sequence reads every view before its first step, which must still beat a queued delivery
            FixtureContext sequences = fixtureContext.withWindow(discovery.fixtureWindow()
                    .map(w -> w.covering(org.sessionthreads.conformance.explore.Exploration.ROUND_TRIPS_BEFORE_STEP)));
            return new org.sessionthreads.conformance.explore.Exploration(threads,
                    () -> new Fixtures(fixtureChain, sequences), model, oracle, concurrency, waits,
                    new org.sessionthreads.conformance.explore.ExploreSettings(settings.depth(), settings.budget(),
                            parallel, settings.clients(), profile.audit().settle())).run().redacted(redactor::text);
        }
    }

    /** Releases every fixture the run holds (after the audit); one line per failure. */
    List<String> releaseFixtures() {
        return runFixtures.releaseAll();
    }

    /**
     * What the Allure Environment panel shows, redacted: profile, dialect, target and its URL (without user
     * information), event channels, strict and certify. {@code dialect} is the value of a setting of that name;
     * a suite version without one shows so.
     */
    Map<String, String> environment() {
        Map<String, String> settings = new java.util.HashMap<>();
        profile.effective().entries().forEach(e -> settings.put(e.key(), e.value()));
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        environment.put("profile", settings.getOrDefault("profile", profile.name()));
        environment.put("dialect", settings.getOrDefault("dialect", "(no dialect setting in this suite version)"));
        environment.put("target", target.description());
        environment.put("target.url", withoutUserInfo(target.apiBase()));
        environment.put("event_channels", settings.getOrDefault("event_channels", ""));
        environment.put("strict", settings.getOrDefault("strict", ""));
        environment.put("certify", settings.getOrDefault("certify", ""));
        environment.replaceAll((key, value) -> redactor.text(value));
        return environment;
    }

    private static String withoutUserInfo(java.net.URI uri) {
        return uri.getRawUserInfo() == null ? uri.toString()
                : uri.toString().replace(uri.getRawUserInfo() + "@", org.sessionthreads.conformance.config.Secret.MASK + "@");
    }

    Map<String, String> describe() {
        return Map.of("profile", profile.describe(), "target", target.description());
    }

    @Override
    public void close() {
        releaseFixtures().forEach(failure -> System.err.println("[conformance] could not release " + failure));
        fixtureContext.close(); // one line: fixtures created and released; leftovers are a WARNING
        closeQuietly(target);
    }

    private static void closeQuietly(Target target) {
        try {
            target.close();
        } catch (Exception e) {
            System.err.println("[conformance] stopping the target failed: " + e.getMessage());
        }
    }
}
