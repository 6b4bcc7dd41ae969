package org.sessionthreads.conformance.race;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sessionthreads.conformance.client.ThreadRef;
import org.sessionthreads.conformance.race.RoundOutcome.Delivery.Order;
import org.sessionthreads.conformance.race.RoundProblem.Kind;

/**
 * Judges a round of an archive racing the delivery of a pending message (CONC-002) on what was recorded. Either
 * outcome is conformant: archived (200) and the message never delivered, or delivered first, the child running,
 * and the archive refused (409). Never both, and never a 409 without a delivery. Pure: no I/O, no waiting.
 */
public final class ArchiveAgainstDeliveryJudge {
    private final String archivedStatus;

    public ArchiveAgainstDeliveryJudge(String archivedStatus) {
        this.archivedStatus = archivedStatus;
    }

    /**
     * Why a 409 whose delivery the cursor never saw cannot be judged, when it cannot: the earliest moment the
     * message was due (the delay counted from when the fixture was asked for, since a target may start it before
     * it answers) was before the cursor opened, so its delivery may precede the cursor's mark.
     */
    public static Optional<String> cannotJudge(int number, ThreadRef thread, Answer answer, long openedNanos,
                                               long earliestDueNanos) {
        if (openedNanos < earliestDueNanos) {
            return Optional.empty();
        }
        return Optional.of("round " + number + ": the pending message of " + thread.sessionId()
                + " may have been due before the round's event cursor was open ("
                + Duration.ofNanos(openedNanos - earliestDueNanos).toMillis() + " ms after the fixture was asked for"
                + " plus deliver_after), so its delivery cannot be told from a missing one; the archive answered "
                + answer.summary());
    }

    public JudgedRound judge(DeliveryRound round) {
        Answer answer = round.answer();
        List<RoundProblem> problems = new ArrayList<>();
        Order order;
        if (answer.status() == 200) {
            order = Order.ARCHIVED_FIRST;
            round.after().flatMap(after -> StatusAfterwards.check(after, archivedStatus, true))
                    .ifPresent(problems::add);
        } else if (answer.status() == 409) {
            order = Order.DELIVERED_FIRST;
            if (round.missingDelivery().isPresent()) {
                order = Order.REFUSED_WITHOUT_DELIVERY;
                problems.add(new RoundProblem(Kind.REFUSED_WITHOUT_DELIVERY, "the archive was refused but the"
                        + " message was never delivered: " + answer.summary() + "; " + round.missingDelivery().get()));
            }
            round.after().flatMap(after -> StatusAfterwards.check(after, archivedStatus, false))
                    .ifPresent(problems::add);
        } else {
            order = Order.OTHER_ANSWER;
            problems.add(new RoundProblem(Kind.UNEXPECTED_ANSWER, "expected 200 or 409: " + answer.summary()));
        }
        if (answer.status() == 200 && round.deliveryAfterArchive().isPresent()) {
            Sighting delivery = round.deliveryAfterArchive().get();
            order = Order.DELIVERED_AND_ARCHIVED;
            problems.add(new RoundProblem(Kind.DELIVERED_AFTER_ARCHIVE, "the archive answered 200, yet "
                    + delivery.event() + " arrived " + delivery.since() + " (via " + delivery.via() + ")"));
        }
        return new JudgedRound(round.number(), round.thread(), new RoundOutcome.Delivery(order, answer.status()),
                problems);
    }
}
