package org.sessionthreads.conformance.explore;

/**
 * One archive request of an exploration sequence, as the event rules need it.
 *
 * @param threadId      the thread the request named
 * @param status        the answer's HTTP status, 0 when no answer came (the archive may or may not have happened)
 * @param accepted      true for the answer that archived the thread (its first 200); a re-archive's 200 is false
 * @param sentNanos     {@link System#nanoTime()} when the request was sent
 * @param answeredNanos {@link System#nanoTime()} when the answer was read (equal to sentNanos without an answer)
 */
public record ArchiveAttempt(String threadId, int status, boolean accepted, long sentNanos, long answeredNanos) {
}
