package org.sessionthreads.conformance.refserver.lifecycle;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.store.PendingMessage;
import org.sessionthreads.conformance.refserver.store.Session;

/**
 * Thread-to-thread messages that wait in the recipient's mailbox and are delivered after a delay. Delivery appends
 * {@code agent.thread_message_sent} (sender) and {@code agent.thread_message_received} (recipient) and starts a turn
 * of the recipient. Archiving the recipient first cancels the message, so it is never delivered: claiming the
 * message and delivering it happen under the session lock, in one step. {@link Fault#DELIVERY_RACES_ARCHIVE}
 * lives here.
 */
public final class MessageDelivery {
    /** How long {@link Fault#DELIVERY_RACES_ARCHIVE} takes between claiming a message and delivering it. */
    static final long DELIVERY_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

    private final ThreadTransitions transitions;
    private final Duration delay;
    private final ServerOptions options;

    public MessageDelivery(ThreadTransitions transitions, Duration delay, ServerOptions options) {
        this.transitions = transitions;
        this.delay = delay;
        this.options = options;
    }

    /** Puts a message from {@code from} into the mailbox of {@code to}. */
    public PendingMessage post(Session session, SessionThread from, SessionThread to, String text) {
        PendingMessage message = PendingMessage.of(from.id(), to.id(), text);
        session.mailbox().post(message, delay, pending -> deliver(session, pending));
        return message;
    }

    private void deliver(Session session, PendingMessage message) {
        if (options.has(Fault.DELIVERY_RACES_ARCHIVE)) {
            if (session.exclusively(() -> session.mailbox().claim(message))) {
                LockSupport.parkNanos(DELIVERY_WINDOW_NANOS);
                session.exclusively(() -> handOver(session, message));
            }
            return;
        }
        session.exclusively(() -> session.mailbox().claim(message) ? handOver(session, message) : null);
    }

    private Void handOver(Session session, PendingMessage message) {
        Optional<SessionThread> from = session.thread(message.fromThreadId());
        Optional<SessionThread> to = session.thread(message.toThreadId());
        if (from.isPresent() && to.isPresent()) {
            transitions.sendMessage(session, from.get(), to.get(), message.text());
            transitions.startTurn(session, to.get());
        }
        return null;
    }
}
