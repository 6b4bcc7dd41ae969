package org.sessionthreads.conformance.waits;

import java.util.ArrayList;
import java.util.List;

import org.awaitility.core.ConditionEvaluationListener;
import org.awaitility.core.EvaluatedCondition;
import org.awaitility.core.TimeoutEvent;

/**
 * Records what one wait polled and when ("+12 ms poll 3: not yet"), and hands the trace to a {@link WaitListener}
 * when the wait ends, satisfied or timed out. A watch for something that must not happen ends by timing out: its
 * trace then ends with "limit reached", which is its pass.
 */
final class WaitTrace implements ConditionEvaluationListener<Object> {
    private final String alias;
    private final WaitListener listener;
    private final List<String> polls = new ArrayList<>();

    WaitTrace(String alias, WaitListener listener) {
        this.alias = alias;
        this.listener = listener;
    }

    @Override
    public void conditionEvaluated(EvaluatedCondition<Object> condition) {
        polls.add(String.format("+%d ms  poll %d: %s", condition.getElapsedTimeInMS(), polls.size() + 1,
                condition.isSatisfied() ? "condition met" : "not yet"));
        if (condition.isSatisfied()) {
            listener.waited(alias, List.copyOf(polls));
        }
    }

    @Override
    public void onTimeout(TimeoutEvent timeout) {
        polls.add(String.format("+%d ms  limit reached", timeout.getElapsedTimeInMS()));
        listener.waited(alias, List.copyOf(polls));
    }
}
