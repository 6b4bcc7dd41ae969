package org.sessionthreads.conformance.refserver.lifecycle;

import java.util.Optional;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.store.Session;

/**
 * How the coordinator waiting on an archived child is unblocked. The default methods are the conformant steps
 * ({@link #CONFORMANT}): take the coordinator's {@code Agent} call on that child, if it waits on one; give it the
 * result "Agent cancelled." and resume it.
 */
public interface Unblocking {
    Unblocking CONFORMANT = new Unblocking() {
    };

    /** The result text of a cancelled {@code Agent} call. */
    String CANCELLED = "Agent cancelled.";

    /** The coordinator's pending {@code Agent} call on {@code child}, taken; empty when it waits on none. */
    default Optional<String> waitedOn(Session session, SessionThread child) {
        return session.takeAgentCall(child.id());
    }

    /** The coordinator gets its tool result, then resumes. */
    default void resume(Resumption coordinator) {
        coordinator.toolResult(CANCELLED);
        coordinator.finish(coordinator.start());
    }

    /** The coordinator's steps, as {@link ThreadTransitions} carries them out. */
    interface Resumption {
        /** Appends the tool result of the cancelled call with {@code text}. */
        void toolResult(String text);

        /** Marks the coordinator running; returns it. */
        SessionThread start();

        /** The resumed turn of {@code running}. */
        void finish(SessionThread running);
    }
}
