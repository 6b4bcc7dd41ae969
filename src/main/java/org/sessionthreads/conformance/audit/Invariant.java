package org.sessionthreads.conformance.audit;

/**
 * The invariants the end-of-run audit checks across every session of the run, each with the catalogue
 * requirement a violation fails. The requirement ids are data: the catalogue coverage self-test reads them.
 */
public enum Invariant {
    /** A thread whose archive was answered 200 is still archived, with the archived_at of every such answer. */
    STILL_ARCHIVED("ARCH-004", "an archived thread is still archived with the same archived_at"),
    /** After a thread's terminated event, no other status event follows for it. */
    NO_STATUS_AFTER_TERMINATED("ARCH-004", "no status event follows a thread's terminated event"),
    /** Exactly one session.thread_status_terminated per thread whose archive was answered 200. */
    ONE_TERMINATED_EVENT("EVT-002", "exactly one terminated event per archived thread"),
    /** No terminated event for a thread whose archive requests were all rejected. */
    NO_EVENT_FOR_REJECTED("EVT-003", "no terminated event for a thread whose archives were all rejected"),
    /** After a thread's terminated event, no message is delivered to it. */
    NO_DELIVERY_AFTER_TERMINATED("MBX-001", "no message is delivered to a thread after its terminated event"),
    /** No thread the run never archived (answered 200) is archived, or has a terminated event. */
    ONLY_NAMED_THREADS_ARCHIVED("ISO-001", "no thread the run did not archive is archived or terminated"),
    /**
     * No tool call gets a second agent.tool_result: "Agent cancelled." goes to a coordinator still waiting for the
     * archived child, never to one that already has the child's result.
     */
    ONE_RESULT_PER_TOOL_CALL("UNB-001", "no tool call gets a second tool result"),
    /** The list endpoint and GET show every thread alike (status, stop_reason, archived_at). */
    LIST_AGREES_WITH_GET("LIST-001", "the thread list and GET agree on every thread");

    private final String requirement;
    private final String description;

    Invariant(String requirement, String description) {
        this.requirement = requirement;
        this.description = description;
    }

    public String requirement() {
        return requirement;
    }

    public String description() {
        return description;
    }
}
