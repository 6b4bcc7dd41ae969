package org.sessionthreads.conformance.events;

import java.util.function.Predicate;

import org.sessionthreads.conformance.client.Event;

/** A named predicate on events; the name appears in failure messages ("a session.thread_status_terminated for sthr_…"). */
public record EventMatcher(String description, Predicate<Event> predicate) {
    public static final String THREAD_STATUS_TERMINATED = "session.thread_status_terminated";
    public static final String THREAD_STATUS_RUNNING = "session.thread_status_running";
    public static final String TOOL_RESULT = "agent.tool_result";
    public static final String THREAD_MESSAGE_RECEIVED = "agent.thread_message_received";
    /**
     * The event types the suite's matchers look for. A cursor keeps these even in a flooded session (see
     * {@link EventCursor}); a new matcher on another type must add it here.
     */
    public static final java.util.Set<String> JUDGED_TYPES = java.util.Set.of(THREAD_STATUS_TERMINATED,
            THREAD_STATUS_RUNNING, TOOL_RESULT, THREAD_MESSAGE_RECEIVED);

    /** True when {@code event} is of one of the {@link #JUDGED_TYPES}. */
    public static boolean isJudged(Event event) {
        return JUDGED_TYPES.contains(event.type());
    }

    public boolean matches(Event event) {
        return predicate.test(event);
    }

    /** Any event of {@code type} whose session_thread_id is {@code threadId}. */
    public static EventMatcher ofType(String type, String threadId) {
        return new EventMatcher(type + " for " + threadId,
                e -> type.equals(e.type()) && threadId.equals(e.sessionThreadId()));
    }

    /** The terminated event of one thread, whatever its payload (payload checks are assertions, not matching). */
    public static EventMatcher terminated(String threadId) {
        return ofType(THREAD_STATUS_TERMINATED, threadId);
    }

    /** A tool result for one tool call, on any thread. */
    public static EventMatcher toolResult(String toolUseId) {
        return new EventMatcher(TOOL_RESULT + " for tool_use_id " + toolUseId,
                e -> TOOL_RESULT.equals(e.type()) && toolUseId.equals(e.toolUseId()));
    }

    /** A mailbox delivery to the thread: the message arriving, or the thread starting to run on it. */
    public static EventMatcher deliveryTo(String threadId) {
        EventMatcher received = ofType(THREAD_MESSAGE_RECEIVED, threadId);
        EventMatcher running = ofType(THREAD_STATUS_RUNNING, threadId);
        return new EventMatcher("mailbox delivery to " + threadId + " (" + THREAD_MESSAGE_RECEIVED + " or "
                + THREAD_STATUS_RUNNING + ")", e -> received.matches(e) || running.matches(e));
    }

    /**
     * A pending message of the thread's mailbox showing up anywhere: a {@link #deliveryTo delivery to the thread}, or
     * a message received on any thread that names it as sender or receiver (a message bounced or forwarded to
     * another thread was not cancelled either).
     */
    public static EventMatcher mailboxMessageOf(String threadId) {
        EventMatcher delivery = deliveryTo(threadId);
        return new EventMatcher("mailbox message of " + threadId + " (" + THREAD_MESSAGE_RECEIVED + " on any thread"
                + " from or to it, or " + THREAD_STATUS_RUNNING + " of it)", e -> delivery.matches(e)
                || THREAD_MESSAGE_RECEIVED.equals(e.type())
                && (threadId.equals(e.fromSessionThreadId()) || threadId.equals(e.toSessionThreadId())));
    }

    /** This matcher, except the events whose ids are in {@code ids} (read when matching: the set may grow). */
    public EventMatcher excluding(java.util.Set<String> ids) {
        return new EventMatcher(description, e -> matches(e) && !ids.contains(e.id()));
    }

    /** This matcher, except the one event already seen (to detect a second occurrence). */
    public EventMatcher other(Event already) {
        return new EventMatcher("another " + description + " besides " + already.id(),
                e -> matches(e) && !already.id().equals(e.id()));
    }
}
