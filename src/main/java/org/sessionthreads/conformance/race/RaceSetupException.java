package org.sessionthreads.conformance.race;

/**
 * A race could not be run as planned because its fixture moved on before the race kit was watching it (e.g. the
 * pending message of {@code child_with_pending_message} was due before the round's event cursor was open, so its
 * delivery may precede the cursor's starting mark). A setup problem: the scenario is an ERROR, never a FAIL of the
 * requirement, whatever the target then answered.
 */
public class RaceSetupException extends RuntimeException {
    public RaceSetupException(String message) {
        super(message);
    }
}
