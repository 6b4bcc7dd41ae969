package org.sessionthreads.conformance.explore.linear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.explore.linear.LinearizabilityTest.Op;

/** Shrinking a non-linearizable history to the smallest sub-history that proves it, and printing it. */
class ShrinkerTest {
    private final Linearizability checker = new Linearizability(100_000);
    private final Shrinker shrinker = new Shrinker(checker);

    /** Op 1's answer is left out: a write that may or may not have happened, read as 1 and then as 0, proves it. */
    @Test
    void keeps_only_the_operations_that_prove_the_violation_and_prints_them_as_a_timeline() {
        List<Operation<Op, Integer>> ops = new ArrayList<>();
        ops.add(Operation.answered(1, "c1", Op.write(1), 0, 10_000_000, 0));
        for (int i = 2; i <= 8; i++) {
            ops.add(Operation.answered(i, "c" + i, Op.read(), i * 1_000_000L, i * 1_000_000L + 500_000, i < 5 ? 0 : 1));
        }
        ops.add(Operation.answered(9, "c9", Op.read(), 20_000_000, 21_000_000, 0));
        History<Op, Integer> history = new History<>(ops);

        History<Op, Integer> shrunk = shrinker.shrink(history, LinearizabilityTest.REGISTER);
        Linearizability.Result<Integer> result = checker.check(shrunk, LinearizabilityTest.REGISTER);
        String timeline = Timeline.render(history, shrunk, result.stuck().orElseThrow(), LinearizabilityTest.REGISTER);

        assertThat(shrunk.operations()).extracting(Operation::id, Operation::pending).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, true), org.assertj.core.groups.Tuple.tuple(8, false),
                org.assertj.core.groups.Tuple.tuple(9, false));
        assertThat(timeline).isEqualTo("""
                timeline, ms from the first invocation ([ invoked, ] answered, > no answer):
                  c8 |                  []                             |
                       #8 read → 1  (8.0 – 8.5 ms)
                  c9 |                                              [=]|
                       #9 read → 0  (20.0 – 21.0 ms)
                  also invoked, answers left out (each may or may not have taken effect; no order works either way):\
                 #1 write 1 by c1 from 0.0 ms
                why no order works: the furthest any order gets is #1, #8 (then 1); the model refuses:
                  #8 read → 1 where read → 0
                  #9 read → 0 where read → 1""");
    }

    @Test
    void an_operation_left_out_keeps_its_invocation_and_forgets_its_answer() {
        List<Operation<Op, Integer>> ops = List.of(
                Operation.answered(1, "c1", Op.write(1), 0, 1_000_000, 0),
                Operation.answered(2, "c2", Op.write(2), 0, 1_000_000, 0),
                Operation.answered(3, "c3", Op.read(), 2_000_000, 3_000_000, 3));
        History<Op, Integer> history = new History<>(ops);

        History<Op, Integer> shrunk = shrinker.shrink(history, LinearizabilityTest.REGISTER);
        String timeline = Timeline.render(history, shrunk,
                checker.check(shrunk, LinearizabilityTest.REGISTER).stuck().orElseThrow(), LinearizabilityTest.REGISTER);

        assertThat(shrunk.operations()).extracting(Operation::id, Operation::pending)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1, true),
                        org.assertj.core.groups.Tuple.tuple(2, true), org.assertj.core.groups.Tuple.tuple(3, false));
        assertThat(timeline).contains("also invoked, answers left out (each may or may not have taken effect; no"
                + " order works either way): #1 write 1 by c1 from 0.0 ms, #2 write 2 by c2 from 0.0 ms");
    }
}
