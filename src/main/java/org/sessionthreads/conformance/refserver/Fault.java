package org.sessionthreads.conformance.refserver;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Deliberately broken behaviours of the reference server, used by the project's self-tests to prove that the
 * suite notices each kind of non-conformance. A healthy server has none switched on.
 *
 * <p>To add a fault: add a constant here with a one-line description, then test {@code options.has(Fault.X)} at
 * the single place where the behaviour lives (the constant's Javadoc names that place).
 */
public enum Fault {
    /** Archiving the coordinator succeeds instead of answering 409 ({@code ArchiveThread}). */
    COORDINATOR_ARCHIVABLE,
    /** A child that is not idle (e.g. running) can be archived ({@code ArchiveThread}). */
    NON_IDLE_ARCHIVABLE,
    /** Archiving emits no {@code session.thread_status_terminated} event ({@code ThreadTransitions}). */
    NO_TERMINATED_EVENT,
    /** Archiving emits the terminated event twice, with two ids ({@code ThreadTransitions}). */
    DUPLICATE_TERMINATED_EVENT,
    /** The terminated event carries {@code stop_reason {"type":"end_turn"}} ({@code ThreadTransitions}). */
    TERMINATED_EVENT_WRONG_REASON,
    /** A rejected (409) coordinator archive still appends a terminated event for it ({@code ArchiveThread}). */
    EVENT_FOR_REJECTED_ARCHIVE,
    /** Unknown session/thread ids answer 404 even without a valid token ({@code BearerAuthentication}). */
    NOT_FOUND_BEFORE_AUTH,
    /** Any {@code Bearer} token is accepted ({@code BearerAuthentication}). */
    LENIENT_AUTH,
    /** An archive request rejected with 401 still archives the thread ({@code BearerAuthentication}). */
    REJECTED_REQUEST_MUTATES,
    /** The 200 response says archived but the stored thread stays as it was ({@code ArchiveThread}). */
    ARCHIVE_NOT_PERSISTED,
    /** An archived thread has {@code archived_at: null} ({@code ArchiveThread}). */
    MISSING_ARCHIVED_AT,
    /** An archived thread has {@code stop_reason {"type":"end_turn"}} ({@code ArchiveThread}). */
    WRONG_STOP_REASON,
    /** The 409 answers of archive become 400 ({@code ErrorMapping}). */
    CONFLICT_AS_BAD_REQUEST,
    /** 404 answers use error type {@code not_found} instead of {@code not_found_error} ({@code ErrorEnvelope}). */
    WRONG_ERROR_TYPE,
    /** Error answers have an empty body ({@code ErrorEnvelope}). */
    NO_ERROR_ENVELOPE,
    /** A thread of another session is found, and archived, through the wrong session id ({@code ThreadLookup}). */
    CROSS_SESSION_THREAD,
    /** Pending mailbox messages of an archived thread are still delivered ({@code ArchiveThread}). */
    MAILBOX_NOT_CANCELLED,
    /** A coordinator blocked on the archived child is not unblocked ({@code ArchiveThread}). */
    NO_AGENT_CANCELLED,
    /** Re-archiving answers 200 with a new {@code archived_at} and emits another event ({@code ArchiveThread}). */
    REARCHIVE_MOVES_ARCHIVED_AT,
    /** No lock and a wider check-then-act window: racing archives all transition ({@code ArchiveThread}). */
    RACY_ARCHIVE;

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
}
