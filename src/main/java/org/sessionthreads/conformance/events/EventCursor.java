package org.sessionthreads.conformance.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.EventsApi;

/**
 * Follows one session's event list by polling with {@code after_id}: each poll reads every page after the last
 * event seen, so small pages and interleaved events are neither missed nor counted twice (events are de-duplicated
 * by id). Failure messages say what was seen, never just "timeout".
 */
public final class EventCursor {
    private static final int DIAGNOSTIC_TAIL = 5;
    private final EventsApi api;
    private final Waits waits;
    private final String sessionId;
    private final List<Event> seen = new ArrayList<>();
    private final Set<String> seenIds = new LinkedHashSet<>();
    private String lastId;

    EventCursor(EventsApi api, Waits waits, String sessionId) {
        this.api = api;
        this.waits = waits;
        this.sessionId = sessionId;
    }

    /** Skips everything already in the log. */
    void markEnd() {
        readNewPages();
        seen.clear();
    }

    /**
     * Waits until an event matching {@code matcher} has been seen after the mark and returns the first one.
     *
     * @throws AssertionError with the last events seen when none arrives within the profile's event timeout
     */
    public Event awaitFirst(EventMatcher matcher) {
        try {
            waits.until(matcher.description()).until(() -> first(matcher).isPresent());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Expecting " + matcher.description() + " within "
                    + waits.timeouts().event().toMillis() + " ms in session " + sessionId + " but none arrived; "
                    + tail());
        }
        return first(matcher).orElseThrow();
    }

    /**
     * Waits for the first event matching {@code matcher} that the target listed after {@code earlier}.
     *
     * @throws AssertionError with the last events seen when none arrives within the profile's event timeout
     */
    public Event awaitFirstAfter(Event earlier, EventMatcher matcher) {
        int position = positionOf(earlier);
        return awaitFirst(new EventMatcher(matcher.description() + " after " + earlier.id(),
                e -> matcher.matches(e) && seen.indexOf(e) > position));
    }

    /**
     * Watches the log for {@code period} and fails as soon as an event matching {@code matcher} appears.
     *
     * @throws AssertionError naming the unexpected event
     */
    public void assertNoneDuring(EventMatcher matcher, Duration period) {
        try {
            waits.throughout("no " + matcher.description(), period).until(() -> first(matcher).isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Expecting no " + matcher.description() + " during " + period.toMillis()
                    + " ms but saw " + first(matcher).map(Event::toString).orElse("one") + "; " + tail());
        }
    }

    /** Every event seen after the mark so far that matches (reads new pages first). */
    public List<Event> all(EventMatcher matcher) {
        readNewPages();
        return seen.stream().filter(matcher::matches).toList();
    }

    private int positionOf(Event event) {
        return seen.indexOf(event);
    }

    private Optional<Event> first(EventMatcher matcher) {
        readNewPages();
        return seen.stream().filter(matcher::matches).findFirst();
    }

    private void readNewPages() {
        boolean more = true;
        while (more) {
            ApiResponse page = api.listAfter(sessionId, lastId);
            if (page.status() != 200 || !page.json().path("data").isArray()) {
                throw new EventObservationException("cannot read the event list: " + page.exchange().summary());
            }
            for (Event event : page.events()) {
                if (event.id() != null && seenIds.add(event.id())) {
                    seen.add(event);
                    lastId = event.id();
                }
            }
            more = page.hasMore() && !page.events().isEmpty();
        }
    }

    private String tail() {
        if (seen.isEmpty()) {
            return "no events at all after the mark";
        }
        return "last " + Math.min(DIAGNOSTIC_TAIL, seen.size()) + " of " + seen.size() + " events seen: "
                + seen.subList(Math.max(0, seen.size() - DIAGNOSTIC_TAIL), seen.size()).stream()
                .map(Event::brief).collect(Collectors.joining(", "));
    }
}
