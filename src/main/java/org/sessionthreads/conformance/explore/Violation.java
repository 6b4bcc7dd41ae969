package org.sessionthreads.conformance.explore;

import java.util.List;

import org.sessionthreads.conformance.client.Exchange;

/**
 * A rule of the exploration model that the target broke at one step: the catalogue requirement the rule belongs to,
 * the rule's name, what the model allowed and what the target did, with the exchanges that show it.
 *
 * @param requirementId the catalogue id the rule belongs to (e.g. {@code ARCH-004})
 * @param rule          the model's name for the rule (stable, no ids or times in it), e.g. {@code archive.answer.status}
 * @param allowed       what the model allowed, in words
 * @param observed      what the target did, in words (a timeline for a concurrent history)
 * @param evidence      the exchanges that show it (may be empty)
 */
public record Violation(String requirementId, String rule, String allowed, String observed, List<Exchange> evidence) {
    public Violation {
        evidence = List.copyOf(evidence);
    }
}
