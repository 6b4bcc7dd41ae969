package org.sessionthreads.conformance.explore.views;

import java.util.List;
import java.util.Optional;

import org.sessionthreads.conformance.events.EventMatcher;
import org.sessionthreads.conformance.explore.ArchiveAttempt;
import org.sessionthreads.conformance.fixture.FixtureKind;

/**
 * MBX-001 for a {@code child_with_pending_message}: once the child was archived (accepted), its pending messages
 * are never delivered. The fixture's child is idle with its messages pending; a delivery starts a turn, so a
 * delivery before the archive would have made it refused (not idle); a message received on another thread that
 * names the child as its sender or receiver is one of its messages too ({@link EventMatcher#mailboxMessageOf}).
 * Judged on the plain log after the fixture's newest event (without one, after the child's terminated event only),
 * every time a delivery is listed, and with a wait for one only once the sequence has waited past the delivery
 * time ({@link Judging#mailboxDue()}).
 */
final class MailboxRule {
    private MailboxRule() {
    }

    static void judge(Judging j) {
        SequenceModel model = j.model();
        Optional<ArchiveAttempt> archived = model.accepted(model.child());
        if (model.kind() != FixtureKind.CHILD_WITH_PENDING_MESSAGE || archived.isEmpty()) {
            return;
        }
        EventMatcher delivery = EventMatcher.deliveryTo(model.child());
        List<Seen> terminated = j.of(TerminatedRules.TERMINATED, model.child());
        int from = j.log().base() != null ? 0
                : terminated.isEmpty() ? j.log().size() : j.log().positionOf(terminated.get(0).id()) + 1;
        int until = terminated.isEmpty() ? j.log().size() : j.log().positionOf(terminated.get(0).id());
        // why: deliveries after the terminated event are NothingAfterTerminated's (TerminatedRules)
        List<Seen> delivered = new java.util.ArrayList<>(j.log().events().subList(Math.min(from, until), until)
                .stream().filter(e -> e.event() != null && delivery.matches(e.event())).toList());
        // why: a pending message that reached another thread (bounced to its sender, forwarded) was not cancelled
        // either, before or after the child's terminated event
        EventMatcher elsewhere = EventMatcher.mailboxMessageOf(model.child());
        j.log().events().subList(Math.min(from, j.log().size()), j.log().size()).stream()
                .filter(e -> e.event() != null && !model.child().equals(e.thread()) && elsewhere.matches(e.event()))
                .forEach(delivered::add);
        if (!delivered.isEmpty()) {
            j.report("MBX-001", "mailbox.cancelled", "no delivery of a pending message to a child archived with"
                    + " 200", j.where(model.child()) + ": " + Judging.briefs(delivered) + " after the fixture's"
                    + " newest event " + j.log().base() + (j.mailboxDue() ? ", the sequence having waited past its"
                    + " delivery time" : ""));
        }
    }
}
