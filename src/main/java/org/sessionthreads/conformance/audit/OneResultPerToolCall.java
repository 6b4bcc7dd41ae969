package org.sessionthreads.conformance.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.events.EventMatcher;

/**
 * {@link Invariant#ONE_RESULT_PER_TOOL_CALL}: the page sends "Agent cancelled." only "if the coordinator is waiting
 * for this thread's result", so a call that already has its result never gets another. Results without a
 * {@code tool_use_id} are not counted.
 */
final class OneResultPerToolCall implements InvariantJudge {

    @Override
    public List<Violation> judge(AuditFacts facts) {
        List<Violation> violations = new ArrayList<>();
        Evidence.repeated(facts.session().history(),
                e -> EventMatcher.TOOL_RESULT.equals(e.type()) ? e.toolUseId() : null).forEach((call, results) ->
                violations.add(new Violation(Invariant.ONE_RESULT_PER_TOOL_CALL, "session "
                        + facts.session().sessionId() + ", tool call " + call + ": " + results.size()
                        + " tool results (" + results.stream().map(Event::brief).collect(Collectors.joining("; "))
                        + ")")));
        return violations;
    }
}
