package org.sessionthreads.conformance.selftest.independent;

import java.util.List;

/**
 * One way the independent server behaves, chosen by a switch ({@code --behaviour NAME}). Written from the public
 * docs alone (spec/archive-thread.txt, api-digest.md, the project's docs/ and schemas/), without the suite's code.
 * A conformant behaviour cites the doc line that allows it; a fault names the catalogue requirements it breaks.
 */
public enum Behaviour {
    PLAIN(true, "The archive page followed plainly: 32-hex ids, full pages, 200 for a re-archive.",
            "spec/archive-thread.txt (whole page)"),
    BASE32_IDS(true, "Ids of other lengths and alphabets after the prefix: sess_/sthr_ 26-char mixed-case base32, "
            + "evt_ 20 chars, toolu_bdrk_ 24 chars.",
            "api-digest §8.20: 'ID formats: not fixed-length ... check prefixes, not lengths'"),
    REARCHIVE_409(true, "Re-archiving an archived child answers 409 invalid_request_error (literal 'not idle').",
            "archive page: '409 invalid_request_error Thread status is not idle'; catalogue REA-001: either passes"),
    SMALL_PAGES_OPAQUE_CURSORS(true, "Thread and event pages hold at most 3 items whatever limit asks; next_page "
            + "is a server-side opaque cursor (not an id).",
            "api-digest §5d: 'page (opaque next_page cursor)'; no page promises full pages"),
    EXTRA_FIELDS(true, "Extra fields everywhere (stats, usage, full agent snapshot with model object, event "
            + "schema_version/turn_id, error.code/param), error envelope without request_id.",
            "schemas/session-thread.schema.json: 'Unknown extra properties are allowed at every level'; api-digest §3a"),
    HTTP_QUIRKS(true, "Chunked JSON bodies, 'application/json; charset=utf-8', Connection: close on every 4th "
            + "answer, timestamps with +02:00 offset and microseconds.",
            "catalogue WIRE-001: 'parameters such as charset=utf-8 are allowed'; api-digest §2g timestamps"),
    SLOW_ASYNC_EFFECTS(true, "Answers 100-300 ms late; terminated event 1.5 s after the archive answer, "
            + "'Agent cancelled.' and the resume 2.5 s after; fixtures ready after 500 ms.",
            "archive page 'Archive behavior' lists effects without timing; catalogue EVT-004 event_expected"),
    OLD_STYLE_FILTERS(true, "The event list and stream honour the old 'type=a,b' and 'types[]' filters and "
            + "silently ignore 'types'.",
            "api-digest §4c: list thread events (CAS old) 'type (comma list), types[]'; 'unknown ... silently ignored'"),
    WAITING_COORDINATOR_RUNNING(true, "A coordinator waiting on its Agent call shows status running; the "
            + "'Agent cancelled.' content is a plain string with is_error true; the terminated event says status "
            + "terminated.",
            "api-digest §2b (Anthropic enum has no blocked), §4a ('archived or terminated'); catalogue UNB-001"),

    ANSWER_STOP_REASON_STALE(false, "The archive answer is the pre-archive snapshot with only status and "
            + "archived_at patched: stop_reason still {type: end_turn} (GET is right).", null, "ARCH-002"),
    RUNTIME_OVERWRITES_ARCHIVED(false, "4 s after an archive the child's runtime reports its own end and the "
            + "stored status silently becomes 'terminated'.", null, "ARCH-004"),
    LIST_DROPS_ARCHIVED_AT(false, "The thread list's projection has no archived_at column: archived threads list "
            + "archived_at null while GET shows it.", null, "LIST-001"),
    COORD_REJECT_TOUCHES_CHILDREN(false, "A refused coordinator archive has already propagated 'archive intent' "
            + "to its children: their updated_at moves.", null, "COORD-002"),
    IDLE_MEANS_EMPTY_MAILBOX(false, "The idle check asks 'mailbox empty?' instead of status idle: a running child "
            + "with nothing queued is archived.", null, "IDLE-001", "IDLE-002"),
    FOREIGN_THREAD_403(false, "A thread that exists in another session answers 403 permission_error (another "
            + "owner's resource) instead of 404.", null, "NF-002"),
    TOKEN_INDEXED_PREFIX(false, "Tokens are looked up through a 16-character prefix index and not re-checked: a "
            + "token differing after its 16th character is accepted.", null, "AUTH-001"),
    REJECTED_ARCHIVE_QUEUED(false, "The archive command is queued before authentication: a 401 is answered but "
            + "the thread is archived 150 ms later, with its event.", null, "AUTH-003"),
    TERMINATED_CROSS_POSTED_TWICE(false, "The terminated event is cross-posted for the coordinator into the same "
            + "session log under a new id: two terminated events name the child.", null, "EVT-002"),
    MAILBOX_CANCEL_WRONG_KEY(false, "Archive cancels the mailbox of the thread's parent instead of the thread's "
            + "own: the pending message is still delivered to the archived child.", null, "MBX-001"),
    CANCEL_RESULT_WRONG_TOOL_USE_ID(false, "The 'Agent cancelled.' result is correlated by the child's thread id "
            + "(tool_use_id = sthr_...) instead of its created_by_tool_use_id.", null, "UNB-001"),
    RACE_EVENT_FROM_STALE_READ(false, "The idle check is read before the session lock and the event is emitted from "
            + "that read: one transition, but every racing archive emits a terminated event.", null, "CONC-001"),
    COORDINATOR_STOP_REASON_TOUCHED(false, "Archiving a child writes the 'last child stop reason' into the "
            + "coordinator's own stop_reason column: the coordinator shows {type: archive}.", null, "ISO-001"),
    ARCHIVE_TOUCHES_SHARED_AGENT_ROWS(false, "Archive bumps updated_at of every thread running the same agent "
            + "snapshot (a bulk 'agent usage' update keyed by agent id), in every session.", null, "ISO-001"),
    MAILBOX_BOUNCED_TO_PARENT(false, "Archive does not drop the child's pending messages but dead-letters them to the "
            + "coordinator, which receives them when due and runs a turn.", null, "MBX-001"),
    REARCHIVE_404(false, "The archive route looks up active threads only: re-archiving answers 404 "
            + "not_found_error.", null, "REA-001");

    private final boolean conformant;
    private final String description;
    private final String doc;
    private final List<String> breaks;

    Behaviour(boolean conformant, String description, String doc, String... breaks) {
        this.conformant = conformant;
        this.description = description;
        this.doc = doc;
        this.breaks = List.of(breaks);
    }

    public boolean conformant() {
        return conformant;
    }

    public String description() {
        return description;
    }

    /** The doc line that allows a conformant behaviour; null for a fault. */
    public String doc() {
        return doc;
    }

    /** The catalogue requirements a fault breaks; empty for a conformant behaviour. */
    public List<String> breaks() {
        return breaks;
    }

    /** What the suite needs to run to see a fault: its requirements, plus ARCH-001 where only the audit judges. */
    public List<String> only() {
        if (breaks.equals(List.of("LIST-001"))) {
            return List.of("ARCH-001", "LIST-001");
        }
        return breaks;
    }

    public boolean is(Behaviour other) {
        return this == other;
    }
}
