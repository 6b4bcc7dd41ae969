package org.sessionthreads.conformance.explore.views;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.sessionthreads.conformance.explore.ArchiveAttempt;
import org.sessionthreads.conformance.explore.ArchiveFacts;
import org.sessionthreads.conformance.fixture.FixtureKind;

/** What the archive requests of a sequence promise about each thread's events, read from {@link ArchiveFacts}. */
final class SequenceModel {
    private final ArchiveFacts facts;

    SequenceModel(ArchiveFacts facts) {
        this.facts = facts;
    }

    ArchiveFacts facts() {
        return facts;
    }

    /** Every thread an archive request named, in the order first named. */
    Set<String> named() {
        Set<String> named = new LinkedHashSet<>();
        facts.attempts().forEach(attempt -> named.add(attempt.threadId()));
        return named;
    }

    boolean isNamed(String threadId) {
        return facts.attempts().stream().anyMatch(a -> a.threadId().equals(threadId));
    }

    /** The request that archived {@code threadId}, if one did. */
    Optional<ArchiveAttempt> accepted(String threadId) {
        return facts.attempts().stream().filter(a -> a.accepted() && a.threadId().equals(threadId)).findFirst();
    }

    /** True when {@code threadId} was named and every request naming it was refused (a 4xx answer). */
    boolean refusedOnly(String threadId) {
        List<ArchiveAttempt> naming = naming(threadId);
        return !naming.isEmpty() && naming.stream().allMatch(a -> !a.accepted() && a.status() >= 400
                && a.status() < 500);
    }

    /** The requests naming {@code threadId} after the one that archived it (re-archives), in order. */
    List<ArchiveAttempt> rearchives(String threadId) {
        Optional<ArchiveAttempt> first = accepted(threadId);
        if (first.isEmpty()) {
            return List.of();
        }
        int at = facts.attempts().indexOf(first.get());
        return facts.attempts().subList(at + 1, facts.attempts().size()).stream()
                .filter(a -> a.threadId().equals(threadId) && a.status() != 0).toList();
    }

    /** True when a request naming {@code threadId} got no answer: it may or may not have archived it. */
    boolean undecided(String threadId) {
        return accepted(threadId).isEmpty() && naming(threadId).stream().anyMatch(a -> a.status() == 0
                || a.status() >= 500);
    }

    List<ArchiveAttempt> naming(String threadId) {
        return facts.attempts().stream().filter(a -> a.threadId().equals(threadId)).toList();
    }

    FixtureKind kind() {
        return facts.fixture().kind();
    }

    String child() {
        return facts.fixture().threadId();
    }

    String coordinator() {
        return facts.fixture().coordinatorThreadId();
    }

    /** For a waiting coordinator: the request that archived the child it waits on, if one did. */
    Optional<ArchiveAttempt> awaitedChildArchived() {
        return kind() == FixtureKind.WAITING_COORDINATOR ? accepted(child()) : Optional.empty();
    }
}
