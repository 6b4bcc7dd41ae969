package org.sessionthreads.conformance.explore.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the model allows one step: each allowed answer with the state it leaves (a wait has no answer and one next
 * state), the requirement a wrong answer breaks, and the requirement a change the step may not make breaks.
 *
 * @param step               the step
 * @param allowed            allowed answers and the state each leaves, in the model's order (empty for a wait)
 * @param afterWait          the state a wait leaves (null for an archive step)
 * @param answerRequirement  the catalogue id a wrong answer breaks
 * @param effectRequirement  the catalogue id an effect the step may not have breaks (a thread changed that must not)
 */
public record Expectation(Step step, Map<Answer, ModelState> allowed, ModelState afterWait, String answerRequirement,
                          String effectRequirement) {
    public Expectation {
        allowed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(allowed));
    }

    /** The state after {@code answer}, when the model allows it. */
    public Optional<ModelState> after(Answer answer) {
        return Optional.ofNullable(allowed.get(answer));
    }

    public List<Integer> statuses() {
        return allowed.keySet().stream().map(Answer::status).distinct().toList();
    }

    /** True when every allowed outcome leaves the state as it was: the step may change nothing. */
    public boolean changesNothing(ModelState before) {
        return afterWait == null ? allowed.values().stream().allMatch(before::equals) : afterWait.equals(before);
    }
}
