package org.sessionthreads.conformance.refserver;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Deliberately broken behaviours of the reference server, used by the project's self-tests to prove that the
 * suite notices each kind of non-conformance. A healthy server has none switched on.
 *
 * <p>Each constant declares, as data, the requirement ids of the catalogue it breaks: the mutation self-test starts
 * the server with the fault, runs every scenario and demands that these requirements are among the failures (it
 * may break others too). The ids are plain strings on purpose: the server knows nothing of the harness.
 *
 * <p>To add a fault: add a constant here with a one-line description and the id(s) it breaks, then test
 * {@code options.has(Fault.X)} at the single place where the behaviour lives (the Javadoc names that place). No
 * change to the self-test is needed. A fault the suite cannot detect yet is declared with {@link #survivor}: the
 * self-test then reports it as a known survivor instead of failing, and fails once it is detected after all (so
 * the marker is removed as soon as the scenario is strengthened).
 */
public enum Fault {
    // -- status codes and the error envelope
    /** Archiving the coordinator succeeds instead of answering 409 ({@code ArchiveThread}). */
    COORDINATOR_ARCHIVABLE("COORD-001", "COORD-002"),
    /** A child that is not idle (e.g. running) can be archived ({@code ArchiveThread}). */
    NON_IDLE_ARCHIVABLE("IDLE-001", "IDLE-002"),
    /** The 409 answers of archive become 400 ({@code ErrorMapping}). */
    CONFLICT_AS_BAD_REQUEST("COORD-001", "IDLE-001"),
    /** 404 answers use error type {@code not_found} instead of {@code not_found_error} ({@code ErrorEnvelope}). */
    WRONG_ERROR_TYPE("NF-001", "NF-002"),
    /** Error answers have an empty body ({@code ErrorEnvelope}). */
    NO_ERROR_ENVELOPE("COORD-001", "IDLE-001", "NF-001", "NF-002", "AUTH-001"),
    /**
     * Ids without their {@code sess_}/{@code sthr_} prefix crash the id parser: 500 instead of 404
     * ({@code ThreadLookup}).
     */
    MALFORMED_ID_SERVER_ERROR("NF-001", "NF-002"),

    // -- the returned thread
    /** An archived thread has {@code archived_at: null} ({@code ArchiveThread}). */
    MISSING_ARCHIVED_AT("ARCH-003"),
    /**
     * {@code archived_at} is local time (UTC−05:00) written with a {@code Z}: before {@code created_at}
     * ({@code ArchiveThread}).
     */
    ARCHIVED_AT_BEFORE_CREATED_AT("ARCH-003"),
    /** An archived thread has {@code stop_reason {"type":"end_turn"}} ({@code ArchiveThread}). */
    WRONG_STOP_REASON("ARCH-002"),
    /** The archive answer leaves out {@code role} ({@code ArchiveThreadHandler}). */
    ARCHIVED_THREAD_WITHOUT_ROLE("ARCH-001"),
    /** The archive answer is the parent (coordinator) thread, not the archived child ({@code ArchiveThread}). */
    ARCHIVE_RETURNS_PARENT_THREAD("ARCH-001"),

    // -- persistence
    /** The 200 response says archived but the stored thread stays as it was ({@code ArchiveThread}). */
    ARCHIVE_NOT_PERSISTED("ARCH-004"),
    /**
     * GET and list answer from a replica one write behind: right after archive they show the old state
     * ({@code ThreadLookup}).
     */
    STALE_READS("ARCH-004"),

    /**
     * The archive's stored state reverts to idle {@link #LATER_MILLIS} after the answer, long after the ARCH-004
     * scenario's read ({@code ArchiveThread}).
     */
    ARCHIVE_REVERTS_LATER("ARCH-004"),
    /** The list shows an archived thread as it was before the archive; GET is right ({@code ThreadLookup}). */
    LIST_SHOWS_OLD_STATE("LIST-001"),

    // -- effects on threads the request did not name
    /** Archiving a child also archives the coordinator of its session ({@code ArchiveThread}). */
    ARCHIVE_ALSO_ARCHIVES_COORDINATOR("ISO-001"),
    /**
     * Archiving a child also archives an idle child of another session (stored state only, no event)
     * ({@code ArchiveThread}).
     */
    ARCHIVE_ALSO_ARCHIVES_OTHER_SESSION("ISO-001"),

    // -- the terminated event
    /** Archiving emits no {@code session.thread_status_terminated} event ({@code ThreadTransitions}). */
    NO_TERMINATED_EVENT("EVT-001"),
    /** Archiving emits the terminated event twice, with two ids ({@code ThreadTransitions}). */
    DUPLICATE_TERMINATED_EVENT("EVT-002"),
    /** The terminated event carries {@code stop_reason {"type":"end_turn"}} ({@code ThreadTransitions}). */
    TERMINATED_EVENT_WRONG_REASON("EVT-001"),
    /**
     * The terminated event names the parent (coordinator) thread instead of the archived child
     * ({@code ThreadTransitions}).
     */
    TERMINATED_EVENT_WRONG_THREAD("EVT-001"),
    /**
     * The terminated event is appended 12 s after the archive, later than the reference profile's 10 s
     * {@code timeouts.event} ({@code ThreadTransitions}, {@link #TOO_LATE_MILLIS}).
     */
    TERMINATED_EVENT_TOO_LATE("EVT-001"),
    /**
     * The terminated event is appended 3 s after the archive: later than {@code timeouts.event_expected} (2 s), within
     * {@code timeouts.event} ({@code ThreadTransitions}, {@link #SLOW_MILLIS}).
     */
    TERMINATED_EVENT_SLOW("EVT-004"),
    /**
     * A second terminated event is appended {@link #LATER_MILLIS} after the first, after the EVT-002 scenario's
     * quiet window ({@code ThreadTransitions}).
     */
    SECOND_TERMINATED_EVENT_LATER("EVT-002"),
    /** A rejected (409) coordinator archive still appends a terminated event for it ({@code ArchiveThread}). */
    EVENT_FOR_REJECTED_ARCHIVE("EVT-003"),

    // -- authentication
    /** Unknown session/thread ids answer 404 even without a valid token ({@code BearerAuthentication}). */
    NOT_FOUND_BEFORE_AUTH("AUTH-002"),
    /** Any {@code Bearer} token is accepted ({@code BearerAuthentication}). */
    LENIENT_AUTH("AUTH-001"),
    /** The token is also accepted in an {@code x-api-key} header ({@code BearerAuthentication}). */
    ACCEPTS_X_API_KEY("AUTH-001"),
    /** A token that is a prefix of the real one, or starts with it, is accepted ({@code BearerAuthentication}). */
    TOKEN_PREFIX_MATCH("AUTH-001"),
    /** Whitespace inside the header value is removed before the token is compared ({@code BearerAuthentication}). */
    TOKEN_INNER_WHITESPACE_REMOVED("AUTH-001"),
    /** The token's last character is not compared (an off-by-one loop) ({@code BearerAuthentication}). */
    TOKEN_LAST_CHARACTER_IGNORED("AUTH-001"),
    /** The bearer token is compared ignoring case ({@code BearerAuthentication}). */
    TOKEN_CASE_INSENSITIVE("AUTH-001"),
    /** 401 answers are a plain-text "Unauthorized" from a proxy, not the error envelope ({@code ErrorEnvelope}). */
    UNAUTHORIZED_PLAIN_TEXT("AUTH-001", "AUTH-002"),
    /** An archive request rejected with 401 still archives the thread ({@code BearerAuthentication}). */
    REJECTED_REQUEST_MUTATES("AUTH-003"),

    // -- a rejected archive changes state
    /**
     * A rejected (409) coordinator archive still archives the session's idle children ({@code ArchiveThread}).
     */
    CONFLICT_BUT_CHILD_ARCHIVED("COORD-002"),
    /** A rejected (409) archive still bumps the thread's {@code updated_at} ({@code ArchiveThread}). */
    REJECTED_ARCHIVE_TOUCHES_THREAD("COORD-002", "IDLE-002"),

    // -- isolation between sessions
    /**
     * A 404 for a session or thread that is not where the path says, but a thread with that id exists in another
     * session: it is archived there anyway, then 404 is answered ({@code ArchiveThread}).
     */
    NOT_FOUND_BUT_ARCHIVED("NF-001", "NF-002"),
    /** A thread of another session is found, and archived, through the wrong session id ({@code ThreadLookup}). */
    CROSS_SESSION_THREAD("NF-002"),
    /** Threads are looked up by their own id alone; the session id of the path is ignored ({@code ThreadLookup}). */
    SESSION_ID_IGNORED("NF-001", "NF-002"),

    // -- the mailbox
    /** Pending mailbox messages of an archived thread are still delivered ({@code ArchiveThread}). */
    MAILBOX_NOT_CANCELLED("MBX-001"),
    /**
     * A pending message of an archived thread is delivered {@link #LATER_MILLIS} after the archive, when the
     * MBX-001 scenario has stopped watching ({@code ArchiveThread}).
     */
    MAILBOX_DELIVERED_LATER("MBX-001"),
    /**
     * Archive flushes the mailbox: pending messages are delivered at once instead of cancelled ({@code ArchiveThread}).
     */
    MAILBOX_FLUSHED_ON_ARCHIVE("MBX-001"),

    // -- unblocking the waiting coordinator
    /** A coordinator blocked on the archived child is not unblocked ({@code ArchiveThread}). */
    NO_AGENT_CANCELLED("UNB-001", "UNB-002"),
    /** The tool result says "Agent archived." instead of "Agent cancelled." ({@code ThreadTransitions}). */
    AGENT_CANCELLED_WRONG_TEXT("UNB-001"),
    /**
     * The "Agent cancelled." result is emitted but the coordinator stays blocked: no resume
     * ({@code ThreadTransitions}).
     */
    NO_COORDINATOR_RESUME("UNB-002"),
    /** The coordinator is marked running before its tool result is appended ({@code ThreadTransitions}). */
    RESUME_BEFORE_TOOL_RESULT("UNB-002"),

    // -- re-archive
    /** Re-archiving answers 200 with a new {@code archived_at} and emits another event ({@code ArchiveThread}). */
    REARCHIVE_MOVES_ARCHIVED_AT("REA-001", "REA-002"),
    /** Re-archiving answers 200 unchanged but emits another terminated event ({@code ArchiveThread}). */
    REARCHIVE_EMITS_EVENT("REA-002"),

    // -- concurrency
    /** No lock and a wider check-then-act window: racing archives all transition ({@code ArchiveThread}). */
    RACY_ARCHIVE("CONC-001"),
    /** Archives that find the session busy answer 500 instead of waiting ({@code ArchiveThread}). */
    CONTENDED_ARCHIVE_FAILS("CONC-001"),
    /**
     * A due mailbox message is claimed, then delivered 300 ms later without a look at whether its thread was
     * archived meanwhile: an archive in that window answers 200 and the message still arrives
     * ({@code MessageDelivery}).
     */
    DELIVERY_RACES_ARCHIVE("CONC-002"),

    // -- Idempotency-Key (Forward API)
    /** {@code Idempotency-Key} is ignored: a reused key archives another thread ({@code IdempotencyKeys}). */
    IDEMPOTENCY_KEY_IGNORED("IDEM-002"),
    /** A retry with the same key and request is refused with 409 instead of replayed ({@code IdempotencyKeys}). */
    IDEMPOTENT_REPLAY_REFUSED("IDEM-001"),

    // -- hostile answers (issue 10, item 3): bodies the suite must judge as FAIL, and misbehaviour it must report
    //    as ERROR naming the cause (declared with errorNaming: HostileAnswersSelfTest checks those, not the
    //    mutation score, since "killed" means "requirements not met" and an ERROR judges no requirement)
    /** The archive answer has bytes that are not UTF-8 (0xC3 0x28) in a name ({@code ArchiveThreadHandler}). */
    ARCHIVE_BODY_INVALID_UTF8("ARCH-001"),
    /** The archive answer's thread carries {@code metadata} nested 100,000 arrays deep ({@code ArchiveThreadHandler}). */
    DEEPLY_NESTED_BODY("ARCH-001"),
    /** The archive answer is labelled {@code text/plain} (its body is still JSON) ({@code ArchiveThreadHandler}). */
    ARCHIVE_BODY_AS_TEXT_PLAIN("WIRE-001"),
    /** The event stream sends frames whose data is not JSON, then closes ({@code StreamEventsHandler}). */
    EVENT_STREAM_GARBAGE(errorNaming("event stream broken")),
    /** The event list answers 200 with a truncated JSON body ({@code ListEventsHandler}). */
    EVENT_LIST_GARBAGE(errorNaming("cannot read the event list")),
    /** The fixture hook answers 500 in the error envelope ({@code FixtureHook}). */
    FIXTURE_HOOK_500(errorNaming("fixture hook failed")),
    /** The fixture hook answers 200 with an HTML page, as a proxy's login page would ({@code FixtureHook}). */
    FIXTURE_HOOK_HTML(errorNaming("fixture hook failed")),
    /** The fixture hook answers 201 without {@code thread_id} ({@code FixtureHook}). */
    FIXTURE_HOOK_BAD_SCHEMA(errorNaming("fixture hook answered a body that breaks its contract")),

    // -- defects written from the page alone, aimed at what per-request checks miss: delayed effects, effects on
    //    threads the request did not name, rejected requests that still change something, list vs GET, credentials
    /**
     * A status reconciler, fed by the child's runtime that still reports it idle, writes status {@code idle} and stop
     * reason {@code end_turn} back over the archived thread {@link #SPEC_REVERT_AFTER_MILLIS} later, silently
     * ({@code ArchiveThread}).
     */
    SPEC_ARCHIVE_REVERTED_LATER("ARCH-004"),
    /**
     * An outbox relay whose acknowledgement timed out re-publishes the terminated event, with a freshly generated id,
     * {@link #SPEC_REPUBLISH_AFTER_MILLIS} after the first ({@code ThreadTransitions}).
     */
    SPEC_TERMINATED_EVENT_REPUBLISHED_LATER("EVT-002"),
    /**
     * The runtime's teardown callback stamps {@code archived_at} (and {@code updated_at}) again when the child's
     * container has actually stopped, {@link #SPEC_RESTAMP_AFTER_MILLIS} after the archive ({@code ArchiveThread}).
     * It breaks the stored state (ARCH-004: the same archived_at as the archive answer), not the answer (ARCH-003).
     */
    SPEC_ARCHIVED_AT_REWRITTEN_LATER("ARCH-004"),
    /**
     * Cancelling removes pending messages from the in-memory timers but not from the durable retry queue, which
     * delivers them to the archived thread {@link #SPEC_REDELIVER_AFTER_MILLIS} after the archive
     * ({@code ArchiveThread}).
     */
    SPEC_MAILBOX_REDELIVERED_LATER("MBX-001"),
    /**
     * The runtime is told to stop the child before the idle check, and the 409 for a running child does not roll that
     * back: the child's turn is cut short and it goes idle ({@code end_turn}) {@link #SPEC_STOP_AFTER_MILLIS} later
     * ({@code ArchiveThread}).
     */
    SPEC_REJECTED_ARCHIVE_STOPS_RUNNING_CHILD(survivor("a running child that goes idle seconds after a refused"
            + " archive looks, through the API, like one whose turn ended: no page promises how long a turn lasts,"
            + " so the suite cannot call it a change the 409 made"), "IDLE-002"),
    /**
     * The archive is written by thread id alone and the session-ownership check runs on the row it returned: a thread
     * of another session, named through a real but foreign session, answers 404 yet is archived, with all effects
     * ({@code ArchiveThread}).
     */
    SPEC_FOREIGN_SESSION_ARCHIVED_DESPITE_404("NF-002"),
    /**
     * The cascade "archive the children of a coordinator" runs before the role check and is not rolled back: archiving
     * the coordinator answers 409 but archives every idle child ({@code ArchiveThread}).
     */
    SPEC_REJECTED_COORDINATOR_ARCHIVE_CASCADES("COORD-002"),
    /**
     * The unblock step fetches "the coordinator's pending Agent call" (assuming there is at most one), not the one of
     * the archived child: archiving an idle sibling cancels the call the coordinator waits on for another child
     * ({@code ArchiveThread}).
     */
    SPEC_SIBLING_ARCHIVE_UNBLOCKS_COORDINATOR(survivor("needs a coordinator waiting on one child while a second"
            + " child of the same session is archived; the fixture hook makes one child per session"), "UNB-001"),
    /**
     * The list is served from a summary projection whose consumer handles running/idle but not terminated: archived
     * threads keep their pre-archive state in the list, while GET shows them archived ({@code ThreadLookup}).
     */
    SPEC_LIST_SHOWS_PRE_ARCHIVE_STATE("LIST-001"),
    /**
     * A hand-rolled constant-time compare loops over the shorter of the two strings: any non-empty prefix of the
     * token (a truncated token) and any extension of it is accepted ({@code BearerAuthentication}).
     */
    SPEC_TOKEN_PREFIX_MATCH("AUTH-001"),

    // -- the dialects' own rules: each acts only when the server speaks that dialect ({@link #dialect()})
    /** A Forward server answers 409 to a re-archive, which its page answers 200 ({@code ServerOptions}). */
    FORWARD_REARCHIVE_CONFLICT(ServerDialect.FORWARD, "REA-001"),
    /** A Forward server's 409 answers carry no {@code error.code} ({@code ErrorEnvelope}). */
    FORWARD_CONFLICT_WITHOUT_CODE(ServerDialect.FORWARD, "COORD-001", "IDLE-001"),
    /** A Forward server's thread lacks {@code template_id} ({@code WireFormat}). */
    FORWARD_THREAD_WITHOUT_TEMPLATE_ID(ServerDialect.FORWARD, "ARCH-001"),
    /** A CAS server's archived thread has {@code archived_at: ""}, empty ({@code WireFormat}). */
    CAS_ARCHIVED_AT_EMPTY(ServerDialect.CAS, "ARCH-001", "ARCH-002", "ARCH-003"),
    /** A CAS server answers status {@code archived}, not the export's {@code terminated} ({@code WireFormat}). */
    CAS_STATUS_ARCHIVED(ServerDialect.CAS, "ARCH-002", "ARCH-004"),

    // -- written by an author who read only the pages (archive page, api-digest §1-§4, §8), not the scenarios:
    //    defects that show only later, on a re-read, on another object or on a second request
    /**
     * Write-behind cache in front of a store whose timestamp column has whole-second precision: the archive answer
     * and the first reads come from the cache and carry the exact {@code archived_at}; when the entry is evicted,
     * {@link #BLIND_EVICT_AFTER_MILLIS} after the archive, the thread is re-read from the store and its
     * {@code archived_at} (and {@code updated_at}) lose their fraction of a second, so a later GET or list shows
     * another instant than the archive answered ({@code ArchiveThread}, the delayed rewrites).
     */
    BLIND_ARCHIVED_AT_TRUNCATED_AFTER_EVICTION("ARCH-004"),
    /**
     * The authentication result is cached per TCP connection (a "session affinity" optimisation): once a request
     * on a keep-alive connection carried the right token, every later request on that connection is let through
     * whatever its {@code Authorization} header says, wrong or missing. Only the second and later requests on a
     * connection are affected ({@code BearerAuthentication}).
     */
    BLIND_AUTH_CACHED_PER_CONNECTION("AUTH-004"),
    /**
     * Mailbox cancellation removes entries from an index-based list while walking it forward, so it skips every
     * second pending message of the archived thread: with one pending message all is well, with two or more the
     * second (fourth, ...) is still delivered to the archived thread ({@code ArchiveThread}, settling the mailbox).
     */
    BLIND_MAILBOX_CANCELS_EVERY_OTHER_MESSAGE("MBX-001"),
    /**
     * A Forward server's idempotency layer keeps the thread id of the first answer, not its bytes, and re-renders
     * the replay with the "archived at" of the retry's arrival: a retry with the same {@code Idempotency-Key}
     * answers 200 with a different {@code archived_at} and {@code updated_at} than the original (nothing is
     * stored, no event) ({@code IdempotencyKeys}).
     */
    BLIND_FORWARD_REPLAY_RESTAMPS_ARCHIVED_AT(ServerDialect.FORWARD, "IDEM-001"),
    /**
     * A Forward server's idempotent re-archive (the page's 200) still runs the "save" step of the archive, which
     * bumps {@code updated_at} and stores it: the second archive of a child answers 200 with a thread that is not
     * the current one unchanged ({@code ArchiveThread}, the re-archive check).
     */
    BLIND_FORWARD_REARCHIVE_TOUCHES_THREAD(ServerDialect.FORWARD, "REA-001"),
    /**
     * A Forward server maps every refused archive to one {@code error.code}, {@code coordinator_thread_not_archivable}:
     * the 409 for a child that is not idle carries the coordinator's code instead of {@code thread_not_idle}
     * ({@code ErrorMapping}).
     */
    BLIND_FORWARD_NOT_IDLE_WITH_COORDINATOR_CODE(ServerDialect.FORWARD, "IDLE-001"),
    /**
     * A CAS server's thread view computes {@code archived_at} as "terminated, so now" at read time instead of
     * reading the stored instant: each GET or list of the terminated thread shows a later {@code archived_at}
     * than the archive answered ({@code WireFormat}).
     */
    BLIND_CAS_ARCHIVED_AT_IS_READ_TIME(ServerDialect.CAS, "ARCH-004"),
    /**
     * A CAS server's archive also writes {@code archived_at} (and {@code updated_at}) on the session's coordinator
     * row, meant as "last child archived at" but stored in the thread's own column: the coordinator, not archived
     * and still running or idle, now shows an {@code archived_at} ({@code ArchiveThread}, the transition).
     */
    BLIND_CAS_COORDINATOR_GETS_ARCHIVED_AT(ServerDialect.CAS, "ISO-001"),

    // -- a second blind round (archive page and api-digest only): defects that show only with an optional list
    //    parameter, on one of the two event channels, on another thread, or under concurrency
    /**
     * The event list's type filter runs against an index column that the archive's status write fills with the
     * legacy name {@code session.thread_status_archived}, while the event itself says
     * {@code session.thread_status_terminated}: the unfiltered list and the stream show the terminated event, a
     * list asked for {@code types=session.thread_status_terminated} (in any spelling) never does
     * ({@code ListEventsHandler}, the type predicate).
     */
    BLIND2_TYPES_FILTER_MISSES_TERMINATED(survivor("the event is emitted, and the list without types and the stream"
            + " show it: the suite's verdicts rest on the plain read (confirm before condemning), and a filter that"
            + " leaves out a type it names is reported as a WARN finding about the target, not as a verdict on the"
            + " archive (docs/event-reading.md)"), "EVT-001"),
    /**
     * Newest-first event pages are built by merging an in-memory tail of recent status changes with the durable log,
     * without removing what both hold: with {@code order=desc} the terminated event appears twice (same id, side by
     * side); oldest-first pages and the stream show it once ({@code ListEventsHandler}, the newest-first list).
     */
    BLIND2_DESC_LIST_DUPLICATES_TERMINATED("EVT-002"),
    /**
     * The stream's live fan-out goes through the subject thread's channel, which the archive closes before the
     * terminated event is published: an open stream (session or thread) never receives the terminated event live,
     * although the list has it and a reconnect with {@code Last-Event-ID} replays it ({@code StreamEventsHandler},
     * the live pump).
     */
    BLIND2_STREAM_DROPS_LIVE_TERMINATED("EVT-001"),
    /**
     * Optimistic concurrency instead of the session lock: each archive reads the child, asks the runtime to stop it
     * ({@code ArchiveThread#RACE_WINDOW_NANOS}) and then writes "archived where status is idle". Only the first write
     * matches, so there is one transition and one event, but the losers do not look at the write's result: they
     * answer 200 with the thread they computed, whose {@code archived_at} and {@code updated_at} are their own, not
     * the stored ones. Likewise an archive whose child started a turn (a mailbox delivery) while it waited answers 200
     * archived though nothing was archived ({@code ArchiveThread}, the optimistic archive).
     */
    BLIND2_RACE_LOSERS_ANSWER_OWN_ARCHIVED_AT("CONC-001"),
    /**
     * The unblock step posts "Agent cancelled." to the child's {@code created_by_tool_use_id} without asking whether
     * the coordinator still waits on that call: archiving a child whose result the coordinator already has gives the
     * idle coordinator a second tool result for the same call and a turn (running, then idle), which moves its
     * {@code updated_at} ({@code ArchiveThread}, the unblock step).
     */
    BLIND2_AGENT_CANCELLED_WITHOUT_WAIT("UNB-001");

    /** How long {@link #TERMINATED_EVENT_TOO_LATE} holds the terminated event back. */
    public static final long TOO_LATE_MILLIS = 12_000;
    /**
     * How long after the archive the late faults act: after every scenario's window (timeouts.quiet 1 s; MBX-001
     * deliver_after plus quiet), within the audit's settle time as the mutation self-test sets it.
     */
    public static final long LATER_MILLIS = 4_500;
    /** How long {@link #TERMINATED_EVENT_SLOW} holds the terminated event back. */
    public static final long SLOW_MILLIS = 3_000;
    /** How long after the archive {@link #SPEC_ARCHIVE_REVERTED_LATER} writes the thread back to idle. */
    public static final long SPEC_REVERT_AFTER_MILLIS = 3_000;
    /** How long after the first terminated event {@link #SPEC_TERMINATED_EVENT_REPUBLISHED_LATER} emits the copy. */
    public static final long SPEC_REPUBLISH_AFTER_MILLIS = 3_000;
    /** How long after the archive {@link #SPEC_ARCHIVED_AT_REWRITTEN_LATER} stamps {@code archived_at} again. */
    public static final long SPEC_RESTAMP_AFTER_MILLIS = 3_000;
    /**
     * How long after the archive {@link #SPEC_MAILBOX_REDELIVERED_LATER} delivers the cancelled messages: longer than
     * the hook's {@code deliver_after_ms} in the self-test (1 s, or the window the run asks for), so the copy comes
     * after the original due time, and within the mailbox scenario's watch (deliver_after plus {@code timeouts.quiet})
     * and the audit's settle time (2 s), so that whether it is seen does not depend on how long the rest of the run
     * happens to take.
     */
    public static final long SPEC_REDELIVER_AFTER_MILLIS = 1_800;
    /** How long after the rejected archive {@link #SPEC_REJECTED_ARCHIVE_STOPS_RUNNING_CHILD} stops the child. */
    public static final long SPEC_STOP_AFTER_MILLIS = 3_000;
    /** How long after the archive {@link #BLIND_ARCHIVED_AT_TRUNCATED_AFTER_EVICTION} evicts the cached thread. */
    public static final long BLIND_EVICT_AFTER_MILLIS = 3_000;

    private final List<String> breaks;
    private final String knownSurvivor;
    private final String expectedError;
    private final ServerDialect dialect;

    Fault(String... breaks) {
        this((Survivor) null, breaks);
    }

    Fault(ServerDialect dialect, String... breaks) {
        this.breaks = List.of(breaks);
        this.knownSurvivor = null;
        this.expectedError = null;
        this.dialect = dialect;
    }

    Fault(ServerDialect dialect, Survivor survivor, String... breaks) {
        this.breaks = List.of(breaks);
        this.knownSurvivor = survivor.reason();
        this.expectedError = null;
        this.dialect = dialect;
    }

    Fault(ExpectedError error) {
        this.breaks = List.of();
        this.knownSurvivor = null;
        this.expectedError = error.cause();
        this.dialect = null;
    }

    Fault(Survivor survivor, String... breaks) {
        if (breaks.length == 0) {
            throw new IllegalStateException(name() + " must name at least one requirement it breaks");
        }
        this.breaks = List.of(breaks);
        this.knownSurvivor = survivor == null ? null : survivor.reason();
        this.expectedError = null;
        this.dialect = null;
    }

    /**
     * The dialect whose own rule this fault breaks: it acts only on a server of that dialect (and the mutation
     * self-test runs it only there); empty for a fault of a rule every dialect shares.
     */
    public Optional<ServerDialect> dialect() {
        return Optional.ofNullable(dialect);
    }

    /** The requirement ids (e.g. {@code "COORD-001"}) whose scenarios must fail when this fault is on. */
    public List<String> breaks() {
        return breaks;
    }

    /**
     * Why the suite cannot detect this fault yet, for a fault declared with {@link #survivor}; empty for every
     * fault the suite must kill.
     */
    public Optional<String> knownSurvivor() {
        return Optional.ofNullable(knownSurvivor);
    }

    /**
     * For a fault the suite must report as ERROR rather than judge (a broken fixture hook or event channel): the
     * text every scenario that does not pass must name. Such a fault declares no requirement ({@link #breaks()}
     * is empty) and is not part of the mutation score; empty for every other fault.
     */
    public Optional<String> expectedError() {
        return Optional.ofNullable(expectedError);
    }

    /**
     * The fault named {@code name}, ignoring case and accepting {@code -} for {@code _}.
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static Fault parse(String name) {
        String normalised = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(fault -> fault.name().equals(normalised)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown fault '" + name.trim() + "'; known faults: " + knownNames() + "."));
    }

    /** All fault names, comma-separated, for help and error texts. */
    public static String knownNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** Marks a fault the suite is known not to detect; {@code reason} names the scenario that is too weak. */
    private static Survivor survivor(String reason) {
        return new Survivor(reason);
    }

    private record Survivor(String reason) {
    }

    /** Marks a fault whose expected verdict is ERROR, naming {@code cause} (see {@link #expectedError()}). */
    private static ExpectedError errorNaming(String cause) {
        return new ExpectedError(cause);
    }

    private record ExpectedError(String cause) {
    }
}
