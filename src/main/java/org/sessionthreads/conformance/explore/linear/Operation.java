package org.sessionthreads.conformance.explore.linear;

/**
 * One operation of a concurrent history: who invoked it, what, when ({@link System#nanoTime()}) and, when an answer
 * came, when and what. An operation without an answer ({@link #pending()}) may or may not have taken effect: a check
 * may place it anywhere after its invocation, or nowhere.
 *
 * @param id           unique within its history
 * @param client       the lane it belongs to (a client of the test, or the target itself for its own work)
 * @param input        what was asked
 * @param invokeNanos  when it was invoked
 * @param returnNanos  when its answer was read; {@link #NO_ANSWER} for a pending operation
 * @param result       the answer; null for a pending operation
 * @param evidence     what shows it (e.g. the exchange); may be null
 */
public record Operation<I, R>(int id, String client, I input, long invokeNanos, long returnNanos, R result,
                              Object evidence) {
    /** {@link #returnNanos()} of an operation without an answer. */
    public static final long NO_ANSWER = Long.MAX_VALUE;

    public Operation {
        if ((result == null) != (returnNanos == NO_ANSWER)) {
            throw new IllegalArgumentException("an operation has both an answer and its time, or neither: " + id);
        }
        if (returnNanos < invokeNanos) {
            throw new IllegalArgumentException("operation " + id + " answered before it was invoked");
        }
    }

    public static <I, R> Operation<I, R> answered(int id, String client, I input, long invokeNanos, long returnNanos,
                                                  R result) {
        return new Operation<>(id, client, input, invokeNanos, returnNanos, result, null);
    }

    public static <I, R> Operation<I, R> pending(int id, String client, I input, long invokeNanos) {
        return new Operation<>(id, client, input, invokeNanos, NO_ANSWER, null, null);
    }

    public boolean pending() {
        return returnNanos == NO_ANSWER;
    }

    /** This operation with its answer forgotten: it may or may not have taken effect. */
    public Operation<I, R> forgotten() {
        return new Operation<>(id, client, input, invokeNanos, NO_ANSWER, null, evidence);
    }

    public Operation<I, R> withEvidence(Object shown) {
        return new Operation<>(id, client, input, invokeNanos, returnNanos, result, shown);
    }
}
