package org.sessionthreads.conformance.explore.linear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.explore.linear.Linearizability.Verdict;

/** The checker on hand-made histories of a register (write v; read → v) and a nondeterministic counter. */
class LinearizabilityTest {
    private final Linearizability checker = new Linearizability(100_000);

    /** A register holding an int, 0 at first; reads of part "b" act on a second register. */
    record Op(String kind, String register, int value) {
        static Op write(int v) {
            return new Op("write", "a", v);
        }

        static Op read() {
            return new Op("read", "a", 0);
        }
    }

    static final SequentialSpec<Integer, Op, Integer> REGISTER = new SequentialSpec<>() {
        public Set<Integer> initial() {
            return Set.of(0);
        }

        public Set<Integer> step(Integer state, Op op, Integer result) {
            if (op.kind().equals("write")) {
                return Set.of(op.value());
            }
            return result.equals(state) ? Set.of(state) : Set.of();
        }

        public Set<Integer> stepWithoutAnswer(Integer state, Op op) {
            return op.kind().equals("write") ? Set.of(op.value()) : Set.of(state);
        }

        public boolean readOnly(Op op) {
            return op.kind().equals("read");
        }

        public String part(Op op) {
            return op.register();
        }

        public String allowed(Integer state, Op op) {
            return op.kind().equals("read") ? "read → " + state : "any write";
        }

        public String describe(Op op, Integer result) {
            return op.kind().equals("write") ? "write " + op.value() : "read" + (result == null ? "" : " → " + result);
        }
    };

    private static Operation<Op, Integer> op(int id, String client, Op input, long from, long to, int result) {
        return Operation.answered(id, client, input, from, to, result);
    }

    @Test
    void overlapping_write_and_read_may_be_ordered_either_way() {
        History<Op, Integer> history = new History<>(List.of(op(1, "c1", Op.write(1), 0, 10, 0),
                op(2, "c2", Op.read(), 5, 15, 0), op(3, "c3", Op.read(), 6, 16, 1)));

        assertThat(checker.check(history, REGISTER).verdict()).isEqualTo(Verdict.LINEARIZABLE);
    }

    @Test
    void a_stale_read_after_the_write_answered_is_not_linearizable() {
        History<Op, Integer> history = new History<>(List.of(op(1, "c1", Op.write(1), 0, 10, 0),
                op(2, "c2", Op.read(), 20, 30, 0)));

        Linearizability.Result<Integer> result = checker.check(history, REGISTER);

        assertThat(result.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
        assertThat(result.stuck()).get().satisfies(stuck -> {
            assertThat(stuck.placed()).containsExactly(1);
            assertThat(stuck.state()).isEqualTo(1);
            assertThat(stuck.refused()).containsEntry(2, Set.of("read → 1"));
        });
    }

    @Test
    void reads_that_see_new_then_old_value_are_not_linearizable() {
        History<Op, Integer> history = new History<>(List.of(op(1, "c1", Op.write(1), 0, 100, 0),
                op(2, "c2", Op.read(), 10, 20, 1), op(3, "c3", Op.read(), 30, 40, 0)));

        assertThat(checker.check(history, REGISTER).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void a_pending_write_may_have_happened_or_not() {
        Operation<Op, Integer> write = Operation.pending(1, "c1", Op.write(1), 0);
        History<Op, Integer> sawIt = new History<>(List.of(write, op(2, "c2", Op.read(), 50, 60, 1)));
        History<Op, Integer> missedIt = new History<>(List.of(write, op(2, "c2", Op.read(), 50, 60, 0)));
        History<Op, Integer> sawItThenNot = new History<>(List.of(write, op(2, "c2", Op.read(), 50, 60, 1),
                op(3, "c3", Op.read(), 70, 80, 0)));

        assertThat(checker.check(sawIt, REGISTER).verdict()).isEqualTo(Verdict.LINEARIZABLE);
        assertThat(checker.check(missedIt, REGISTER).verdict()).isEqualTo(Verdict.LINEARIZABLE);
        assertThat(checker.check(sawItThenNot, REGISTER).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void a_pending_write_takes_effect_only_after_its_invocation() {
        History<Op, Integer> history = new History<>(List.of(op(1, "c2", Op.read(), 0, 10, 1),
                Operation.pending(2, "c1", Op.write(1), 20)));

        assertThat(checker.check(history, REGISTER).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void a_known_order_outside_the_clock_is_respected() {
        List<Operation<Op, Integer>> ops = List.of(op(1, "c1", Op.write(1), 0, 100, 0),
                op(2, "c2", Op.read(), 10, 90, 0));

        assertThat(checker.check(new History<>(ops), REGISTER).verdict()).isEqualTo(Verdict.LINEARIZABLE);
        assertThat(checker.check(new History<>(ops, List.of(new History.Precedence(1, 2))), REGISTER).verdict())
                .isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void parts_are_checked_separately_and_each_must_hold() {
        History<Op, Integer> history = new History<>(List.of(op(1, "c1", Op.write(1), 0, 10, 0),
                op(2, "c2", new Op("read", "b", 0), 20, 30, 0), op(3, "c2", Op.read(), 40, 50, 1)));
        History<Op, Integer> broken = new History<>(List.of(op(1, "c1", Op.write(1), 0, 10, 0),
                op(2, "c2", new Op("read", "b", 0), 20, 30, 1)));

        assertThat(checker.check(history, REGISTER).verdict()).isEqualTo(Verdict.LINEARIZABLE);
        assertThat(checker.check(broken, REGISTER).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    /** A counter whose increment adds 1 or 2 (nondeterministic) and answers nothing. */
    static final SequentialSpec<Integer, String, Integer> FUZZY_COUNTER = new SequentialSpec<>() {
        public Set<Integer> initial() {
            return Set.of(0);
        }

        public Set<Integer> step(Integer state, String op, Integer result) {
            if (op.equals("inc")) {
                return Set.of(state + 1, state + 2);
            }
            return result.equals(state) ? Set.of(state) : Set.of();
        }

        public Set<Integer> stepWithoutAnswer(Integer state, String op) {
            return op.equals("inc") ? Set.of(state + 1, state + 2) : Set.of(state);
        }

        public boolean readOnly(String op) {
            return op.equals("read");
        }

        public String allowed(Integer state, String op) {
            return "read → " + state;
        }

        public String describe(String op, Integer result) {
            return op + (result == null ? "" : " → " + result);
        }
    };

    @Test
    void a_nondeterministic_step_is_explored_in_every_branch() {
        List<Operation<String, Integer>> incs = List.of(Operation.answered(1, "c1", "inc", 0, 10, 0),
                Operation.answered(2, "c1", "inc", 20, 30, 0));

        assertThat(checker.check(withRead(incs, 3), FUZZY_COUNTER).verdict()).isEqualTo(Verdict.LINEARIZABLE);
        assertThat(checker.check(withRead(incs, 4), FUZZY_COUNTER).verdict()).isEqualTo(Verdict.LINEARIZABLE);
        assertThat(checker.check(withRead(incs, 5), FUZZY_COUNTER).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
        assertThat(checker.check(withRead(incs, 1), FUZZY_COUNTER).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    private static History<String, Integer> withRead(List<Operation<String, Integer>> ops, int seen) {
        List<Operation<String, Integer>> all = new ArrayList<>(ops);
        all.add(Operation.answered(9, "c2", "read", 40, 50, seen));
        return new History<>(all);
    }

    @Test
    void over_budget_the_answer_is_unknown_never_a_violation() {
        List<Operation<Op, Integer>> ops = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ops.add(op(i, "c" + i, Op.write(i), 0, 1_000, 0));
        }
        ops.add(op(99, "r", Op.read(), 2_000, 2_010, 77));
        History<Op, Integer> history = new History<>(ops);

        Linearizability.Result<Integer> small = new Linearizability(50).check(history, REGISTER);

        assertThat(small.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(small.stuck()).isEmpty();
        assertThat(checker.check(history, REGISTER).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }
}
