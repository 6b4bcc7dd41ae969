package org.sessionthreads.conformance.refserver;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything a reference server is started with. Immutable; the {@code with…} methods return changed copies.
 *
 * <p>The profile option keys understood by {@link #withOption} (and by {@link ReferenceServerTarget}) are
 * {@value #FAULTS}, {@value #VARIATIONS}, {@value #DELIVER_AFTER_MS}, {@value #HEARTBEAT_MS},
 * {@value #FIXTURE_HOOK}, {@value #PUBLIC_API}, {@value #EVENT_STREAM}, {@value #IDEMPOTENCY},
 * {@value #TRANSPORT_FAULTS} and {@value #DIALECT}.
 * {@link #toString()} never shows the token. How a re-archive is answered is no option of its own: {@link #rearchive()}
 * derives it from the dialect, the faults and the variations.
 *
 * @param variations   conformant variations ({@link Variation#REARCHIVE_CONFLICT}: a re-archive answers 409, see
 *                     {@link #rearchive()})
 * @param port         0 picks an ephemeral port
 * @param token        the only bearer token accepted
 * @param deliverAfter how long a pending mailbox message waits before delivery (at least 300 ms)
 * @param heartbeat    interval of the {@code : heartbeat} comment on event streams
 * @param fixtureHook  false: no fixture hook ({@code /_fixtures} answers 404), so fixtures come only through the
 *                     public creation API
 * @param publicApi    false: no public creation API ({@code POST /v1/agents}, {@code /v1/sessions}, the session's
 *                     events and archive answer 404), so with the hook off too no fixture can be made at all: a
 *                     conformant target the suite can judge only where a scenario needs no fixture
 * @param eventStream  false: no event stream (the SSE routes answer 404 in the error envelope), like a target that
 *                     offers only the event list
 * @param idempotency  false: {@code Idempotency-Key} is ignored on archive, like a target without the Forward API
* @param transportFaults hostile transport behaviours (hang, drip, flood, redirect, reset), not requirement faults
 * @param dialect      which documented shape of the API the server speaks; {@link ServerDialect#FORWARD} answers a
 *                     re-archive 200 whatever the variations say (its page demands it), unless
 *                     {@link Fault#FORWARD_REARCHIVE_CONFLICT}
 */
public record ServerOptions(
        String host, int port, String token, Set<Fault> faults, Set<Variation> variations,
        Duration deliverAfter, Duration heartbeat, boolean fixtureHook, boolean publicApi, boolean eventStream,
        boolean idempotency, Set<TransportFault> transportFaults, ServerDialect dialect) {

    public static final String FAULTS = "faults";
    public static final String VARIATIONS = "variations";
    public static final String DELIVER_AFTER_MS = "deliver_after_ms";
    public static final String HEARTBEAT_MS = "heartbeat_ms";
    public static final String FIXTURE_HOOK = "fixture_hook";
    public static final String PUBLIC_API = "public_api";
    public static final String EVENT_STREAM = "event_stream";
    public static final String IDEMPOTENCY = "idempotency";
    public static final String TRANSPORT_FAULTS = "transport_faults";
    public static final String DIALECT = "dialect";
    /** The smallest accepted mailbox delay: long enough for a client to archive the child first. */
    public static final long MIN_DELIVER_AFTER_MS = 300;

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("The bearer token must not be empty.");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port must be between 0 and 65535, got " + port + ".");
        }
        faults = Collections.unmodifiableSet(faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults));
        variations = Collections.unmodifiableSet(
                variations.isEmpty() ? EnumSet.noneOf(Variation.class) : EnumSet.copyOf(variations));
        Objects.requireNonNull(dialect, "dialect");
        requireAtLeast(DELIVER_AFTER_MS, deliverAfter, MIN_DELIVER_AFTER_MS);
        requireAtLeast(HEARTBEAT_MS, heartbeat, 1);
        transportFaults = Collections.unmodifiableSet(transportFaults.isEmpty()
                ? EnumSet.noneOf(TransportFault.class) : EnumSet.copyOf(transportFaults));
    }

    /**
     * Defaults: 127.0.0.1, ephemeral port, no faults, no variations, re-archive answers 200, 1000 ms delivery, 5 s
     * heartbeat, fixture hook, public creation API, event stream and Idempotency-Key on.
     */
    public static ServerOptions defaults(String token) {
        return new ServerOptions("127.0.0.1", 0, token, Set.of(), Set.of(),
                Duration.ofMillis(1000), Duration.ofSeconds(5), true, true, true, true, Set.of(),
                ServerDialect.ARCHIVE_PAGE);
    }

    /**
     * How this server answers an archive request for a child that is already archived. This is the only place that
     * decides it; there is no option of its own, so nothing can override it. The archive page is silent on
     * re-archive, so a conformant server may answer 200 with the unchanged thread or 409: {@link RearchiveMode#OK}
     * by default, {@link RearchiveMode#CONFLICT} under {@link Variation#REARCHIVE_CONFLICT}. The Forward page demands
     * 200 with the current thread, so {@link ServerDialect#FORWARD} ({@link ServerDialect#forwardRules()}) ignores that variation and answers 409 only
     * under the deliberate {@link Fault#FORWARD_REARCHIVE_CONFLICT}.
     */
    public RearchiveMode rearchive() {
        if (dialect.forwardRules()) {
            return faults.contains(Fault.FORWARD_REARCHIVE_CONFLICT) ? RearchiveMode.CONFLICT : RearchiveMode.OK;
        }
        return variations.contains(Variation.REARCHIVE_CONFLICT) ? RearchiveMode.CONFLICT : RearchiveMode.OK;
    }

    /**
     * The variation that delays every answer (a {@code LATENCY_} one; the slowest when several are set), if any.
     * The answers are delayed in {@code http.ApiRoutes}, and its fixture hook queues pending messages
     * {@link Variation#LATENCY_DELIVER_AFTER_MILLIS} ms ahead ({@link #hookDeliverAfter()}).
     */
    public java.util.Optional<Variation> latency() {
        return variations.stream().filter(Variation::delaysAnswers)
                .max(java.util.Comparator.comparingLong(Variation::latencyMillis));
    }

    /**
     * How far ahead the fixture hook queues a pending message when the request asks for no more: {@link #deliverAfter}
     * (the server's {@code deliver_after_ms}), or {@link Variation#LATENCY_DELIVER_AFTER_MILLIS} under a
     * {@code LATENCY_} variation (a far target whose hook keeps a near target's habit).
     */
    public Duration hookDeliverAfter() {
        return latency().isPresent() ? Duration.ofMillis(Variation.LATENCY_DELIVER_AFTER_MILLIS) : deliverAfter;
    }

    public boolean has(Fault fault) {
        return faults.contains(fault);
    }

    /** Whether {@code fault} is set and acts on this server: a fault of one dialect acts only in that dialect. */
    public boolean acts(Fault fault) {
        return has(fault) && fault.dialect().map(own -> own == dialect).orElse(true);
    }

    public boolean has(TransportFault fault) {
        return transportFaults.contains(fault);
    }

    public boolean varies(Variation variation) {
        return variations.contains(variation);
    }

    /** These options with every profile option of {@code options} applied. */
    public ServerOptions withOptions(Map<String, String> options) {
        ServerOptions result = this;
        for (Map.Entry<String, String> option : options.entrySet()) {
            result = result.withOption(option.getKey(), option.getValue());
        }
        return result;
    }

    /**
     * These options with one profile option applied.
     *
     * @throws IllegalArgumentException for an unknown key or a bad value, naming both
     */
    public ServerOptions withOption(String key, String value) {
        String text = value == null ? "" : value.trim();
        switch (key) {
            case FAULTS:
                return withFaults(parseNames(text, Fault.class, Fault::parse));
            case VARIATIONS:
                return withVariations(parseNames(text, Variation.class, Variation::parse));
            case DELIVER_AFTER_MS:
                return withDeliverAfter(Duration.ofMillis(parseMillis(key, text)));
            case HEARTBEAT_MS:
                return withHeartbeat(Duration.ofMillis(parseMillis(key, text)));
            case FIXTURE_HOOK:
                return withFixtureHook(parseBoolean(key, text));
            case PUBLIC_API:
                return withPublicApi(parseBoolean(key, text));
            case EVENT_STREAM:
                return withEventStream(parseBoolean(key, text));
            case IDEMPOTENCY:
                return withIdempotency(parseBoolean(key, text));
            case TRANSPORT_FAULTS:
                return withTransportFaults(parseNames(text, TransportFault.class, TransportFault::parse));
            case DIALECT:
                return withDialect(ServerDialect.parse(text));
            default:
                throw new IllegalArgumentException("Unknown reference server option '" + key + "'; known options: "
                        + String.join(", ", FAULTS, VARIATIONS, DELIVER_AFTER_MS, HEARTBEAT_MS,
                        FIXTURE_HOOK, PUBLIC_API, EVENT_STREAM, IDEMPOTENCY, TRANSPORT_FAULTS, DIALECT) + "."
                        + (key.equals("rearchive") ? " For a re-archive answered 409 use variations: "
                        + Variation.REARCHIVE_CONFLICT.name() + "." : ""));
        }
    }

    public ServerOptions withHost(String newHost) {
        return new ServerOptions(newHost, port, token,
                faults, variations, deliverAfter, heartbeat, fixtureHook, publicApi,
                eventStream, idempotency, transportFaults, dialect);
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(host, newPort, token,
                faults, variations, deliverAfter, heartbeat, fixtureHook, publicApi,
                eventStream, idempotency, transportFaults, dialect);
    }

    public ServerOptions withToken(String newToken) {
        return new ServerOptions(host, port, newToken,
                faults, variations, deliverAfter, heartbeat, fixtureHook, publicApi,
                eventStream, idempotency, transportFaults, dialect);
    }

    public ServerOptions withFaults(Set<Fault> newFaults) {
        return new ServerOptions(host, port, token,
                newFaults, variations, deliverAfter, heartbeat, fixtureHook, publicApi,
                eventStream, idempotency, transportFaults, dialect);
    }

    /** These options with {@code fault} added to the others. */
    public ServerOptions withFault(Fault fault) {
        EnumSet<Fault> more = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
        more.add(fault);
        return withFaults(more);
    }

    public ServerOptions withVariations(Set<Variation> newVariations) {
        return new ServerOptions(host, port, token,
                faults, newVariations, deliverAfter, heartbeat, fixtureHook, publicApi,
                eventStream, idempotency, transportFaults, dialect);
    }

    /** These options with {@code variation} added to the others. */
    public ServerOptions withVariation(Variation variation) {
        EnumSet<Variation> more = variations.isEmpty() ? EnumSet.noneOf(Variation.class) : EnumSet.copyOf(variations);
        more.add(variation);
        return withVariations(more);
    }

    public ServerOptions withDeliverAfter(Duration delay) {
        return new ServerOptions(host, port, token, faults, variations, delay, heartbeat, fixtureHook, publicApi,
                eventStream, idempotency, transportFaults, dialect);
    }

    public ServerOptions withHeartbeat(Duration interval) {
        return new ServerOptions(host, port, token, faults, variations, deliverAfter, interval, fixtureHook, publicApi,
                eventStream, idempotency, transportFaults, dialect);
    }

    public ServerOptions withFixtureHook(boolean enabled) {
        return new ServerOptions(host, port, token, faults, variations, deliverAfter, heartbeat, enabled, publicApi,
                eventStream, idempotency, transportFaults, dialect);
    }

    public ServerOptions withPublicApi(boolean enabled) {
        return new ServerOptions(host, port, token, faults, variations, deliverAfter, heartbeat, fixtureHook, enabled,
                eventStream, idempotency, transportFaults, dialect);
    }

    public ServerOptions withEventStream(boolean enabled) {
        return new ServerOptions(host, port, token, faults, variations, deliverAfter, heartbeat, fixtureHook, publicApi,
                enabled, idempotency, transportFaults, dialect);
    }

    public ServerOptions withIdempotency(boolean enabled) {
        return new ServerOptions(host, port, token, faults, variations, deliverAfter, heartbeat, fixtureHook, publicApi,
                eventStream, enabled, transportFaults, dialect);
    }

    public ServerOptions withTransportFaults(Set<TransportFault> newTransportFaults) {
        return new ServerOptions(host, port, token, faults, variations, deliverAfter, heartbeat, fixtureHook, publicApi,
                eventStream, idempotency, newTransportFaults, dialect);
    }

    public ServerOptions withDialect(ServerDialect newDialect) {
        return new ServerOptions(host, port, token, faults, variations, deliverAfter, heartbeat, fixtureHook, publicApi,
                eventStream, idempotency, transportFaults, newDialect);
    }

    @Override
    public String toString() {
        return "ServerOptions[host=" + host + ", port=" + port + ", token=***, faults=" + faults
                + ", variations=" + variations + ", rearchive=" + rearchive() + ", deliverAfter=" + deliverAfter
                + ", heartbeat=" + heartbeat + ", fixtureHook=" + fixtureHook + ", publicApi=" + publicApi
                + ", eventStream=" + eventStream + ", idempotency=" + idempotency
                + (transportFaults.isEmpty() ? "" : ", transportFaults=" + transportFaults)
                + ", dialect=" + dialect.wireName() + "]";
    }

    private static <E extends Enum<E>> Set<E> parseNames(String text, Class<E> type, Function<String, E> parse) {
        EnumSet<E> parsed = EnumSet.noneOf(type);
        Arrays.stream(text.split(",")).filter(name -> !name.isBlank()).map(parse).forEach(parsed::add);
        return parsed;
    }

    private static long parseMillis(String name, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of milliseconds, got '" + text + "'.");
        }
    }

    private static boolean parseBoolean(String name, String text) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException(name + " must be true or false, got '" + text + "'.");
        }
        return Boolean.parseBoolean(text);
    }

    private static void requireAtLeast(String name, Duration value, long minMillis) {
        if (value == null || value.toMillis() < minMillis) {
            throw new IllegalArgumentException(name + " must be at least " + minMillis + " ms, got "
                    + (value == null ? "nothing" : value.toMillis() + " ms") + ".");
        }
    }
}
