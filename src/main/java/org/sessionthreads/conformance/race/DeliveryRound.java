package org.sessionthreads.conformance.race;

import java.util.Optional;

import org.sessionthreads.conformance.client.ThreadRef;

/**
 * One round of an archive racing the delivery of a pending message, as recorded.
 *
 * @param answer               the archive's answer
 * @param missingDelivery      after a 409: why no delivery was seen, when none was
 * @param after                GET of the child after the round (after a 200 or a 409 only)
 * @param deliveryAfterArchive after a 200: a delivery the watch saw
 */
public record DeliveryRound(int number, ThreadRef thread, Answer answer, Optional<String> missingDelivery,
                            Optional<StatusRead> after, Optional<Sighting> deliveryAfterArchive) {

    public DeliveryRound withDeliveryAfterArchive(Optional<Sighting> delivery) {
        return new DeliveryRound(number, thread, answer, missingDelivery, after, delivery);
    }
}
