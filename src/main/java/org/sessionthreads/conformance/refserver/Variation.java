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
     * A target 150 ms away: every request is answered 150 ms later ({@code ApiRoutes}), and the fixture hook queues
     * a pending message {@value #LATENCY_DELIVER_AFTER_MILLIS} ms ahead unless the request's {@code window_ms} asks
     * for more ({@code fixtures.FixtureHook}).
     */
    LATENCY_150(150, 0),
    /** As {@code LATENCY_150}, each answer's delay drawn anew between 75 and 225 ms. */
    LATENCY_150_JITTER(150, 75),
    /**
     * A target 400 ms away: every request is answered 400 ms later ({@code ApiRoutes}), and the fixture hook queues
     * a pending message {@value #LATENCY_DELIVER_AFTER_MILLIS} ms ahead unless the request's {@code window_ms} asks
     * for more ({@code fixtures.FixtureHook}).
     */
    LATENCY_400(400, 0),
    /** As {@code LATENCY_400}, each answer's delay drawn anew between 200 and 600 ms. */
    LATENCY_400_JITTER(400, 200),
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
     * A full page always says {@code has_more: true} (nothing is read ahead), so a list whose length is a multiple
     * of the page size ends with an empty page: {@code data: []}, {@code first_id}, {@code last_id} and
     * {@code next_page} null, {@code has_more: false} ({@code ApiRoutes}, which gives the list handlers
     * {@code PageRules} without read-ahead). Docs: api-digest §5d, list pages of {@code data}, {@code first_id},
     * {@code last_id}, {@code has_more}, {@code next_page} with "first/last/next nullable" and "ids null on empty
     * page"; no page says how {@code has_more} is computed.
     */
    HAS_MORE_ON_FULL_PAGES,
    /**
     * Event-stream frames in other spellings the text/event-stream format allows: CRLF line ends, no space after
     * the colon, {@code event} before {@code id}, the event's JSON pretty-printed over several {@code data:} lines,
     * a comment before every frame and a {@code retry:} field first ({@code SseStream}). Docs: api-digest §4c,
     * "SSE frame: {@code id: evt_…} / {@code event: <type>} / {@code data: <JSON event>}" and "heartbeat comments"
     * name the fields, not their bytes; the framing is the SSE format's (WHATWG HTML, server-sent events).
     */
    SSE_FRAMING_VARIANTS,
    /**
     * Every event stream ends after its first event frame (replayed or live), as a long-polling gateway does; the
     * client reconnects with {@code Last-Event-ID} for the next ({@code StreamEventsHandler}). Docs: api-digest
     * §4c, "Last-Event-ID resume" and "SDK does not auto-reconnect; reconnect with Last-Event-ID"; no page says how
     * long a stream stays open.
     */
    ONE_EVENT_PER_STREAM,
    /**
     * The server's clock runs {@value #CLOCK_BEHIND_MINUTES} minutes behind the client's: every timestamp it writes
     * ({@code created_at}, {@code updated_at}, {@code archived_at}, {@code processed_at}) is that much earlier than
     * the client's clock says ({@code ReferenceServer}). Docs: api-digest §2g gives the timestamp format only; no
     * page relates the server's timestamps to the caller's clock.
     */
    CLOCK_BEHIND,
    /**
     * The coordinator's runtime learns of the cancelled {@code Agent} call asynchronously: the terminated event is
     * appended at once, the "Agent cancelled." result and the coordinator's resume {@value #RESUME_AFTER_MILLIS} ms
     * later, and the resumed coordinator works (running, one {@code agent.message}) for {@value #RESUMED_TURN_MILLIS}
     * ms before it goes idle ({@code ThreadTransitions}). Docs: spec/archive-thread.txt, "Archive behavior" lists the
     * four effects as bullets without order or timing, and says only "the coordinator resumes execution".
     */
    ASYNC_COORDINATOR_RESUME,
    /**
     * The event list resolves {@code after_id} within the type-filtered list, and the stream its
     * {@code Last-Event-ID}: an id the request's {@code types} filter removes reads as the end of the list (an empty
     * last page; a stream that replays nothing and goes on live). The docs are silent on how the two combine
     * ({@code ListEventsHandler}, {@code StreamEventsHandler}).
     */
    AFTER_ID_WITHIN_TYPES;

    /** {@link #CLOCK_BEHIND}: how far the server's clock is behind. */
    public static final long CLOCK_BEHIND_MINUTES = 7;
    /** {@link #ASYNC_COORDINATOR_RESUME}: how long after the archive the coordinator gets "Agent cancelled.". */
    public static final long RESUME_AFTER_MILLIS = 500;
    /** {@link #ASYNC_COORDINATOR_RESUME}: how long the resumed coordinator runs before it goes idle. */
    public static final long RESUMED_TURN_MILLIS = 1_500;

    /** The latency variations' hook: how far ahead it queues a pending message when not asked for more. */
    public static final long LATENCY_DELIVER_AFTER_MILLIS = 600;

    private final long latencyMillis;
    private final long jitterMillis;

    Variation() {
        this(0, 0);
    }

    Variation(long latencyMillis, long jitterMillis) {
        this.latencyMillis = latencyMillis;
        this.jitterMillis = jitterMillis;
    }

    /** True for the variations that delay every answer (the {@code LATENCY_} ones). */
    public boolean delaysAnswers() {
        return latencyMillis > 0;
    }

    /** The delay of an answer under this variation, before jitter (0 for the others). */
    public long latencyMillis() {
        return latencyMillis;
    }

    /** The delay of one answer under this variation: its latency, give or take its jitter (0 for the others). */
    public long nextDelayMillis() {
        return jitterMillis == 0 ? latencyMillis
                : java.util.concurrent.ThreadLocalRandom.current().nextLong(latencyMillis - jitterMillis,
                latencyMillis + jitterMillis + 1);
    }

    /** {@link #HUGE_HISTORY}: unrelated events before each fixture and between each archive and its event. */
    public static final int HUGE_HISTORY_EVENTS = 100_000;

    /** {@link #RATE_LIMITED}: every n-th request is refused with 429. */
    public static final int RATE_LIMIT_EVERY = 10;
    /** {@link #RATE_LIMITED}: every n-th request (unless it is a 429 one) is refused with 503. */
    public static final int UNAVAILABLE_EVERY = 23;

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
