package org.sessionthreads.conformance.explore;

/**
 * The exploration's request budget ({@code explore.budget}), shared by the sequences that run at once and the
 * replays that shrink and confirm a finding: a sequence or replay starts only when its estimated cost still fits
 * beside what was spent and what the running ones hold, so the requests sent stay within the budget (a sequence
 * dearer than its estimate may pass it by the difference). The estimate is the dearest request count per step seen
 * so far, {@link #FIRST_PER_STEP} before any.
 */
final class RequestBudget {
    /**
     * Requests per step before any sequence ended: the archive and the child's read, and every thread view after
     * about one step in three (measured: 3-5 per step on the embedded server).
     */
    static final int FIRST_PER_STEP = 4;
    private final int limit;
    private int spent;
    private int held;
    private int perStep = FIRST_PER_STEP;
    private boolean refused;

    RequestBudget(int limit) {
        this.limit = limit;
    }

    /** Holds the estimate of a {@code steps}-step sequence and returns it, or -1 when it does not fit. */
    synchronized int hold(int steps) {
        int estimate = perStep * (steps + 1);
        if (spent + held + estimate > limit) {
            refused = true;
            return -1;
        }
        held += estimate;
        return estimate;
    }

    /** Releases what {@link #hold} returned and counts what the {@code steps}-step sequence sent. */
    synchronized void spend(int estimate, int steps, int requests) {
        held -= estimate;
        spent += requests;
        perStep = Math.max(perStep, (requests + steps) / (steps + 1));
    }

    /** Counts requests sent outside a held sequence (the shared bystander's read). */
    synchronized void spend(int requests) {
        spent += requests;
    }

    synchronized int spent() {
        return spent;
    }

    /** True when a sequence or replay was not started because it did not fit. */
    synchronized boolean refusedAny() {
        return refused;
    }
}
