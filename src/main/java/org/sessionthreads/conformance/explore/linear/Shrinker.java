package org.sessionthreads.conformance.explore.linear;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The smallest sub-history that still proves a violation, by delta debugging (ddmin on the operations kept). An
 * operation that is not kept is not simply deleted, which could remove the cause of what another one saw: the
 * history is {@link History#weakenedTo weakened}, so it keeps its invocation and forgets its answer (reads are left
 * out). A weakened history that is not linearizable proves that the original is not either; one whose check is
 * {@link Linearizability.Verdict#UNKNOWN unknown} does not.
 */
public final class Shrinker {
    private final Linearizability checker;

    public Shrinker(Linearizability checker) {
        this.checker = checker;
    }

    /** The ids of the operations to keep (1-minimal: keeping any one fewer no longer proves the violation). */
    public <S, I, R> Set<Integer> keep(History<I, R> history, SequentialSpec<S, I, R> spec) {
        List<Integer> kept = new ArrayList<>(history.operations().stream().map(Operation::id).toList());
        int chunks = 2;
        while (kept.size() >= 2) {
            boolean reduced = false;
            for (List<Integer> chunk : split(kept, chunks)) {
                List<Integer> rest = new ArrayList<>(kept);
                rest.removeAll(chunk);
                if (violated(history, spec, rest)) {
                    kept = rest;
                    chunks = Math.max(chunks - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (chunks >= kept.size()) {
                    break;
                }
                chunks = Math.min(chunks * 2, kept.size());
            }
        }
        if (kept.size() == 1 && violated(history, spec, List.of())) {
            kept = List.of();
        }
        return new LinkedHashSet<>(kept);
    }

    /** {@code history} weakened to the smallest sub-history that proves it is not linearizable. */
    public <S, I, R> History<I, R> shrink(History<I, R> history, SequentialSpec<S, I, R> spec) {
        return history.weakenedTo(keep(history, spec), spec);
    }

    private <S, I, R> boolean violated(History<I, R> history, SequentialSpec<S, I, R> spec, List<Integer> kept) {
        return checker.check(history.weakenedTo(Set.copyOf(kept), spec), spec).verdict()
                == Linearizability.Verdict.NOT_LINEARIZABLE;
    }

    private static List<List<Integer>> split(List<Integer> items, int chunks) {
        List<List<Integer>> parts = new ArrayList<>();
        int size = items.size();
        for (int i = 0; i < chunks; i++) {
            int from = i * size / chunks;
            int to = (i + 1) * size / chunks;
            if (from < to) {
                parts.add(items.subList(from, to));
            }
        }
        return parts;
    }
}
