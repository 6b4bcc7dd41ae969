package org.sessionthreads.conformance.refserver.faults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveMailbox;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadTransitions;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.store.PendingMessage;
import org.sessionthreads.conformance.refserver.store.Session;

/** The faults of what an archive does to the archived thread's pending messages. */
final class MailboxFaults {
    private MailboxFaults() {
    }

    static ArchiveMailbox substitute(Fault fault, ArchiveMailbox mailbox, ThreadTransitions transitions) {
        return switch (fault) {
            case MAILBOX_NOT_CANCELLED -> (session, archived) -> {
                // the pending messages stay and are delivered when due
            };
            case MAILBOX_FLUSHED_ON_ARCHIVE -> (session, archived) -> {
                for (PendingMessage message : session.mailbox().pendingFor(archived.id())) {
                    if (session.mailbox().claim(message)) {
                        session.thread(message.fromThreadId()).ifPresent(
                                from -> transitions.sendMessage(session, from, archived, message.text()));
                    }
                }
            };
            case MAILBOX_CANCELS_EVERY_OTHER_MESSAGE -> (session, archived) ->
                    cancelEveryOther(session, session.mailbox().pendingFor(archived.id()));
            case MAILBOX_RETRY_QUEUE_REDELIVERS -> (session, archived) -> {
                List<PendingMessage> cancelled = session.mailbox().pendingFor(archived.id());
                mailbox.settle(session, archived);
                transitions.later(session, Fault.REDELIVER_AFTER_MILLIS,
                        () -> cancelled.forEach(message -> redeliver(session, message, transitions)));
            };
            case MAILBOX_DELIVERED_LATER -> (session, archived) -> {
                List<PendingMessage> pending = session.mailbox().pendingFor(archived.id());
                mailbox.settle(session, archived);
                transitions.later(session, Fault.LATER_MILLIS, () -> pending.forEach(message -> session
                        .thread(message.fromThreadId())
                        .ifPresent(from -> transitions.sendMessage(session, from, archived, message.text()))));
            };
            case MAILBOX_BOUNCED_TO_SENDER -> (session, archived) -> {
                List<PendingMessage> pending = session.mailbox().pendingFor(archived.id());
                mailbox.settle(session, archived);
                pending.forEach(message -> session.thread(message.fromThreadId())
                        .ifPresent(sender -> transitions.sendMessage(session, archived, sender, message.text())));
            };
            default -> throw FaultInjection.notOfThisSeam(fault, "archive mailbox");
        };
    }

    /**
     * {@link Fault#MAILBOX_CANCELS_EVERY_OTHER_MESSAGE}: "remove at i, then i++" over the pending list, so every
     * second message stays pending and is delivered when due. The list is ordered by due time first.
     */
    private static void cancelEveryOther(Session session, List<PendingMessage> pending) {
        List<PendingMessage> walk = new ArrayList<>(pending);
        walk.sort(Comparator.comparing(PendingMessage::id));
        for (int i = 0; i < walk.size(); i++) {
            session.mailbox().claim(walk.remove(i));
        }
    }

    private static void redeliver(Session session, PendingMessage message, ThreadTransitions transitions) {
        Optional<SessionThread> from = session.thread(message.fromThreadId());
        Optional<SessionThread> to = session.thread(message.toThreadId());
        if (from.isPresent() && to.isPresent()) {
            transitions.sendMessage(session, from.get(), to.get(), message.text());
        }
    }
}
