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
 * <p>Each constant declares, as data, how it is applied ({@link #seam()}: the collaborator of the reference behaviour
 * it substitutes, or the class whose local check carries it out) and the requirement ids of the catalogue it breaks:
 * the mutation self-test starts the server with the fault, runs every scenario and demands that these requirements
 * are among the failures (it may break others too). The ids are plain strings on purpose: the server knows nothing
 * of the harness. The constants are grouped by the behaviour they break.
 *
 * <p>To add a fault: add a constant here with a one-line description, its seam and the id(s) it breaks, then give
 * it its substitute in the seam's class of {@code refserver.faults} (or, for a local seam, test
 * {@code options.has(Fault.X)} in that class). No change to the self-test is needed. A fault the suite cannot
 * detect yet is declared with {@link #survivor}: the self-test then reports it as a known survivor instead of
 * failing, and fails once it is detected after all (so the marker is removed as soon as the scenario is
 * strengthened).
 */
public enum Fault {
    // -- the archive's rules: which thread may be archived, and what a refused archive (409) still changes
    /** Archiving the coordinator succeeds instead of answering 409. */
    COORDINATOR_ARCHIVABLE(FaultSeam.ARCHIVE_RULES, "COORD-001", "COORD-002"),
    /** A child that is not idle (e.g. running) can be archived. */
    NON_IDLE_ARCHIVABLE(FaultSeam.ARCHIVE_RULES, "IDLE-001", "IDLE-002"),
    /** A rejected (409) coordinator archive still appends a terminated event for it. */
    EVENT_FOR_REJECTED_ARCHIVE(FaultSeam.ARCHIVE_RULES, "EVT-003"),
    /**
     * A rejected (409) coordinator archive still archives the session's idle children.
     */
    CONFLICT_BUT_CHILD_ARCHIVED(FaultSeam.ARCHIVE_RULES, "COORD-002"),
    /**
     * The cascade "archive the children of a coordinator" runs before the role check and is not rolled back: archiving
     * the coordinator answers 409 but archives every idle child.
     */
    REJECTED_COORDINATOR_ARCHIVE_CASCADES(FaultSeam.ARCHIVE_RULES, "COORD-002"),
    /** A rejected (409) archive still bumps the thread's {@code updated_at}. */
    REJECTED_ARCHIVE_TOUCHES_THREAD(FaultSeam.ARCHIVE_RULES, "COORD-002", "IDLE-002"),
    /**
     * The runtime is told to stop the child before the idle check, and the 409 for a running child does not roll that
     * back: the child's turn is cut short and it goes idle ({@code end_turn}) {@link #STOP_AFTER_MILLIS} later.
     */
    REJECTED_ARCHIVE_STOPS_RUNNING_CHILD(FaultSeam.ARCHIVE_RULES, survivor("a running child that goes idle"
            + " seconds after a refused archive looks, through the API, like one whose turn ended: no page promises"
            + " how long a turn lasts, so the suite cannot call it a change the 409 made"), "IDLE-002"),

    // -- re-archive: a second archive of an archived thread
    /** Re-archiving answers 200 with a new {@code archived_at} and emits another event. */
    REARCHIVE_MOVES_ARCHIVED_AT(FaultSeam.ARCHIVE_RULES, "REA-001", "REA-002"),
    /** Re-archiving answers 200 unchanged but emits another terminated event. */
    REARCHIVE_EMITS_EVENT(FaultSeam.ARCHIVE_RULES, "REA-002"),
    /**
     * A Forward server's idempotent re-archive (the page's 200) still runs the "save" step of the archive, which
     * bumps {@code updated_at} and stores it: the second archive of a child answers 200 with a thread that is not
     * the current one unchanged. REA-001 sees it because an accepted re-archive must leave status, stop reason,
     * {@code archived_at} and {@code updated_at} as a GET showed them before.
     */
    FORWARD_REARCHIVE_TOUCHES_THREAD(FaultSeam.ARCHIVE_RULES, ServerDialect.FORWARD, "REA-001"),
    /** A Forward server answers 409 to a re-archive, which its page answers 200. */
    FORWARD_REARCHIVE_CONFLICT(FaultSeam.REARCHIVE_MODE, ServerDialect.FORWARD, "REA-001"),

    // -- the archive answer: the thread it returns, its shape and its bytes
    /** An archived thread has {@code archived_at: null}. */
    MISSING_ARCHIVED_AT(FaultSeam.ARCHIVE_RECORD, "ARCH-003"),
    /**
     * {@code archived_at} is local time (UTC−05:00) written with a {@code Z}: before {@code created_at}.
     */
    ARCHIVED_AT_BEFORE_CREATED_AT(FaultSeam.ARCHIVE_RECORD, "ARCH-003"),
    /** An archived thread has {@code stop_reason {"type":"end_turn"}}. */
    WRONG_STOP_REASON(FaultSeam.ARCHIVE_RECORD, "ARCH-002"),
    /** The archive answer is the parent (coordinator) thread, not the archived child. */
    ARCHIVE_RETURNS_PARENT_THREAD(FaultSeam.ARCHIVE_RECORD, "ARCH-001"),
    /** The archive answer leaves out {@code role}. */
    ARCHIVED_THREAD_WITHOUT_ROLE(FaultSeam.ARCHIVE_ANSWER, "ARCH-001"),
    /** A Forward server's thread lacks {@code template_id}. */
    FORWARD_THREAD_WITHOUT_TEMPLATE_ID(FaultSeam.WIRE_FORMAT, ServerDialect.FORWARD, "ARCH-001"),
    /** A CAS server's archived thread has {@code archived_at: ""}, empty. */
    CAS_ARCHIVED_AT_EMPTY(FaultSeam.WIRE_FORMAT, ServerDialect.CAS, "ARCH-001", "ARCH-002", "ARCH-003"),
    /** A CAS server answers status {@code archived}, not the export's {@code terminated}. */
    CAS_STATUS_ARCHIVED(FaultSeam.WIRE_FORMAT, ServerDialect.CAS, "ARCH-002", "ARCH-004"),
    /** The archive answer has bytes that are not UTF-8 (0xC3 0x28) in a name. */
    ARCHIVE_BODY_INVALID_UTF8(FaultSeam.ARCHIVE_ANSWER, "ARCH-001"),
    /** The archive answer's thread carries {@code metadata} nested 100,000 arrays deep. */
    DEEPLY_NESTED_BODY(FaultSeam.ARCHIVE_ANSWER, "ARCH-001"),
    /** The archive answer is labelled {@code text/plain} (its body is still JSON). */
    ARCHIVE_BODY_AS_TEXT_PLAIN(FaultSeam.ARCHIVE_ANSWER, "WIRE-001"),

    // -- stored state: what GET and the thread list show after the archive, at once and seconds later
    /** The 200 response says archived but the stored thread stays as it was. */
    ARCHIVE_NOT_PERSISTED(FaultSeam.ARCHIVE_RECORD, "ARCH-004"),
    /**
     * GET and list answer from a replica one write behind: right after archive they show the old state.
     */
    STALE_READS(FaultSeam.THREAD_LOOKUP, "ARCH-004"),
    /** The list shows an archived thread as it was before the archive; GET is right. */
    LIST_SHOWS_OLD_STATE(FaultSeam.THREAD_LOOKUP, "LIST-001"),
    /**
     * The list is served from a summary projection whose consumer handles running/idle but not terminated: archived
     * threads keep their pre-archive state in the list, while GET shows them archived.
     */
    LIST_PROJECTION_MISSES_ARCHIVE(FaultSeam.THREAD_LOOKUP, "LIST-001"),
    /**
     * The archive's stored state reverts to idle {@link #LATER_MILLIS} after the answer, long after the ARCH-004
     * scenario's read.
     */
    ARCHIVE_REVERTS_LATER(FaultSeam.ARCHIVE_RECORD, "ARCH-004"),
    /**
     * A status reconciler, fed by the child's runtime that still reports it idle, writes status {@code idle} and stop
     * reason {@code end_turn} back over the archived thread {@link #RECONCILE_AFTER_MILLIS} later, silently.
     */
    STATUS_RECONCILER_REVERTS_ARCHIVE(FaultSeam.ARCHIVE_RECORD, "ARCH-004"),
    /**
     * The runtime's teardown callback stamps {@code archived_at} (and {@code updated_at}) again when the child's
     * container has actually stopped, {@link #RESTAMP_AFTER_MILLIS} after the archive.
     * It breaks the stored state (ARCH-004: the same archived_at as the archive answer), not the answer (ARCH-003).
     */
    ARCHIVED_AT_REWRITTEN_LATER(FaultSeam.ARCHIVE_RECORD, "ARCH-004"),
    /**
     * Write-behind cache in front of a store whose timestamp column has whole-second precision: the archive answer
     * and the first reads come from the cache and carry the exact {@code archived_at}; when the entry is evicted,
     * {@link #EVICT_AFTER_MILLIS} after the archive, the thread is re-read from the store and its
     * {@code archived_at} (and {@code updated_at}) lose their fraction of a second, so a later GET or list shows
     * another instant than the archive answered.
     */
    ARCHIVED_AT_TRUNCATED_AFTER_EVICTION(FaultSeam.ARCHIVE_RECORD, "ARCH-004"),
    /**
     * A CAS server's thread view computes {@code archived_at} as "terminated, so now" at read time instead of
     * reading the stored instant: each GET or list of the terminated thread shows a later {@code archived_at}
     * than the archive answered.
     */
    CAS_ARCHIVED_AT_IS_READ_TIME(FaultSeam.WIRE_FORMAT, ServerDialect.CAS, "ARCH-004"),

    // -- threads the request did not name
    /** Archiving a child also archives the coordinator of its session. */
    ARCHIVE_ALSO_ARCHIVES_COORDINATOR(FaultSeam.ARCHIVE_RECORD, "ISO-001"),
    /**
     * Archiving a child also archives an idle child of another session (stored state only, no event).
     */
    ARCHIVE_ALSO_ARCHIVES_OTHER_SESSION(FaultSeam.ARCHIVE_RECORD, "ISO-001"),
    /**
     * The archive also writes rows it shares by agent name: every idle thread of another session with the archived
     * child's name (its agent's) gets a new {@code updated_at}, silently (status and the rest stay as they were).
     */
    ARCHIVE_TOUCHES_SHARED_AGENT_ROWS(FaultSeam.ARCHIVE_RECORD, "ISO-001"),
    /**
     * A CAS server's archive also writes {@code archived_at} (and {@code updated_at}) on the session's coordinator
     * row, meant as "last child archived at" but stored in the thread's own column: the coordinator, not archived
     * and still running or idle, now shows an {@code archived_at}.
     */
    CAS_COORDINATOR_GETS_ARCHIVED_AT(FaultSeam.ARCHIVE_RECORD, ServerDialect.CAS, "ISO-001"),

    // -- not found: ids that are malformed, or not where the path says
    /**
     * Ids without their {@code sess_}/{@code sthr_} prefix crash the id parser: 500 instead of 404.
     */
    MALFORMED_ID_SERVER_ERROR(FaultSeam.THREAD_LOOKUP, "NF-001", "NF-002"),
    /** A thread of another session is found, and archived, through the wrong session id. */
    CROSS_SESSION_THREAD(FaultSeam.THREAD_LOOKUP, "NF-002"),
    /** Threads are looked up by their own id alone; the session id of the path is ignored. */
    SESSION_ID_IGNORED(FaultSeam.THREAD_LOOKUP, "NF-001", "NF-002"),
    /**
     * A 404 for a session or thread that is not where the path says, but a thread with that id exists in another
     * session: it is archived there anyway, then 404 is answered.
     */
    NOT_FOUND_BUT_ARCHIVED(FaultSeam.ARCHIVE_RULES, "NF-001", "NF-002"),
    /**
     * The archive is written by thread id alone and the session-ownership check runs on the row it returned: a thread
     * of another session, named through a real but foreign session, answers 404 yet is archived, with all effects.
     */
    FOREIGN_SESSION_ARCHIVED_DESPITE_404(FaultSeam.ARCHIVE_RULES, "NF-002"),

    // -- the terminated event
    /** Archiving emits no {@code session.thread_status_terminated} event. */
    NO_TERMINATED_EVENT(FaultSeam.TERMINATED_EVENT, "EVT-001"),
    /** Archiving emits the terminated event twice, with two ids. */
    DUPLICATE_TERMINATED_EVENT(FaultSeam.TERMINATED_EVENT, "EVT-002"),
    /** The terminated event carries {@code stop_reason {"type":"end_turn"}}. */
    TERMINATED_EVENT_WRONG_REASON(FaultSeam.TERMINATED_EVENT, "EVT-001"),
    /**
     * The terminated event names the parent (coordinator) thread instead of the archived child.
     */
    TERMINATED_EVENT_WRONG_THREAD(FaultSeam.TERMINATED_EVENT, "EVT-001"),
    /**
     * The terminated event is appended 12 s after the archive, later than the reference profile's 10 s
     * {@code timeouts.event}.
     */
    TERMINATED_EVENT_TOO_LATE(FaultSeam.TERMINATED_EVENT, "EVT-001"),
    /**
     * The terminated event is appended 3 s after the archive: later than {@code timeouts.event_expected} (2 s), within
     * {@code timeouts.event}.
     */
    TERMINATED_EVENT_SLOW(FaultSeam.TERMINATED_EVENT, "EVT-004"),
    /**
     * A second terminated event is appended {@link #LATER_MILLIS} after the first, after the EVT-002 scenario's
     * quiet window.
     */
    SECOND_TERMINATED_EVENT_LATER(FaultSeam.TERMINATED_EVENT, "EVT-002"),
    /**
     * An outbox relay whose acknowledgement timed out re-publishes the terminated event, with a freshly generated id,
     * {@link #REPUBLISH_AFTER_MILLIS} after the first.
     */
    TERMINATED_EVENT_REPUBLISHED_LATER(FaultSeam.TERMINATED_EVENT, "EVT-002"),

    // -- reading events: the event list and the event stream. The two GARBAGE faults break the channel itself: the
    //    suite must report ERROR naming the cause (declared with errorNaming; HostileAnswersSelfTest checks them, not
    //    the mutation score, since "killed" means "requirements not met" and an ERROR judges no requirement)
    /**
     * The event list's type filter runs against an index column that the archive's status write fills with the
     * legacy name {@code session.thread_status_archived}, while the event itself says
     * {@code session.thread_status_terminated}: the unfiltered list and the stream show the terminated event, a
     * list asked for {@code types=session.thread_status_terminated} (in any spelling) never does.
     */
    TYPES_FILTER_MISSES_TERMINATED(FaultSeam.EVENT_LIST, survivor("the event is emitted, and the list without types"
            + " and the stream show it: the suite's verdicts rest on the plain read (confirm before condemning), and a"
            + " filter that leaves out a type it names is reported as a WARN finding about the target, not as a verdict"
            + " on the archive (docs/event-reading.md)"), "EVT-001"),
    /**
     * Newest-first event pages are built by merging an in-memory tail of recent status changes with the durable log,
     * without removing what both hold: with {@code order=desc} the terminated event appears twice (same id, side by
     * side); oldest-first pages and the stream show it once. The end-of-run audit sees it: each session's
     * newest-first page must not list a thread's terminated event twice (EVT-002).
     */
    DESC_LIST_DUPLICATES_TERMINATED(FaultSeam.EVENT_LIST, "EVT-002"),
    /**
     * The stream's live fan-out goes through the subject thread's channel, which the archive closes before the
     * terminated event is published: an open stream (session or thread) never receives the terminated event live,
     * although the list has it and a reconnect with {@code Last-Event-ID} replays it.
     */
    STREAM_DROPS_LIVE_TERMINATED(FaultSeam.EVENT_STREAM, "EVT-001"),
    /** The event stream sends frames whose data is not JSON, then closes. */
    EVENT_STREAM_GARBAGE(FaultSeam.EVENT_STREAM, errorNaming("event stream broken")),
    /** The event list answers 200 with a truncated JSON body. */
    EVENT_LIST_GARBAGE(FaultSeam.EVENT_LIST, errorNaming("cannot read the event list")),

    // -- the mailbox: pending messages of the archived thread
    /** Pending mailbox messages of an archived thread are still delivered. */
    MAILBOX_NOT_CANCELLED(FaultSeam.ARCHIVE_MAILBOX, "MBX-001"),
    /**
     * A pending message of an archived thread is delivered {@link #LATER_MILLIS} after the archive, when the
     * MBX-001 scenario has stopped watching.
     */
    MAILBOX_DELIVERED_LATER(FaultSeam.ARCHIVE_MAILBOX, "MBX-001"),
    /**
     * Archive flushes the mailbox: pending messages are delivered at once instead of cancelled.
     */
    MAILBOX_FLUSHED_ON_ARCHIVE(FaultSeam.ARCHIVE_MAILBOX, "MBX-001"),
    /**
     * Mailbox cancellation removes entries from an index-based list while walking it forward, so it skips every
     * second pending message of the archived thread: with one pending message all is well, with two or more the
     * second (fourth, ...) is still delivered to the archived thread. MBX-001 sees it because the reference
     * server's {@code child_with_pending_message} fixture queues two pending messages.
     */
    MAILBOX_CANCELS_EVERY_OTHER_MESSAGE(FaultSeam.ARCHIVE_MAILBOX, "MBX-001"),
    /**
     * Cancelling removes pending messages from the in-memory timers but not from the durable retry queue, which
     * delivers them to the archived thread {@link #REDELIVER_AFTER_MILLIS} after the archive.
     */
    MAILBOX_RETRY_QUEUE_REDELIVERS(FaultSeam.ARCHIVE_MAILBOX, "MBX-001"),
    /**
     * The archive "cancels" a pending message by returning it to its sender: the coordinator receives it back from
     * the archived child at once ({@code agent.thread_message_received} on the coordinator, from the child).
     */
    MAILBOX_BOUNCED_TO_SENDER(FaultSeam.ARCHIVE_MAILBOX, "MBX-001"),

    // -- unblocking the coordinator that waits on the archived child
    /** A coordinator blocked on the archived child is not unblocked. */
    NO_AGENT_CANCELLED(FaultSeam.UNBLOCKING, "UNB-001", "UNB-002"),
    /**
     * The unblock step posts "Agent cancelled." to the child's {@code created_by_tool_use_id} without asking whether
     * the coordinator still waits on that call: archiving a child whose result the coordinator already has gives the
     * idle coordinator a second tool result for the same call and a turn (running, then idle), which moves its
     * {@code updated_at}. The end-of-run audit sees it: no tool call gets a second {@code agent.tool_result}
     * (UNB-001).
     */
    AGENT_CANCELLED_WITHOUT_WAIT(FaultSeam.UNBLOCKING, "UNB-001"),
    /**
     * The unblock step fetches "the coordinator's pending Agent call" (assuming there is at most one), not the one of
     * the archived child: archiving an idle sibling cancels the call the coordinator waits on for another child.
     */
    SIBLING_ARCHIVE_UNBLOCKS_COORDINATOR(FaultSeam.UNBLOCKING, survivor("needs a coordinator waiting on one child"
            + " while a second child of the same session is archived; the fixture hook makes one child per session"),
            "UNB-001"),
    /** The tool result says "Agent archived." instead of "Agent cancelled.". */
    AGENT_CANCELLED_WRONG_TEXT(FaultSeam.UNBLOCKING, "UNB-001"),
    /**
     * The "Agent cancelled." result is emitted but the coordinator stays blocked: no resume.
     */
    NO_COORDINATOR_RESUME(FaultSeam.UNBLOCKING, "UNB-002"),
    /** The coordinator is marked running before its tool result is appended. */
    RESUME_BEFORE_TOOL_RESULT(FaultSeam.UNBLOCKING, "UNB-002"),

    // -- concurrency: racing archives, and an archive racing a delivery
    /** No lock and a wider check-then-act window: racing archives all transition. */
    RACY_ARCHIVE(FaultSeam.ARCHIVE_LOCK, "CONC-001"),
    /** Archives that find the session busy answer 500 instead of waiting. */
    CONTENDED_ARCHIVE_FAILS(FaultSeam.ARCHIVE_LOCK, "CONC-001"),
    /**
     * Optimistic concurrency instead of the session lock: each archive reads the child, asks the runtime to stop it
     * (150 ms) and then writes "archived where status is idle". Only the first write
     * matches, so there is one transition and one event, but the losers do not look at the write's result: they
     * answer 200 with the thread they computed, whose {@code archived_at} and {@code updated_at} are their own, not
     * the stored ones. Likewise an archive whose child started a turn (a mailbox delivery) while it waited answers 200
     * archived though nothing was archived.
     */
    RACE_LOSERS_ANSWER_OWN_ARCHIVED_AT(FaultSeam.ARCHIVE_LOCK, "CONC-001"),
    /**
     * A due mailbox message is claimed, then delivered 300 ms later without a look at whether its thread was
     * archived meanwhile: an archive in that window answers 200 and the message still arrives.
     */
    DELIVERY_RACES_ARCHIVE(FaultSeam.MESSAGE_DELIVERY, "CONC-002"),

    // -- authentication
    /** Unknown session/thread ids answer 404 even without a valid token. */
    NOT_FOUND_BEFORE_AUTH(FaultSeam.CREDENTIALS, "AUTH-002"),
    /** Any {@code Bearer} token is accepted. */
    LENIENT_AUTH(FaultSeam.CREDENTIALS, "AUTH-001"),
    /** The token is also accepted in an {@code x-api-key} header. */
    ACCEPTS_X_API_KEY(FaultSeam.CREDENTIALS, "AUTH-001"),
    /** A token that is a prefix of the real one, or starts with it, is accepted. */
    TOKEN_PREFIX_MATCH(FaultSeam.CREDENTIALS, "AUTH-001"),
    /**
     * A hand-rolled constant-time compare loops over the shorter of the two strings: any non-empty prefix of the
     * token (a truncated token) and any extension of it is accepted.
     */
    TOKEN_COMPARED_OVER_SHORTER_LENGTH(FaultSeam.CREDENTIALS, "AUTH-001"),
    /** Whitespace inside the header value is removed before the token is compared. */
    TOKEN_INNER_WHITESPACE_REMOVED(FaultSeam.CREDENTIALS, "AUTH-001"),
    /** The token's last character is not compared (an off-by-one loop). */
    TOKEN_LAST_CHARACTER_IGNORED(FaultSeam.CREDENTIALS, "AUTH-001"),
    /** The bearer token is compared ignoring case. */
    TOKEN_CASE_INSENSITIVE(FaultSeam.CREDENTIALS, "AUTH-001"),
    /**
     * The authentication result is cached per TCP connection (a "session affinity" optimisation): once a request
     * on a keep-alive connection carried the right token, every later request on that connection is let through
     * whatever its {@code Authorization} header says, wrong or missing. Only the second and later requests on a
     * connection are affected. AUTH-004 sees it: it sends the profile's token, then a wrong one, over one kept-alive
     * connection.
     */
    AUTH_CACHED_PER_CONNECTION(FaultSeam.CREDENTIALS, "AUTH-004"),
    /** An archive request rejected with 401 still archives the thread. */
    REJECTED_REQUEST_MUTATES(FaultSeam.CREDENTIALS, "AUTH-003"),
    /** 401 answers are a plain-text "Unauthorized" from a proxy, not the error envelope. */
    UNAUTHORIZED_PLAIN_TEXT(FaultSeam.ERROR_ENVELOPE, "AUTH-001", "AUTH-002"),

    // -- error answers: status, type, code and envelope
    /** The 409 answers of archive become 400. */
    CONFLICT_AS_BAD_REQUEST(FaultSeam.ERROR_MAPPING, "COORD-001", "IDLE-001"),
    /**
     * A Forward server maps every refused archive to one {@code error.code}, {@code coordinator_thread_not_archivable}:
     * the 409 for a child that is not idle carries the coordinator's code instead of {@code thread_not_idle}.
     */
    FORWARD_NOT_IDLE_WITH_COORDINATOR_CODE(FaultSeam.ERROR_MAPPING, ServerDialect.FORWARD, "IDLE-001"),
    /** 404 answers use error type {@code not_found} instead of {@code not_found_error}. */
    WRONG_ERROR_TYPE(FaultSeam.ERROR_ENVELOPE, "NF-001", "NF-002"),
    /** Error answers have an empty body. */
    NO_ERROR_ENVELOPE(FaultSeam.ERROR_ENVELOPE, "COORD-001", "IDLE-001", "NF-001", "NF-002", "AUTH-001"),
    /** A Forward server's 409 answers carry no {@code error.code}. */
    FORWARD_CONFLICT_WITHOUT_CODE(FaultSeam.ERROR_ENVELOPE, ServerDialect.FORWARD, "COORD-001", "IDLE-001"),

    // -- Idempotency-Key (Forward API)
    /** {@code Idempotency-Key} is ignored: a reused key archives another thread. */
    IDEMPOTENCY_KEY_IGNORED(FaultSeam.IDEMPOTENCY_KEYS, "IDEM-002"),
    /** A retry with the same key and request is refused with 409 instead of replayed. */
    IDEMPOTENT_REPLAY_REFUSED(FaultSeam.IDEMPOTENCY_KEYS, "IDEM-001"),
    /**
     * A Forward server's idempotency layer keeps the thread id of the first answer, not its bytes, and re-renders
     * the replay with the "archived at" of the retry's arrival: a retry with the same {@code Idempotency-Key}
     * answers 200 with a different {@code archived_at} and {@code updated_at} than the original (nothing is
     * stored, no event).
     */
    FORWARD_REPLAY_RESTAMPS_ARCHIVED_AT(FaultSeam.IDEMPOTENCY_KEYS, ServerDialect.FORWARD, "IDEM-001"),

    // -- the fixture hook (ERROR naming the cause, like the GARBAGE faults above)
    /** The fixture hook answers 500 in the error envelope. */
    FIXTURE_HOOK_500(FaultSeam.FIXTURE_HOOK, errorNaming("fixture hook failed")),
    /** The fixture hook answers 200 with an HTML page, as a proxy's login page would. */
    FIXTURE_HOOK_HTML(FaultSeam.FIXTURE_HOOK, errorNaming("fixture hook failed")),
    /** The fixture hook answers 201 without {@code thread_id}. */
    FIXTURE_HOOK_BAD_SCHEMA(FaultSeam.FIXTURE_HOOK,
            errorNaming("fixture hook answered a body that breaks its contract"));

    /** How long {@link #TERMINATED_EVENT_TOO_LATE} holds the terminated event back. */
    public static final long TOO_LATE_MILLIS = 12_000;
    /**
     * How long after the archive the late faults act: after every scenario's window (timeouts.quiet 1 s; MBX-001
     * deliver_after plus quiet), within the audit's settle time as the mutation self-test sets it.
     */
    public static final long LATER_MILLIS = 4_500;
    /** How long {@link #TERMINATED_EVENT_SLOW} holds the terminated event back. */
    public static final long SLOW_MILLIS = 3_000;
    /** How long after the archive {@link #STATUS_RECONCILER_REVERTS_ARCHIVE} writes the thread back to idle. */
    public static final long RECONCILE_AFTER_MILLIS = 3_000;
    /** How long after the first terminated event {@link #TERMINATED_EVENT_REPUBLISHED_LATER} emits the copy. */
    public static final long REPUBLISH_AFTER_MILLIS = 3_000;
    /** How long after the archive {@link #ARCHIVED_AT_REWRITTEN_LATER} stamps {@code archived_at} again. */
    public static final long RESTAMP_AFTER_MILLIS = 3_000;
    /**
     * How long after the archive {@link #MAILBOX_RETRY_QUEUE_REDELIVERS} delivers the cancelled messages: longer than
     * the hook's {@code deliver_after_ms} in the self-test (1 s, or the window the run asks for), so the copy comes
     * after the original due time, and within the mailbox scenario's watch (deliver_after plus {@code timeouts.quiet})
     * and the audit's settle time (2 s), so that whether it is seen does not depend on how long the rest of the run
     * happens to take.
     */
    public static final long REDELIVER_AFTER_MILLIS = 1_800;
    /** How long after the rejected archive {@link #REJECTED_ARCHIVE_STOPS_RUNNING_CHILD} stops the child. */
    public static final long STOP_AFTER_MILLIS = 3_000;
    /** How long after the archive {@link #ARCHIVED_AT_TRUNCATED_AFTER_EVICTION} evicts the cached thread. */
    public static final long EVICT_AFTER_MILLIS = 3_000;

    private final FaultSeam seam;
    private final List<String> breaks;
    private final String knownSurvivor;
    private final String expectedError;
    private final ServerDialect dialect;

    Fault(FaultSeam seam, String... breaks) {
        this(seam, (Survivor) null, breaks);
    }

    Fault(FaultSeam seam, ServerDialect dialect, String... breaks) {
        this.seam = seam;
        this.breaks = List.of(breaks);
        this.knownSurvivor = null;
        this.expectedError = null;
        this.dialect = dialect;
    }

    Fault(FaultSeam seam, ServerDialect dialect, Survivor survivor, String... breaks) {
        this.seam = seam;
        this.breaks = List.of(breaks);
        this.knownSurvivor = survivor.reason();
        this.expectedError = null;
        this.dialect = dialect;
    }

    Fault(FaultSeam seam, ExpectedError error) {
        this.seam = seam;
        this.breaks = List.of();
        this.knownSurvivor = null;
        this.expectedError = error.cause();
        this.dialect = null;
    }

    Fault(FaultSeam seam, Survivor survivor, String... breaks) {
        if (breaks.length == 0) {
            throw new IllegalStateException(name() + " must name at least one requirement it breaks");
        }
        this.seam = seam;
        this.breaks = List.of(breaks);
        this.knownSurvivor = survivor == null ? null : survivor.reason();
        this.expectedError = null;
        this.dialect = null;
    }

    /**
     * How this fault is applied: the collaborator it substitutes ({@link FaultSeam#substitutes()}), or the class
     * whose local check carries it out.
     */
    public FaultSeam seam() {
        return seam;
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
