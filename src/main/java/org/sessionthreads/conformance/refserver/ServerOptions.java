package org.sessionthreads.conformance.refserver;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

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
        Builder defaults = new Builder();
        defaults.token = token;
        return defaults.build();
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
        return ProfileOptions.apply(this, key, value == null ? "" : value.trim());
    }

    public ServerOptions withHost(String newHost) {
        return with(b -> b.host = newHost);
    }

    public ServerOptions withPort(int newPort) {
        return with(b -> b.port = newPort);
    }

    public ServerOptions withToken(String newToken) {
        return with(b -> b.token = newToken);
    }

    public ServerOptions withFaults(Set<Fault> newFaults) {
        return with(b -> b.faults = newFaults);
    }

    /** These options with {@code fault} added to the others. */
    public ServerOptions withFault(Fault fault) {
        EnumSet<Fault> more = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
        more.add(fault);
        return withFaults(more);
    }

    public ServerOptions withVariations(Set<Variation> newVariations) {
        return with(b -> b.variations = newVariations);
    }

    /** These options with {@code variation} added to the others. */
    public ServerOptions withVariation(Variation variation) {
        EnumSet<Variation> more = variations.isEmpty() ? EnumSet.noneOf(Variation.class) : EnumSet.copyOf(variations);
        more.add(variation);
        return withVariations(more);
    }

    public ServerOptions withDeliverAfter(Duration delay) {
        return with(b -> b.deliverAfter = delay);
    }

    public ServerOptions withHeartbeat(Duration interval) {
        return with(b -> b.heartbeat = interval);
    }

    public ServerOptions withFixtureHook(boolean enabled) {
        return with(b -> b.fixtureHook = enabled);
    }

    public ServerOptions withPublicApi(boolean enabled) {
        return with(b -> b.publicApi = enabled);
    }

    public ServerOptions withEventStream(boolean enabled) {
        return with(b -> b.eventStream = enabled);
    }

    public ServerOptions withIdempotency(boolean enabled) {
        return with(b -> b.idempotency = enabled);
    }

    public ServerOptions withTransportFaults(Set<TransportFault> newTransportFaults) {
        return with(b -> b.transportFaults = newTransportFaults);
    }

    public ServerOptions withDialect(ServerDialect newDialect) {
        return with(b -> b.dialect = newDialect);
    }

    /** A copy of these options with {@code change} applied to their builder. */
    private ServerOptions with(Consumer<Builder> change) {
        Builder builder = new Builder(this);
        change.accept(builder);
        return builder.build();
    }

    /**
     * The one place that lists every component with its default: a new option is a component of the record, a field
     * here (with its default), a line in the copy constructor and an argument of {@link #build()}.
     */
    private static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private String token;
        private Set<Fault> faults = Set.of();
        private Set<Variation> variations = Set.of();
        private Duration deliverAfter = Duration.ofMillis(1000);
        private Duration heartbeat = Duration.ofSeconds(5);
        private boolean fixtureHook = true;
        private boolean publicApi = true;
        private boolean eventStream = true;
        private boolean idempotency = true;
        private Set<TransportFault> transportFaults = Set.of();
        private ServerDialect dialect = ServerDialect.ARCHIVE_PAGE;

        private Builder() {
        }

        private Builder(ServerOptions options) {
            host = options.host;
            port = options.port;
            token = options.token;
            faults = options.faults;
            variations = options.variations;
            deliverAfter = options.deliverAfter;
            heartbeat = options.heartbeat;
            fixtureHook = options.fixtureHook;
            publicApi = options.publicApi;
            eventStream = options.eventStream;
            idempotency = options.idempotency;
            transportFaults = options.transportFaults;
            dialect = options.dialect;
        }

        private ServerOptions build() {
            return new ServerOptions(host, port, token, faults, variations, deliverAfter, heartbeat, fixtureHook,
                    publicApi, eventStream, idempotency, transportFaults, dialect);
        }
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

    private static void requireAtLeast(String name, Duration value, long minMillis) {
        if (value == null || value.toMillis() < minMillis) {
            throw new IllegalArgumentException(name + " must be at least " + minMillis + " ms, got "
                    + (value == null ? "nothing" : value.toMillis() + " ms") + ".");
        }
    }
}
