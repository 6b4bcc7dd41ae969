package org.sessionthreads.conformance.refserver.model;

/** The event types the reference server appends to a session's log, with their wire names. */
public enum EventType {
    THREAD_CREATED("session.thread_created"),
    THREAD_STATUS_RUNNING("session.thread_status_running"),
    THREAD_STATUS_IDLE("session.thread_status_idle"),
    THREAD_STATUS_TERMINATED("session.thread_status_terminated"),
    TOOL_USE("agent.tool_use"),
    TOOL_RESULT("agent.tool_result"),
    THREAD_MESSAGE_SENT("agent.thread_message_sent"),
    THREAD_MESSAGE_RECEIVED("agent.thread_message_received"),
    /** Agent output; only appended as unrelated chatter under {@code Variation.INTERLEAVED_EVENTS}. */
    AGENT_MESSAGE("agent.message"),
    /** Input sent through {@code POST /v1/sessions/{id}/events} (session level: no thread). */
    USER_MESSAGE("user.message");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the event's {@code type} field and of the SSE {@code event:} line. */
    public String wireName() {
        return wireName;
    }
}
