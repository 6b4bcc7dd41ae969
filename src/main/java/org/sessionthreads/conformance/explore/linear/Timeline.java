package org.sessionthreads.conformance.explore.linear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A history printed as a timeline: one lane per client on a relative time axis ({@code [} invoked, {@code ]}
 * answered, {@code >} no answer), each operation's input and answer with its times, and the line that says why no
 * order of the operations works. Operations that the shrinking weakened are marked as such.
 */
public final class Timeline {
    private static final int WIDTH = 48;

    private Timeline() {
    }

    /**
     * {@code original} shown as {@code shown} (its weakened form: the kept operations with their answers), with the
     * failed search's furthest configuration {@code stuck} and the model {@code spec}.
     */
    public static <S, I, R> String render(History<I, R> original, History<I, R> shown,
                                          Linearizability.Stuck<S> stuck, SequentialSpec<S, I, R> spec) {
        Map<Integer, Operation<I, R>> before = new LinkedHashMap<>();
        original.operations().forEach(op -> before.put(op.id(), op));
        List<Operation<I, R>> drawn = shown.operations().stream().filter(op -> !leftOut(op, before)).toList();
        List<Operation<I, R>> forgotten = shown.operations().stream().filter(op -> leftOut(op, before)).toList();
        long start = shown.operations().stream().mapToLong(Operation::invokeNanos).min().orElse(0);
        long end = drawn.stream().mapToLong(op -> op.pending() ? op.invokeNanos() : op.returnNanos())
                .max().orElse(start);
        double span = Math.max(1, end - start);
        Map<String, List<Operation<I, R>>> lanes = new LinkedHashMap<>();
        drawn.forEach(op -> lanes.computeIfAbsent(op.client(), k -> new ArrayList<>()).add(op));
        int name = lanes.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder("timeline, ms from the first invocation ([ invoked, ] answered,"
                + " > no answer):\n");
        for (Map.Entry<String, List<Operation<I, R>>> lane : lanes.entrySet()) {
            char[] axis = " ".repeat(WIDTH + 1).toCharArray();
            for (Operation<I, R> op : lane.getValue()) {
                int from = column(op.invokeNanos() - start, span);
                int to = op.pending() ? WIDTH : column(op.returnNanos() - start, span);
                for (int c = from + 1; c < to; c++) {
                    axis[c] = '=';
                }
                axis[to] = op.pending() ? '>' : ']';
                axis[from] = '[';
            }
            out.append("  ").append(pad(lane.getKey(), name)).append(" |").append(new String(axis)).append("|\n");
            for (Operation<I, R> op : lane.getValue()) {
                out.append("  ").append(" ".repeat(name)).append("   ").append(line(op, start, spec)).append('\n');
            }
        }
        if (!forgotten.isEmpty()) {
            out.append("  also invoked, answers left out (each may or may not have taken effect; no order works either"
                    + " way): ").append(forgotten.stream().map(op -> "#" + op.id() + " " + spec.describe(op.input(),
                    null) + " by " + op.client() + " from " + ms(op.invokeNanos() - start) + " ms")
                    .collect(Collectors.joining(", "))).append('\n');
        }
        if (!shown.precedences().isEmpty()) {
            out.append("  known orders besides the clock (from the target's own record): ").append(shown.precedences()
                    .stream().map(p -> "#" + p.before() + " before #" + p.after()).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        return out.append(why(shown, stuck, spec)).toString();
    }

    private static <I, R> boolean leftOut(Operation<I, R> op, Map<Integer, Operation<I, R>> original) {
        return op.pending() && original.containsKey(op.id()) && !original.get(op.id()).pending();
    }

    private static <I, R> String line(Operation<I, R> op, long start, SequentialSpec<?, I, R> spec) {
        if (op.pending()) {
            return "#" + op.id() + " " + spec.describe(op.input(), null) + "  (from " + ms(op.invokeNanos() - start)
                    + " ms, no answer: it may or may not have taken effect)";
        }
        return "#" + op.id() + " " + spec.describe(op.input(), op.result()) + "  (" + ms(op.invokeNanos() - start)
                + " – " + ms(op.returnNanos() - start) + " ms)";
    }

    private static <S, I, R> String why(History<I, R> shown, Linearizability.Stuck<S> stuck,
                                        SequentialSpec<S, I, R> spec) {
        if (stuck == null) {
            return "no order of these operations is accepted by the model";
        }
        Map<Integer, Operation<I, R>> byId = shown.operations().stream()
                .collect(Collectors.toMap(Operation::id, op -> op, (a, b) -> a, LinkedHashMap::new));
        String placed = stuck.placed().stream().map(id -> "#" + id).collect(Collectors.joining(", "));
        StringBuilder why = new StringBuilder("why no order works: ");
        why.append(stuck.placed().isEmpty() ? "no operation can come first (" + stuck.state() + ")"
                : "the furthest any order gets is " + placed + " (then " + stuck.state() + ")");
        if (stuck.refused().isEmpty()) {
            return why.toString();
        }
        why.append("; the model refuses:");
        stuck.refused().forEach((id, allowed) -> why.append("\n  #").append(id).append(' ')
                .append(spec.describe(byId.get(id).input(), byId.get(id).result())).append(" where ")
                .append(String.join("; or where ", allowed)));
        return why.toString();
    }

    private static int column(long offset, double span) {
        return (int) Math.round(offset * WIDTH / span);
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
