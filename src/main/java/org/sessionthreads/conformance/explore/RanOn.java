package org.sessionthreads.conformance.explore;

import java.time.Duration;

import org.sessionthreads.conformance.fixture.Fixture;

/**
 * What one sequence ran on: its fresh fixture, the bystander (an idle child of another session, whose thread a
 * {@code FOREIGN_THREAD} step names), the other session's child ({@code null} when no step archives it), and how long
 * its wait steps lasted. A finding's reproduction starts from the same kinds of fixture and reads the same views.
 */
public record RanOn(Fixture fixture, Fixture bystander, Fixture other, Duration settle) {
}
