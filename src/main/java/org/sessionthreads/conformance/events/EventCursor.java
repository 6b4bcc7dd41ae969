package org.sessionthreads.conformance.events;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.waits.Waits;

/**
 * The events of one session from the moment the cursor was opened, read through one {@link EventChannel}
 * (polling or SSE: the scenario cannot tell). Events are de-duplicated by id and kept in the target's order with
 * the moment each was received ({@link SeenEvents}, which also bounds the memory they take), so failure messages
 * say what was seen and when, never just "timeout".
 *
 * <p>Confirm before condemning. The waits for an event ({@link #awaitFirst}, {@link #awaitTermination}) read
 * through the feed's shortcuts (type filters, a hinted or newest-first mark) as long as the event comes. When it
 * has not come by {@code timeouts.event_expected}, and again at {@code timeouts.event} before MISSING, the feed
 * confirms with a plain read ({@link ConfirmedWait}); what a disagreeing plain read shows is taken in (in the
 * target's order) and the matcher is evaluated again. The verdict's message names the read that agreed.
 *
 * <pre>{@code
 * EventCursor events = sessionEvents.openFor(child.sessionId());          // subscribe BEFORE acting
 * ApiResponse answer = events.timed(() -> threads.archive(child.thread()));
 * events.awaitTermination(child.threadId()).assertOnTime().assertOnce();
 * }</pre>
 */
public final class EventCursor implements AutoCloseable {
    /** Extra reads before the request is sent while the feed is still behind (bounded, like each read). */
    private static final int CATCH_UP_READS = 100;
    private final EventFeed feed;
    private final EventChannel channel;
    private final Waits waits;
    private final EventTimings timings;
    private final String sessionId;
    private final SeenEvents seen;
    private final ConfirmedWait wait;
    private final long openedNanos = System.nanoTime();
    /** Events seen through a hinted mark that a plain read does not show after it (shared with watch threads). */
    private final Set<String> notAfterMark = ConcurrentHashMap.newKeySet();
    private long sentNanos = -1;
    private long answeredNanos = -1;

    EventCursor(EventFeed feed, EventChannel channel, Waits waits, EventTimings timings, String sessionId) {
        this.feed = feed;
        this.channel = channel;
        this.waits = waits;
        this.timings = timings;
        this.sessionId = sessionId;
        this.seen = new SeenEvents(feed);
        this.wait = new ConfirmedWait(feed, seen, waits,
                " in session " + sessionId + " (" + channel.wireName() + ")");
    }

    /**
     * Waits until an event matching {@code matcher} has been seen and returns the first one. Confirms with a plain
     * read at {@code timeouts.event_expected} and at {@code timeouts.event} (see the class comment).
     *
     * @throws AssertionError with the last events seen and the plain read that agreed when none arrives within
     *                        {@code timeouts.event}
     */
    public Event awaitFirst(EventMatcher matcher) {
        long start = System.nanoTime();
        Optional<Observed> found = wait.awaitConfirmed(matcher, start + waits.timeouts().eventExpected().toNanos(),
                start + waits.timeouts().event().toNanos());
        if (found.isEmpty()) {
            throw new AssertionError("Expecting " + matcher.description() + " within "
                    + DurationText.of(waits.timeouts().event()) + " in session " + sessionId + " (via "
                    + feed.describe() + ") but none arrived; " + tail() + wait.confirmed());
        }
        return found.get().event();
    }

    /**
     * Waits for the first event matching {@code matcher} that the target listed after {@code earlier}.
     *
     * @throws AssertionError with the last events seen when none arrives within {@code timeouts.event}
     */
    public Event awaitFirstAfter(Event earlier, EventMatcher matcher) {
        int position = seen.positionOf(earlier);
        return awaitFirst(new EventMatcher(matcher.description() + " after " + earlier.id(),
                e -> matcher.matches(e) && seen.positionOf(e) > position));
    }

    /**
     * Watches for {@code period} and fails as soon as an event matching {@code matcher} appears after the mark.
     * Confirm before condemning: when the mark came from a hint, a sighting counts only if a plain read shows the
     * event after it ({@link EventFeed#notShownAfterMark}); one it does not is set aside and the watch goes on.
     *
     * @throws AssertionError naming the unexpected event and when it arrived
     */
    public void assertNoneDuring(EventMatcher matcher, Duration period) {
        long end = System.nanoTime() + period.toNanos();
        EventMatcher watched = matcher.excluding(notAfterMark);
        for (Optional<Observed> sighted = watchFor(watched, period); sighted.isPresent();
                sighted = watchFor(watched, Duration.ofNanos(Math.max(0, end - System.nanoTime())))) {
            Observed unexpected = sighted.get();
            if (countsAfterMark(unexpected)) {
                throw new AssertionError("Expecting no " + matcher.description() + " during "
                        + DurationText.of(period) + " but saw " + unexpected.event() + " " + since(unexpected)
                        + " (via " + feed.describe() + "); " + tail());
            }
        }
    }

    /**
     * The first event matching {@code matcher} that counts as seen after the mark, for a verdict that rests on a
     * sighting (a delivery to an archived child): as {@link #first}, except that through a mark taken from a hint an
     * event counts only when a plain read shows it after the hint; one that does not is set aside for good (see
     * {@link #assertNoneDuring}).
     */
    public Optional<Observed> firstAfterMark(EventMatcher matcher) {
        EventMatcher counted = matcher.excluding(notAfterMark);
        for (Optional<Observed> sighted = first(counted); sighted.isPresent(); sighted = first(counted)) {
            if (countsAfterMark(sighted.get())) {
                return sighted;
            }
        }
        return Optional.empty();
    }

    /** True unless a plain read does not show {@code sighted} after a hinted mark; then it is set aside. */
    private boolean countsAfterMark(Observed sighted) {
        String id = sighted.event().id();
        if (id == null || !feed.notShownAfterMark(id)) {
            return true;
        }
        notAfterMark.add(id);
        return false;
    }

    /** Every event kept so far that matches (reads what arrived first; {@link SeenEvents} says what is kept). */
    public List<Event> all(EventMatcher matcher) {
        return seen.all(matcher);
    }

    /**
     * Runs the scenario's action and notes when it was sent and answered, the reference points of
     * {@link #awaitTermination}. Reads what already arrived just before sending, so an event that was there
     * before the request is known as such (OUT_OF_ORDER).
     */
    public <T> T timed(Supplier<T> action) {
        seen.refresh();
        for (int i = 0; i < CATCH_UP_READS && feed.behind(); i++) {
            seen.refresh(); // why: everything listed before the request must be known as such (OUT_OF_ORDER)
        }
        sentNanos = System.nanoTime();
        T result = action.get();
        answeredNanos = System.nanoTime();
        return result;
    }

    /**
     * Waits for the {@code session.thread_status_terminated} event of {@code threadId} and gives its verdict,
     * measured from the answer of the action {@link #timed} ran (or from this call, if none was timed): ON_TIME
     * within {@code timeouts.event_expected}, LATE after it. The verdict is recorded in the run's
     * {@link EventTimings}.
     *
     * @throws AssertionError MISSING when none arrives within {@code timeouts.event} and the plain read that
     *                        confirms it agrees (see the class comment); OUT_OF_ORDER when one was there before the
     *                        request was sent
     */
    public Termination awaitTermination(String threadId) {
        EventMatcher matcher = EventMatcher.terminated(threadId);
        long answered = answeredNanos >= 0 ? answeredNanos : System.nanoTime();
        long sent = sentNanos >= 0 ? sentNanos : openedNanos;
        Optional<Observed> early = first(matcher).filter(o -> o.arrivedNanos() < sent);
        if (early.isPresent()) {
            timings.record(channel, TerminationVerdict.OUT_OF_ORDER, null);
            throw new AssertionError("OUT_OF_ORDER: " + matcher.description() + " (" + early.get().event().id()
                    + ") was received " + DurationText.ofNanos(sent - early.get().arrivedNanos())
                    + " before the archive request was sent (via " + feed.describe() + ", session " + sessionId
                    + "); " + tail());
        }
        Optional<Observed> found = wait.awaitConfirmed(matcher, answered + waits.timeouts().eventExpected().toNanos(),
                System.nanoTime() + waits.timeouts().event().toNanos());
        if (found.isEmpty()) {
            timings.record(channel, TerminationVerdict.MISSING, null);
            throw new AssertionError("MISSING: no " + matcher.description() + " within "
                    + DurationText.of(waits.timeouts().event()) + " of the archive answer (via " + feed.describe()
                    + ", session " + sessionId + "); " + tail() + wait.confirmed());
        }
        Observed event = found.get();
        Duration latency = Duration.ofNanos(Math.max(0, event.arrivedNanos() - answered));
        // why: LATE only when proven: a read that went out after the deadline still found the list without it.
        // The arrival alone may be late because the client was held back (a 429's Retry-After, its caps, load).
        // An event a plain confirmation found carries what plain reads proved, not what filtered reads claimed.
        Duration provenAbsent = Duration.ofNanos(Math.max(0, event.absentUntilNanos() - answered));
        TerminationVerdict verdict = provenAbsent.compareTo(waits.timeouts().eventExpected()) <= 0
                ? TerminationVerdict.ON_TIME : TerminationVerdict.LATE;
        timings.record(channel, verdict, latency);
        return new Termination(this, matcher, event.event(), verdict, latency);
    }

    /** Stops reading: closes the stream of an SSE cursor (a polling cursor holds nothing open). */
    @Override
    public void close() {
        feed.close();
    }

    public EventChannel channel() {
        return channel;
    }

    Waits waits() {
        return waits;
    }

    public EventTimings timings() {
        return timings;
    }

    public String via() {
        return feed.describe();
    }

    /** The first event matching {@code matcher} that arrives within {@code period}, if any (fails fast). */
    Optional<Observed> watchFor(EventMatcher matcher, Duration period) {
        return wait.watchFor(matcher, period);
    }

    public Optional<Observed> first(EventMatcher matcher) {
        return seen.first(matcher);
    }

    /**
     * As {@link #first}, and when nothing matches, after the feed confirmed with a plain read (see the class
     * comment): for a decision that would rest on the event not being there. Costs nothing more when it is.
     */
    public Optional<Observed> firstConfirmed(EventMatcher matcher) {
        Optional<Observed> found = first(matcher);
        if (found.isPresent()) {
            return found;
        }
        wait.confirm();
        return first(matcher);
    }

    /**
     * {@code +12 ms after the archive answer}, {@code 3 ms before the archive answer} (a stream may deliver the
     * event before the answer is complete), or {@code +40 ms after the cursor opened} when nothing was timed.
     */
    public String since(Observed observed) {
        long reference = answeredNanos >= 0 ? answeredNanos : openedNanos;
        long delta = observed.arrivedNanos() - reference;
        String what = answeredNanos >= 0 ? "the archive answer" : "the cursor opened";
        return delta < 0 ? DurationText.ofNanos(-delta) + " before " + what
                : "+" + DurationText.ofNanos(delta) + " after " + what;
    }

    /** The last few events seen, each with when it arrived: the diagnosis of every event failure. */
    String tail() {
        return seen.tail(this::since);
    }

    /** How many events the cursor holds (for the memory bound's test). */
    int kept() {
        return seen.kept();
    }
}
