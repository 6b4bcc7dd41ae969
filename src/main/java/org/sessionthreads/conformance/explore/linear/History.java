package org.sessionthreads.conformance.explore.linear;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A concurrent history: operations with their real-time intervals, and orders known from elsewhere than the clock
 * ({@link Precedence}: e.g. the target's own event log shows that one effect came before another).
 */
public record History<I, R>(List<Operation<I, R>> operations, List<Precedence> precedences) {
    /** Operation {@code before} took effect before operation {@code after} (ids). */
    public record Precedence(int before, int after) {
    }

    public History {
        operations = operations.stream().sorted(Comparator.comparingLong(Operation<I, R>::invokeNanos)
                .thenComparingInt(Operation::id)).toList();
        Set<Integer> ids = operations.stream().map(Operation::id).collect(Collectors.toSet());
        if (ids.size() != operations.size()) {
            throw new IllegalArgumentException("operation ids must be unique");
        }
        precedences = precedences.stream().filter(p -> ids.contains(p.before()) && ids.contains(p.after())).toList();
    }

    public History(List<Operation<I, R>> operations) {
        this(operations, List.of());
    }

    public int size() {
        return operations.size();
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }

    /** The history of each part (P-compositionality), in the order the parts first appear. */
    public Map<String, History<I, R>> parts(Function<I, String> part) {
        Map<String, List<Operation<I, R>>> byPart = new LinkedHashMap<>();
        for (Operation<I, R> operation : operations) {
            byPart.computeIfAbsent(part.apply(operation.input()), k -> new ArrayList<>()).add(operation);
        }
        Map<String, History<I, R>> parts = new LinkedHashMap<>();
        byPart.forEach((name, ops) -> parts.put(name, new History<>(ops, precedences)));
        return parts;
    }

    /**
     * This history weakened to the operations {@code kept}: every other operation that may change the state keeps
     * its invocation but forgets its answer (it may or may not have taken effect), every other read is left out.
     * A weakened history that is not linearizable proves that this one is not either.
     */
    public History<I, R> weakenedTo(Set<Integer> kept, SequentialSpec<?, I, R> spec) {
        List<Operation<I, R>> weakened = new ArrayList<>();
        for (Operation<I, R> operation : operations) {
            if (kept.contains(operation.id())) {
                weakened.add(operation);
            } else if (!spec.readOnly(operation.input())) {
                weakened.add(operation.forgotten());
            }
        }
        return new History<>(weakened, precedences);
    }
}
