package org.sessionthreads.conformance.explore.views;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the run learnt about which views the target offers (thread-safe, one per oracle): a view answered 400 (or
 * 404 where the endpoint is missing) is {@link Support#REJECTED}, one whose answer shows the parameter was not
 * applied (another type through a filter, oldest first through {@code order=desc}) is {@link Support#IGNORED}.
 * Either way it is not read again in the run: a documented view a target does not offer is skipped, never a
 * violation. Only a view still {@code OFFERED} is read, and every read is judged on its own answer.
 */
final class ViewSupport {
    enum Support { OFFERED, REJECTED, IGNORED }

    private final Map<String, Support> known = new ConcurrentHashMap<>();

    boolean offered(String view) {
        return known.getOrDefault(view, Support.OFFERED) == Support.OFFERED;
    }

    void lacks(String view, Support how) {
        known.put(view, how);
    }

    /** e.g. {@code {list type=…=IGNORED}}, for reports. */
    String describe() {
        return known.isEmpty() ? "every view offered" : new java.util.TreeMap<>(known).toString();
    }
}
