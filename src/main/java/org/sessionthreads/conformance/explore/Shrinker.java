package org.sessionthreads.conformance.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Delta debugging (ddmin, Zeller and Hildebrandt 2002) over the steps of a failing sequence: removes chunks of
 * steps, then single steps, while the rest still fails the same way ({@code fails}, which replays a candidate on
 * fresh fixtures). The result is 1-minimal: removing any one of its steps makes the failure go away (or it is one
 * step long).
 */
public final class Shrinker {
    private Shrinker() {
    }

    public static <T> List<T> ddmin(List<T> failing, Predicate<List<T>> fails) {
        List<T> current = List.copyOf(failing);
        int granularity = 2;
        while (current.size() >= 2) {
            List<List<T>> chunks = split(current, granularity);
            boolean reduced = false;
            for (List<T> chunk : chunks) {
                if (chunk.size() < current.size() && fails.test(chunk)) {
                    current = chunk;
                    granularity = 2;
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                for (int i = 0; i < chunks.size() && !reduced; i++) {
                    List<T> complement = complement(chunks, i);
                    if (!complement.isEmpty() && fails.test(complement)) {
                        current = complement;
                        granularity = Math.max(granularity - 1, 2);
                        reduced = true;
                    }
                }
            }
            if (!reduced) {
                if (granularity >= current.size()) {
                    break;
                }
                granularity = Math.min(granularity * 2, current.size());
            }
        }
        return current;
    }

    private static <T> List<List<T>> split(List<T> items, int parts) {
        List<List<T>> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < parts; i++) {
            int end = start + (items.size() - start) / (parts - i);
            if (end > start) {
                chunks.add(List.copyOf(items.subList(start, end)));
            }
            start = end;
        }
        return chunks;
    }

    private static <T> List<T> complement(List<List<T>> chunks, int left) {
        List<T> rest = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            if (i != left) {
                rest.addAll(chunks.get(i));
            }
        }
        return List.copyOf(rest);
    }
}
