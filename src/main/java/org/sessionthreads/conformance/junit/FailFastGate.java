package org.sessionthreads.conformance.junit;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The decision of {@link FailFast}, apart from JUnit: the first gating failure, and the scenarios that have begun.
 * After the failure a scenario that has begun runs its remaining invocations (a requirement is never judged on part
 * of its inputs); any other scenario or invocation is not started. Thread-safe: scenarios ask concurrently.
 */
final class FailFastGate {
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final Set<String> begun = ConcurrentHashMap.newKeySet();

    /**
     * Why {@code scenario} (a scenario method's unique id) may not start this test, if it may not.
     *
     * @param invocation true for one invocation of a scenario run several times, false for the scenario itself
     */
    Optional<String> refusal(String scenario, boolean invocation) {
        if (invocation && begun.contains(scenario)) {
            return Optional.empty();
        }
        String first = firstFailure.get();
        if (first != null) {
            return Optional.of(FailFast.PREFIX + first);
        }
        if (invocation) {
            begun.add(scenario);
        }
        return Optional.empty();
    }

    /** Records a gating failure of {@code requirement}; only the first one is named. */
    void failed(String requirement) {
        firstFailure.compareAndSet(null, requirement + " failed (gating)");
    }
}
