package org.sessionthreads.conformance.junit;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Requests sent per endpoint as the value of one report entry, from {@link ConformanceExtension} and
 * {@link AuditExtension} (after each class: the run's counts so far) to {@link RequirementLedger}: one line per
 * endpoint, count and endpoint separated by a tab. Classes finish concurrently, so the ledger keeps the entry with
 * the largest total ({@link #later}): counts only grow.
 */
final class RequestsEntry {
    static final String KEY = "conformance.requests";

    private RequestsEntry() {
    }

    static String encode(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getValue() + "\t" + e.getKey().replace('\t', ' ')
                .replace('\n', ' ')).collect(Collectors.joining("\n"));
    }

    static Map<String, Long> decode(String text) {
        Map<String, Long> counts = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return counts;
        }
        Arrays.stream(text.split("\n")).map(line -> line.split("\t", 2)).filter(parts -> parts.length == 2)
                .forEach(parts -> {
                    try {
                        counts.put(parts[1], Long.parseLong(parts[0]));
                    } catch (NumberFormatException ignored) {
                        // not an entry this class wrote
                    }
                });
        return counts;
    }

    /** Of two encoded entries, the one with more requests (the later one, as counts only grow). */
    static String later(String one, String other) {
        return total(other) > total(one) ? other : one;
    }

    private static long total(String text) {
        return decode(text).values().stream().mapToLong(Long::longValue).sum();
    }
}
