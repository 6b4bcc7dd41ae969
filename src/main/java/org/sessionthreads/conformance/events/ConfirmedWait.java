package org.sessionthreads.conformance.events;

import java.time.Duration;
import java.util.Optional;

import org.awaitility.core.ConditionTimeoutException;

import org.sessionthreads.conformance.waits.Waits;

/**
 * How a cursor waits: for an event that should come, confirming before it gives up ({@link #awaitConfirmed}), and
 * through a quiet window that should stay quiet ({@link #watchFor}).
 *
 * <p>Confirm before condemning (docs/event-reading.md). A wait reads through the feed's shortcuts as long as the
 * event comes. When it has not come by the expected moment, the feed confirms with a plain read
 * ({@link EventFeed#confirm}) and what it decided is taken in; a wait that goes on to its limit confirms once more
 * just before it gives up. The last confirmation's note is kept for the verdict's message ({@link #confirmed()}).
 * A quiet window passes on absence and is not confirmed: that would cost a plain read on every passing window.
 */
final class ConfirmedWait {
    private final EventFeed feed;
    private final SeenEvents seen;
    private final Waits waits;
    /** " in session … (channel)", for the alias of each wait. */
    private final String where;
    /** What the last confirmation said, for the verdict's message ("" when none was needed). */
    private String confirmation = "";

    ConfirmedWait(EventFeed feed, SeenEvents seen, Waits waits, String where) {
        this.feed = feed;
        this.seen = seen;
        this.waits = waits;
        this.where = where;
    }

    /**
     * Waits for {@code matcher} until {@code expectedBy}; then confirms; then waits until {@code limitBy}; then
     * confirms again. Empty only when the event did not come and the last confirmation did not show it.
     */
    Optional<Observed> awaitConfirmed(EventMatcher matcher, long expectedBy, long limitBy) {
        confirmation = "";
        if (waitUntil(matcher, Math.min(expectedBy, limitBy))) {
            return seen.first(matcher);
        }
        confirm();
        Optional<Observed> found = seen.first(matcher);
        if (found.isPresent() || limitBy <= expectedBy) {
            return found;
        }
        if (waitUntil(matcher, limitBy)) {
            return seen.first(matcher);
        }
        confirm();
        return seen.first(matcher);
    }

    /** The first event matching {@code matcher} that arrives within {@code period}, if any (fails fast). */
    Optional<Observed> watchFor(EventMatcher matcher, Duration period) {
        try {
            waits.watching("no " + alias(matcher), period).until(() -> seen.first(matcher).isPresent());
            return seen.first(matcher);
        } catch (ConditionTimeoutException quietAsExpected) {
            return Optional.empty();
        }
    }

    /** Asks the feed to confirm with a plain read and takes in what it decided or newly listed. */
    void confirm() {
        seen.refresh();
        Confirmation confirmed = feed.confirm(seen::known, waits.timeouts().eventExpected());
        seen.takeIn(confirmed);
        if (!confirmed.note().isEmpty()) {
            confirmation = confirmed.note();
        }
    }

    /** "; confirmed before the verdict: …" for a verdict's message, or "" when no confirmation was needed. */
    String confirmed() {
        return confirmation.isEmpty() ? "" : "; confirmed before the verdict: " + confirmation;
    }

    /** True when {@code matcher} matched by {@code byNanos} (checked once when that moment has passed). */
    private boolean waitUntil(EventMatcher matcher, long byNanos) {
        long remaining = byNanos - System.nanoTime();
        if (remaining <= 0) {
            return seen.first(matcher).isPresent();
        }
        try {
            waits.until(alias(matcher), Duration.ofNanos(remaining)).until(() -> seen.first(matcher).isPresent());
            return true;
        } catch (ConditionTimeoutException notYet) {
            return false;
        }
    }

    private String alias(EventMatcher matcher) {
        return matcher.description() + where;
    }
}
