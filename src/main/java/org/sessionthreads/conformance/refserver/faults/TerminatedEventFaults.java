package org.sessionthreads.conformance.refserver.faults;

import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.lifecycle.Later;
import org.sessionthreads.conformance.refserver.lifecycle.TerminatedEvent;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.model.StopReason;
import org.sessionthreads.conformance.refserver.store.Session;

/** The faults of the archive's {@code session.thread_status_terminated} event. */
final class TerminatedEventFaults {
    private TerminatedEventFaults() {
    }

    static TerminatedEvent substitute(Fault fault, TerminatedEvent event, Later later) {
        return switch (fault) {
            case NO_TERMINATED_EVENT -> publish(event, (session, appendOne) -> {
                // nothing is appended
            });
            case DUPLICATE_TERMINATED_EVENT -> publish(event, (session, appendOne) -> {
                appendOne.run();
                appendOne.run();
            });
            case TERMINATED_EVENT_REPUBLISHED_LATER -> publish(event, (session, appendOne) -> {
                event.publish(session, appendOne);
                later.run(session, Fault.REPUBLISH_AFTER_MILLIS, appendOne);
            });
            case SECOND_TERMINATED_EVENT_LATER -> publish(event, (session, appendOne) -> {
                event.publish(session, appendOne);
                later.run(session, Fault.LATER_MILLIS, appendOne);
            });
            case TERMINATED_EVENT_TOO_LATE -> new Forwarding(event) {
                @Override
                public long delayMillis(long usual) {
                    return Fault.TOO_LATE_MILLIS;
                }
            };
            case TERMINATED_EVENT_SLOW -> new Forwarding(event) {
                @Override
                public long delayMillis(long usual) {
                    return Fault.SLOW_MILLIS;
                }
            };
            case TERMINATED_EVENT_WRONG_REASON -> new Forwarding(event) {
                @Override
                public StopReason stopReason() {
                    return StopReason.END_TURN;
                }
            };
            case TERMINATED_EVENT_WRONG_THREAD -> new Forwarding(event) {
                @Override
                public SessionThread subject(Session session, SessionThread archived) {
                    return session.coordinator();
                }
            };
            default -> throw FaultInjection.notOfThisSeam(fault, "terminated event");
        };
    }

    private interface Publish {
        void run(Session session, Runnable appendOne);
    }

    private static TerminatedEvent publish(TerminatedEvent event, Publish publish) {
        return new Forwarding(event) {
            @Override
            public void publish(Session session, Runnable appendOne) {
                publish.run(session, appendOne);
            }
        };
    }

    /** An event published as {@code delegate} publishes it; a fault overrides one part. */
    private static class Forwarding implements TerminatedEvent {
        private final TerminatedEvent delegate;

        Forwarding(TerminatedEvent delegate) {
            this.delegate = delegate;
        }

        @Override
        public long delayMillis(long usual) {
            return delegate.delayMillis(usual);
        }

        @Override
        public SessionThread subject(Session session, SessionThread archived) {
            return delegate.subject(session, archived);
        }

        @Override
        public StopReason stopReason() {
            return delegate.stopReason();
        }

        @Override
        public void publish(Session session, Runnable appendOne) {
            delegate.publish(session, appendOne);
        }
    }
}
