package org.sessionthreads.conformance.refserver.lifecycle;

import java.time.Duration;
import java.util.Optional;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.store.PendingMessage;
import org.sessionthreads.conformance.refserver.store.Session;

/**
 * Thread-to-thread messages that wait in the recipient's mailbox and are delivered after a delay. Delivery appends
 * {@code agent.thread_message_sent} (sender) and {@code agent.thread_message_received} (recipient) and starts a turn
 * of the recipient. Archiving the recipient first cancels the message, so it is never delivered.
 */
public final class MessageDelivery {
    private final ThreadTransitions transitions;
    private final Duration delay;

    public MessageDelivery(ThreadTransitions transitions, Duration delay) {
        this.transitions = transitions;
        this.delay = delay;
    }

    /** Puts a message from {@code from} into the mailbox of {@code to}. */
    public PendingMessage post(Session session, SessionThread from, SessionThread to, String text) {
        PendingMessage message = PendingMessage.of(from.id(), to.id(), text);
        session.mailbox().post(message, delay, pending -> deliver(session, pending));
        return message;
    }

    private void deliver(Session session, PendingMessage message) {
        session.exclusively(() -> {
            if (session.mailbox().claim(message)) {
                Optional<SessionThread> from = session.thread(message.fromThreadId());
                Optional<SessionThread> to = session.thread(message.toThreadId());
                if (from.isPresent() && to.isPresent()) {
                    transitions.sendMessage(session, from.get(), to.get(), message.text());
                    transitions.startTurn(session, to.get());
                }
            }
            return null;
        });
    }
}
