package org.sessionthreads.conformance.report.repro;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a finding's reproduction sends: the minimal steps (or a concurrent history of {@code clients} clients), the
 * ids the sequence shown ran on (so the read of its evidence can name the script's own fixtures instead), whether
 * its fixture came from the fixture hook, and the settle time a wait step lasts.
 *
 * @param clients  the clients of a concurrent history, 0 for a sequence
 * @param ids      the ids of the sequence shown; empty when not known
 * @param provider the fixture strategy that made the sequence's fixture ({@code hook}, {@code api},
 *                 {@code preprovisioned}; empty when not known)
 */
public record ReplayPlan(List<ReplayStep> steps, int clients, Optional<Ids> ids, String provider, Duration settle) {
    /** Nothing known: the script then asks for a fixture made by hand. */
    public static final ReplayPlan NONE = new ReplayPlan(List.of(), 0, Optional.empty(), "", Duration.ZERO);

    public ReplayPlan {
        steps = List.copyOf(steps);
    }

    public boolean viaHook() {
        return provider.equals("hook");
    }

    /**
     * The ids of the sequence shown: its fixture, its bystander (another session's idle child) and the other
     * session's child; null where the sequence had none.
     */
    public record Ids(String sessionId, String coordinatorThreadId, String threadId, String bystanderSessionId,
                      String bystanderThreadId, String otherSessionId, String otherThreadId) {
    }
}
