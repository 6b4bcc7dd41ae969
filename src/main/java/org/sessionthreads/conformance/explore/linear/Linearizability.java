package org.sessionthreads.conformance.explore.linear;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a {@link History} for linearizability against a {@link SequentialSpec}: the Wing–Gong search with Lowe's
 * memoisation (a configuration, the set of operations placed so far and the model's state, is explored once) and
 * P-compositionality (each {@link SequentialSpec#part part} is checked alone). A pending operation may be placed
 * anywhere after its invocation, or never; one whose placement cannot change the state is never placed. The search
 * is bounded: past {@code budget} configurations the answer is {@link Verdict#UNKNOWN}, never a violation.
 */
public final class Linearizability {
    public enum Verdict { LINEARIZABLE, NOT_LINEARIZABLE, UNKNOWN }

    /**
     * A check's answer. For a history that is not linearizable, {@code stuck} says where the search got stuck: the
     * furthest it came, and why operations could not be placed.
     */
    public record Result<S>(Verdict verdict, long configurations, Optional<Stuck<S>> stuck) {
    }

    /**
     * A failed search: the operations placed in the furthest configuration, in order, the model's state there, and
     * for every answered operation the model refused somewhere, what the model allowed instead in each distinct case.
     */
    public record Stuck<S>(List<Integer> placed, S state, Map<Integer, Set<String>> refused) {
    }

    private final long budget;

    public Linearizability(long budget) {
        this.budget = budget;
    }

    public <S, I, R> Result<S> check(History<I, R> history, SequentialSpec<S, I, R> spec) {
        long spent = 0;
        boolean unknown = false;
        for (History<I, R> part : history.parts(spec::part).values()) {
            Search<S, I, R> search = new Search<>(part, spec, budget - spent);
            Verdict verdict = search.run();
            spent += search.configurations;
            if (verdict == Verdict.NOT_LINEARIZABLE) {
                return new Result<>(verdict, spent, Optional.of(search.furthest()));
            }
            unknown |= verdict == Verdict.UNKNOWN;
        }
        return new Result<>(unknown ? Verdict.UNKNOWN : Verdict.LINEARIZABLE, spent, Optional.empty());
    }

    private static final class Search<S, I, R> {
        private final List<Operation<I, R>> ops;
        private final SequentialSpec<S, I, R> spec;
        private final long budget;
        private final BitSet completed = new BitSet();
        private final Map<Integer, BitSet> predecessors = new HashMap<>();
        private final Set<Integer> hasSuccessors = new HashSet<>();
        private final Set<Configuration<S>> explored = new HashSet<>();
        private final List<Integer> order = new ArrayList<>();
        private long configurations;
        private int furthestCount = -1;
        private List<Integer> furthestOrder = List.of();
        private S furthestState;
        private final Map<Integer, Set<String>> refusals = new java.util.TreeMap<>();

        Search(History<I, R> history, SequentialSpec<S, I, R> spec, long budget) {
            this.ops = history.operations();
            this.spec = spec;
            this.budget = budget;
            Map<Integer, Integer> index = new HashMap<>();
            for (int i = 0; i < ops.size(); i++) {
                index.put(ops.get(i).id(), i);
                if (!ops.get(i).pending()) {
                    completed.set(i);
                }
            }
            for (History.Precedence p : history.precedences()) {
                predecessors.computeIfAbsent(index.get(p.after()), k -> new BitSet()).set(index.get(p.before()));
                hasSuccessors.add(index.get(p.before()));
            }
        }

        Verdict run() {
            try {
                for (S initial : spec.initial()) {
                    if (place(new BitSet(), initial)) {
                        return Verdict.LINEARIZABLE;
                    }
                }
                return Verdict.NOT_LINEARIZABLE;
            } catch (OverBudget over) {
                return Verdict.UNKNOWN;
            }
        }

        Stuck<S> furthest() {
            return new Stuck<>(furthestOrder, furthestState, refusals);
        }

        private boolean place(BitSet placed, S state) {
            BitSet remaining = (BitSet) completed.clone();
            remaining.andNot(placed);
            if (remaining.isEmpty()) {
                return true;
            }
            if (!explored.add(new Configuration<>((BitSet) placed.clone(), state))) {
                return false;
            }
            if (++configurations > budget) {
                throw new OverBudget();
            }
            long deadline = Long.MAX_VALUE;
            for (int i = remaining.nextSetBit(0); i >= 0; i = remaining.nextSetBit(i + 1)) {
                deadline = Math.min(deadline, ops.get(i).returnNanos());
            }
            for (int i = 0; i < ops.size(); i++) {
                Operation<I, R> op = ops.get(i);
                if (placed.get(i) || op.invokeNanos() > deadline || !predecessorsPlaced(i, placed)) {
                    continue;
                }
                Set<S> next = op.pending() ? spec.stepWithoutAnswer(state, op.input())
                        : spec.step(state, op.input(), op.result());
                if (op.pending() && next.equals(Set.of(state)) && !hasSuccessors.contains(i)) {
                    continue;
                }
                if (next.isEmpty() && !op.pending()) {
                    refusals.computeIfAbsent(op.id(), k -> new java.util.LinkedHashSet<>())
                            .add(spec.allowed(state, op.input()));
                }
                placed.set(i);
                order.add(op.id());
                for (S after : next) {
                    if (place(placed, after)) {
                        return true;
                    }
                }
                order.remove(order.size() - 1);
                placed.clear(i);
            }
            int count = placed.cardinality();
            if (count > furthestCount) {
                furthestCount = count;
                furthestOrder = List.copyOf(order);
                furthestState = state;
            }
            return false;
        }

        private boolean predecessorsPlaced(int i, BitSet placed) {
            BitSet before = predecessors.get(i);
            if (before == null) {
                return true;
            }
            BitSet missing = (BitSet) before.clone();
            missing.andNot(placed);
            return missing.isEmpty();
        }
    }

    private record Configuration<S>(BitSet placed, S state) {
    }

    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super(null, null, false, false);
        }
    }
}
