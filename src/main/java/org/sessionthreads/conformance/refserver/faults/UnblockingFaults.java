package org.sessionthreads.conformance.refserver.faults;

import java.util.Optional;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.lifecycle.Unblocking;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.store.Session;

/** The faults of unblocking the coordinator that waits on an archived child. */
final class UnblockingFaults {
    private UnblockingFaults() {
    }

    static Unblocking substitute(Fault fault, Unblocking unblocking) {
        return switch (fault) {
            case NO_AGENT_CANCELLED -> waitedOn(unblocking, (session, child) -> Optional.empty());
            case AGENT_CANCELLED_WITHOUT_WAIT -> waitedOn(unblocking, (session, child) -> unblocking
                    .waitedOn(session, child)
                    // nobody asks whether the coordinator still waits on that call
                    .or(() -> Optional.ofNullable(child.createdByToolUseId())));
            case SIBLING_ARCHIVE_UNBLOCKS_COORDINATOR -> waitedOn(unblocking, (session, child) -> unblocking
                    .waitedOn(session, child)
                    // "the coordinator's pending Agent call", whichever child it waits on
                    .or(() -> session.threads().stream().filter(thread -> !thread.id().equals(child.id()))
                            .map(sibling -> session.takeAgentCall(sibling.id())).flatMap(Optional::stream)
                            .findFirst()));
            case AGENT_CANCELLED_WRONG_TEXT -> resume(unblocking, coordinator -> {
                coordinator.toolResult("Agent archived.");
                coordinator.finish(coordinator.start());
            });
            case NO_COORDINATOR_RESUME -> resume(unblocking,
                    coordinator -> coordinator.toolResult(Unblocking.CANCELLED));
            case RESUME_BEFORE_TOOL_RESULT -> resume(unblocking, coordinator -> {
                SessionThread running = coordinator.start();
                coordinator.toolResult(Unblocking.CANCELLED);
                coordinator.finish(running);
            });
            default -> throw FaultInjection.notOfThisSeam(fault, "unblocking");
        };
    }

    private interface WaitedOn {
        Optional<String> of(Session session, SessionThread child);
    }

    private static Unblocking waitedOn(Unblocking unblocking, WaitedOn waitedOn) {
        return new Forwarding(unblocking) {
            @Override
            public Optional<String> waitedOn(Session session, SessionThread child) {
                return waitedOn.of(session, child);
            }
        };
    }

    private interface Resume {
        void run(Unblocking.Resumption coordinator);
    }

    private static Unblocking resume(Unblocking unblocking, Resume resume) {
        return new Forwarding(unblocking) {
            @Override
            public void resume(Resumption coordinator) {
                resume.run(coordinator);
            }
        };
    }

    /** Unblocking as {@code delegate} does it; a fault overrides one step. */
    private static class Forwarding implements Unblocking {
        private final Unblocking delegate;

        Forwarding(Unblocking delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<String> waitedOn(Session session, SessionThread child) {
            return delegate.waitedOn(session, child);
        }

        @Override
        public void resume(Resumption coordinator) {
            delegate.resume(coordinator);
        }
    }
}
