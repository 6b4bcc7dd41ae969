package org.sessionthreads.conformance.assertions;

import java.util.List;
import java.util.Objects;

import org.assertj.core.api.AbstractAssert;

import org.sessionthreads.conformance.client.BodyText;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.schema.SchemaRef;
import org.sessionthreads.conformance.schema.SchemaRegistry;
import org.sessionthreads.conformance.schema.SchemaViolation;

/** Assertions on one event read from the target's event list. */
public final class EventAssert extends AbstractAssert<EventAssert, Event> {

    EventAssert(Event actual) {
        super(actual, EventAssert.class);
    }

    public EventAssert conformsTo(SchemaRef schema) {
        List<SchemaViolation> violations = SchemaRegistry.shared().validate(schema, actual.toString());
        if (!violations.isEmpty()) {
            failWithMessage("Expecting event %s to conform to %s but:%n  %s%n  event: %s", actual.id(), schema,
                    String.join("\n  ", violations.stream().map(SchemaViolation::toString).toList()), shown());
        }
        return this;
    }

    public EventAssert hasStopReasonType(String expected) {
        if (!Objects.equals(expected, actual.stopReasonType())) {
            failWithMessage("Expecting event %s to have stop_reason.type \"%s\" but was %s%n  event: %s",
                    actual.id(), expected, actual.stopReasonType(), shown());
        }
        return this;
    }

    public EventAssert isOnThread(String threadId) {
        if (!Objects.equals(threadId, actual.sessionThreadId())) {
            failWithMessage("Expecting event %s on thread %s but its session_thread_id was %s%n  event: %s",
                    actual.id(), threadId, actual.sessionThreadId(), shown());
        }
        return this;
    }

    /** The content text contains {@code expected} (content as a string or as text blocks). */
    public EventAssert hasTextContaining(String expected) {
        if (!actual.text().contains(expected)) {
            failWithMessage("Expecting event %s content to contain \"%s\" but was %s%n  event: %s", actual.id(),
                    expected, BodyText.excerpt(actual.text(), -1), shown());
        }
        return this;
    }

    /** The event as failure messages show it: its start, escaped, never the whole of a giant event. */
    private String shown() {
        return BodyText.excerpt(actual.toString(), -1);
    }
}
