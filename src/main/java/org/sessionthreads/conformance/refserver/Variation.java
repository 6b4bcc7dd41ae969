package org.sessionthreads.conformance.refserver;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Unusual but conformant behaviours of the reference server, the counterpart of {@link Fault}: every one stays
 * within the contract as the suite reads it, so the suite must pass every scenario against the server started with
 * any of them. The mutation self-test proves it (a failure is a false alarm and fails the build).
 *
 * <p>To add a variation: add a constant here with a one-line description, then test
 * {@code options.varies(Variation.X)} at the single place where the behaviour lives (the Javadoc names it).
 */
public enum Variation {
    /**
     * Every request is answered {@value #SLOW_MILLIS} ms later, well within {@code timeouts.request}
     * ({@code ApiRoutes}).
     */
    SLOW_RESPONSES,
    /**
     * The terminated event, the "Agent cancelled." result and the coordinator's resume are appended
     * {@value #LATE_MILLIS} ms after the archive answer, within {@code timeouts.event} ({@code ThreadTransitions}).
     */
    LATE_EVENTS,
    /**
     * Unknown extra fields on every JSON object: threads, agents, events, list pages, error envelopes ({@code Json}).
     */
    EXTRA_FIELDS,
    /**
     * Ids of other lengths and alphabets after the prefix: base32, mixed case, 16 hex, {@code toolu_bdrk_…}
     * ({@code ReferenceServer} picks {@code Ids.OTHER_SHAPES}).
     */
    OTHER_ID_SHAPES,
    /**
     * Timestamps without fraction, with micro- or nanoseconds, and with {@code +02:00}/{@code -05:00} offsets
     * ({@code Json}).
     */
    TIMESTAMP_STYLES,
    /** Event and thread list pages hold at most two items, whatever {@code limit} asks ({@code ApiRoutes}). */
    TWO_ITEM_PAGES,
    /**
     * Dozens of unrelated {@code agent.message} events of other threads around every archive ({@code ArchiveThread}).
     */
    INTERLEAVED_EVENTS,
    /**
     * Re-archiving answers 409 instead of 200 with the unchanged thread ({@code ServerOptions.rearchive()}).
     */
    REARCHIVE_CONFLICT,
    /** Error envelopes without {@code request_id}, with an extra {@code error.code} ({@code ErrorEnvelope}). */
    ERROR_ENVELOPE_VARIANT,
    /** Tool results carry {@code content} as a plain string instead of text blocks ({@code Events}). */
    TOOL_RESULT_CONTENT_AS_STRING,
    /**
     * The request's {@code Authorization} header comes back in an {@code x-echoed-authorization} response header and
     * an {@code echoed_authorization} field of every JSON body ({@code Json}): harmless to the contract, a trap for
     * reports, which is why the secret-canary self-test runs with it.
     */
    ECHO_CREDENTIALS,
    /**
     * A rate-limiting gateway in front: every {@value #RATE_LIMIT_EVERY}th request is answered 429 with
     * {@code Retry-After: 1}, every {@value #UNAVAILABLE_EVERY}th 503 without {@code Retry-After}, before the
     * request is looked at, so nothing happened and a retry is safe ({@code http.RateLimiter}).
     */
    RATE_LIMITED,
    /**
     * The pace of a deployment rather than of an in-process server: every request is answered
     * {@value #DEPLOYMENT_REQUEST_MILLIS} ms later ({@code ApiRoutes}), a fixture from the hook is ready
     * {@value #DEPLOYMENT_FIXTURE_MILLIS} ms after it was asked for ({@code fixtures.FixtureHook}), and the archive's
     * events are appended {@value #DEPLOYMENT_EVENT_MILLIS} ms after the answer ({@code ThreadTransitions}). The
     * realistic target of the benchmark (docs/concurrency.md).
     */
    DEPLOYMENT_PACE,
    /**
     * Every fixture session starts with {@value #HUGE_HISTORY_EVENTS} unrelated {@code agent.message} events of its
     * coordinator, and every archive puts as many between its answer and its terminated event
     * ({@code FixtureSessions}, {@code ThreadTransitions}; stored lazily by {@code EventLog}).
     */
    HUGE_HISTORY,
    /**
     * The event list and stream ignore {@code order} and {@code types}: always oldest first, every type
     * ({@code ListEventsHandler}, {@code StreamEventsHandler}).
     */
    LIST_FILTERS_IGNORED,
    /**
     * The event list and stream answer 400 to {@code order} or {@code types} ({@code ListEventsHandler},
     * {@code StreamEventsHandler}).
     */
    LIST_FILTERS_REJECTED,
    /**
     * The event list resolves {@code after_id} within the type-filtered list, and the stream its
     * {@code Last-Event-ID}: an id the request's {@code types} filter removes reads as the end of the list (an empty
     * last page; a stream that replays nothing and goes on live). The docs are silent on how the two combine
     * ({@code ListEventsHandler}, {@code StreamEventsHandler}).
     */
    AFTER_ID_WITHIN_TYPES;

    /** {@link #HUGE_HISTORY}: unrelated events before each fixture and between each archive and its event. */
    public static final int HUGE_HISTORY_EVENTS = 100_000;

    /** {@link #RATE_LIMITED}: every n-th request is refused with 429. */
    public static final int RATE_LIMIT_EVERY = 10;
    /** {@link #RATE_LIMITED}: every n-th request (unless it is a 429 one) is refused with 503. */
    public static final int UNAVAILABLE_EVERY = 23;

    /** The delay {@link #SLOW_RESPONSES} adds to every request. */
    public static final long SLOW_MILLIS = 150;
    /** {@link #DEPLOYMENT_PACE}: the delay before every answer. */
    public static final long DEPLOYMENT_REQUEST_MILLIS = 40;
    /** {@link #DEPLOYMENT_PACE}: how long a fixture takes to be prepared. */
    public static final long DEPLOYMENT_FIXTURE_MILLIS = 2_000;
    /** {@link #DEPLOYMENT_PACE}: how long after the archive answer its events are appended. */
    public static final long DEPLOYMENT_EVENT_MILLIS = 300;
    /** How long after the archive answer {@link #LATE_EVENTS} appends the archive's events. */
    public static final long LATE_MILLIS = 1_000;

    /**
     * The variation named {@code name}, ignoring case and accepting {@code -} for {@code _}.
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static Variation parse(String name) {
        String normalised = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(variation -> variation.name().equals(normalised)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown variation '" + name.trim() + "'; known variations: " + knownNames() + "."));
    }

    /** All variation names, comma-separated, for help and error texts. */
    public static String knownNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
