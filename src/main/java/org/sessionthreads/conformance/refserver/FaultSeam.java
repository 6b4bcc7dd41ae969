package org.sessionthreads.conformance.refserver;

/**
 * How a {@link Fault} is applied. Most faults substitute one collaborator of the reference behaviour (a decorated or
 * replaced one, built by {@code faults.FaultInjection}); the rest are a local check in the one class that produces
 * what they break (a wire shape, an error body, an event page, a hook answer).
 */
public enum FaultSeam {
    // -- collaborators a fault substitutes
    /** The guard of the archive's read-check-act against concurrent archives ({@code lifecycle.ArchiveLock}). */
    ARCHIVE_LOCK(true, "lifecycle.ArchiveLock"),
    /** Which thread may be archived; what a refusal, a re-archive or a 404 does ({@code lifecycle.ArchiveRules}). */
    ARCHIVE_RULES(true, "lifecycle.ArchiveRules"),
    /** What the archive writes and answers ({@code lifecycle.ArchiveRecord}). */
    ARCHIVE_RECORD(true, "lifecycle.ArchiveRecord"),
    /** What the archive does to the pending messages ({@code lifecycle.ArchiveMailbox}). */
    ARCHIVE_MAILBOX(true, "lifecycle.ArchiveMailbox"),
    /** How the waiting coordinator is unblocked ({@code lifecycle.Unblocking}). */
    UNBLOCKING(true, "lifecycle.Unblocking"),
    /** How the terminated event is published ({@code lifecycle.TerminatedEvent}). */
    TERMINATED_EVENT(true, "lifecycle.TerminatedEvent"),
    /** Which requests are authenticated ({@code http.Credentials}). */
    CREDENTIALS(true, "http.Credentials"),

    // -- local checks
    /** How a thread is found and read ({@code lifecycle.ThreadLookup}). */
    THREAD_LOOKUP(false, "lifecycle.ThreadLookup"),
    /** When a pending message is delivered ({@code lifecycle.MessageDelivery}). */
    MESSAGE_DELIVERY(false, "lifecycle.MessageDelivery"),
    /** How a re-archive is answered ({@code ServerOptions.rearchive()}). */
    REARCHIVE_MODE(false, "ServerOptions.rearchive()"),
    /** Which status and code a refused archive gets ({@code http.ErrorMapping}). */
    ERROR_MAPPING(false, "http.ErrorMapping"),
    /** The body of an error answer ({@code http.ErrorEnvelope}). */
    ERROR_ENVELOPE(false, "http.ErrorEnvelope"),
    /** The wire shape of a thread ({@code http.WireFormat}). */
    WIRE_FORMAT(false, "http.WireFormat"),
    /** The bytes and headers of the archive answer ({@code http.ArchiveThreadHandler}). */
    ARCHIVE_ANSWER(false, "http.ArchiveThreadHandler"),
    /** The event list ({@code http.ListEventsHandler}). */
    EVENT_LIST(false, "http.ListEventsHandler"),
    /** The event stream ({@code http.StreamEventsHandler}). */
    EVENT_STREAM(false, "http.StreamEventsHandler"),
    /** Replays under {@code Idempotency-Key} ({@code http.IdempotencyKeys}). */
    IDEMPOTENCY_KEYS(false, "http.IdempotencyKeys"),
    /** The fixture hook's answers ({@code fixtures.FixtureHook}). */
    FIXTURE_HOOK(false, "fixtures.FixtureHook");

    private final boolean substitutes;
    private final String where;

    FaultSeam(boolean substitutes, String where) {
        this.substitutes = substitutes;
        this.where = where;
    }

    /** True for a collaborator a fault substitutes; false for a local check in {@link #where()}. */
    public boolean substitutes() {
        return substitutes;
    }

    /** The collaborator interface, or the class of the local check, relative to {@code refserver}. */
    public String where() {
        return where;
    }
}
