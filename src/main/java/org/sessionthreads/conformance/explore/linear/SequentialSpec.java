package org.sessionthreads.conformance.explore.linear;

import java.util.Set;

/**
 * The sequential model a concurrent history is checked against. It may be nondeterministic: an operation may leave
 * one of several states. States must have value equality (they are memoised).
 *
 * @param <S> the model's state
 * @param <I> an operation's input
 * @param <R> an operation's answer
 */
public interface SequentialSpec<S, I, R> {
    /** The states the system may start in. */
    Set<S> initial();

    /** The states {@code input} may leave when applied to {@code state} and answered {@code result}; empty: not allowed. */
    Set<S> step(S state, I input, R result);

    /** The states {@code input} may leave when applied to {@code state}, whatever it answered (a pending operation). */
    Set<S> stepWithoutAnswer(S state, I input);

    /** True when {@code input} never changes the state (a read): such an operation may be left out of a history. */
    boolean readOnly(I input);

    /**
     * The independent part of the system {@code input} acts on (P-compositionality): operations of different parts
     * are checked separately. One part by default.
     */
    default String part(I input) {
        return "";
    }

    /** In words, what the model allows {@code input} to answer in {@code state}; for the explanation of a violation. */
    String allowed(S state, I input);

    /** {@code input} with {@code result} in words, for a timeline. */
    String describe(I input, R result);
}
