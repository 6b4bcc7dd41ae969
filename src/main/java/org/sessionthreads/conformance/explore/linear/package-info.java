/**
 * Concurrent histories and linearizability. A generic checker ({@link
 * org.sessionthreads.conformance.explore.linear.Linearizability}: the Wing–Gong search with Lowe's memoisation and
 * P-compositionality, pending operations placed anywhere after their invocation or never, a search budget whose
 * overrun answers "unknown", never a violation) over a {@link org.sessionthreads.conformance.explore.linear.History}
 * and a {@link org.sessionthreads.conformance.explore.linear.SequentialSpec}; the smallest sub-history that proves a
 * violation ({@link org.sessionthreads.conformance.explore.linear.Shrinker}, delta debugging over weakened
 * histories) printed as a {@link org.sessionthreads.conformance.explore.linear.Timeline}; and the archive page's
 * concurrent exploration ({@link org.sessionthreads.conformance.explore.linear.ArchiveConcurrency}: rounds of clients
 * on one fixture, checked against {@link org.sessionthreads.conformance.explore.linear.ArchivePageModel}).
 *
 * <p>What a violation rests on. Each client operation takes effect once between the moment its request was sent and
 * the moment its answer was read ({@link System#nanoTime()}); a request without an answer may or may not have taken
 * effect. The target's own work, a mailbox delivery to the child and the end of the turn it started, is seen only
 * through the session's events: it takes effect after the round started (its message was queued before) and before
 * the read of the events that shows it; one the read does not show may or may not have happened. The order of the
 * delivery, the turn's end and the archive's terminated event in the event list is taken as the target's own order
 * of those effects (an append-only log). Shrinking never deletes an operation that may change the state: it forgets
 * its answer, so the sub-history printed is a weakening of what happened, and proves the violation on its own.
 */
package org.sessionthreads.conformance.explore.linear;
