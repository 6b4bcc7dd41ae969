package org.sessionthreads.conformance.refserver.model;

import java.time.Instant;

/**
 * One thread of a session, as the reference server stores it. Immutable: every state change produces a new value
 * through one of the {@code with…} methods, and the store swaps it in.
 *
 * @param parentThreadId     {@code null} for the coordinator
 * @param stopReason         {@code null} while running or blocked
 * @param createdByToolUseId the coordinator's {@code Agent} tool call that created a child; {@code null} for the
 *                           coordinator
 * @param archivedAt         {@code null} until archived
 */
public record SessionThread(
        String id,
        String sessionId,
        String parentThreadId,
        Agent agent,
        String name,
        ThreadRole role,
        ThreadStatus status,
        StopReason stopReason,
        String createdByToolUseId,
        Instant archivedAt,
        Instant createdAt,
        Instant updatedAt) {

    /** A new coordinator thread {@code id}, running (it is about to start its first turn). */
    public static SessionThread coordinator(String id, String sessionId, Agent agent, Instant now) {
        return new SessionThread(id, sessionId, null, agent, agent.name(), ThreadRole.COORDINATOR,
                ThreadStatus.RUNNING, null, null, null, now, now);
    }

    /** A new child thread {@code id} created by {@code toolUseId} of {@code parent}, running its first turn. */
    public static SessionThread child(String id, SessionThread parent, Agent agent, String toolUseId, Instant now) {
        return new SessionThread(id, parent.sessionId(), parent.id(), agent, agent.name(),
                ThreadRole.CHILD, ThreadStatus.RUNNING, null, toolUseId, null, now, now);
    }

    /** This thread in {@code newStatus} with stop reason {@code reason} ({@code null} while running or blocked). */
    public SessionThread withStatus(ThreadStatus newStatus, StopReason reason, Instant now) {
        return new SessionThread(id, sessionId, parentThreadId, agent, name, role, newStatus, reason,
                createdByToolUseId, archivedAt, createdAt, now);
    }

    /** This thread archived at {@code archivedAtValue} (which may be {@code null} only for a fault). */
    public SessionThread archived(StopReason reason, Instant archivedAtValue, Instant now) {
        return new SessionThread(id, sessionId, parentThreadId, agent, name, role, ThreadStatus.ARCHIVED, reason,
                createdByToolUseId, archivedAtValue, createdAt, now);
    }

    /** This thread with only {@code updated_at} changed. */
    public SessionThread touched(Instant now) {
        return new SessionThread(id, sessionId, parentThreadId, agent, name, role, status, stopReason,
                createdByToolUseId, archivedAt, createdAt, now);
    }

    public boolean isCoordinator() {
        return role == ThreadRole.COORDINATOR;
    }
}
