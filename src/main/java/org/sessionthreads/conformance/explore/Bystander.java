package org.sessionthreads.conformance.explore;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.SessionThread;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.fixture.Fixture;

/**
 * An idle child of another session that no step may change: the thread a sequence names under its own session
 * ("another session's thread"). One is shared by every sequence of an exploration (read once when made, checked at
 * the end of each sequence); a replay makes its own, so that what another sequence did to the shared one is never
 * blamed on it.
 *
 * @param fixture  the bystander's fixture
 * @param baseline the child as read when it was made (empty when it could not be read: nothing is judged on it)
 */
record Bystander(Fixture fixture, Optional<SessionThread> baseline) {
    static Bystander read(ThreadsApi threads, Fixture fixture) {
        ApiResponse response = threads.get(fixture.thread());
        return new Bystander(fixture, response.status() == 200 ? Optional.of(response.thread()) : Optional.empty());
    }

    /**
     * The rule the bystander keeps, judged on a fresh read: unchanged (status, stop_reason, archived_at, updated_at).
     * {@code refused}: when every step of the sequence was one the model refuses, the requirement of the last one's
     * effect (a refused request changes nothing: NF-002 for a 404, ...); null otherwise (ISO-001).
     */
    Optional<Violation> check(ThreadsApi threads, String refused) {
        if (baseline.isEmpty()) {
            return Optional.empty();
        }
        ApiResponse response = threads.get(fixture.thread());
        SessionThread before = baseline.get();
        if (response.status() == 200) {
            SessionThread now = response.thread();
            boolean same = Objects.equals(before.status(), now.status())
                    && Objects.equals(before.stopReason(), now.stopReason())
                    && Objects.equals(before.archivedAt(), now.archivedAt())
                    && Objects.equals(before.updatedAt(), now.updatedAt());
            if (same) {
                return Optional.empty();
            }
        }
        return Optional.of(new Violation(refused == null ? "ISO-001" : refused, "bystander.untouched", "another session's idle child as made: "
                + "status " + before.status() + ", archived_at " + before.archivedAt() + ", updated_at "
                + before.updatedAt(), response.status() + " " + response.excerpt(), List.of(response.exchange())));
    }
}
