package org.sessionthreads.conformance.explore;

import java.util.List;

import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.fixture.FixtureKind;

/**
 * A rule the target broke, shrunk to a minimal sequence and replayed on fresh fixtures: {@code confirmed} when the
 * replay broke the same rule again (only a confirmed finding fails its requirement; an unconfirmed one is reported
 * as such, never as a failure).
 *
 * @param kind       the fixture kind the sequence starts from
 * @param steps      the minimal sequence, in words
 * @param sequences  how many of the enumerated sequences broke this rule
 * @param evidence   the exchanges of the confirming replay (its archive requests and the reads that showed it)
 * @param replay     the minimal sequence as typed steps, with the fixtures and settle time of the sequence shown
 */
public record Finding(String requirementId, String rule, FixtureKind kind, List<String> steps, String allowed,
                      String observed, boolean confirmed, int sequences, List<Exchange> evidence,
                      FindingReplay replay) {
    public Finding {
        steps = List.copyOf(steps);
        evidence = List.copyOf(evidence);
    }
}
