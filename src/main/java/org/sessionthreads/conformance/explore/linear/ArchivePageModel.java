package org.sessionthreads.conformance.explore.linear;

import java.util.Objects;
import java.util.Set;

import org.sessionthreads.conformance.config.Readings;

/**
 * The archive page as a sequential specification of one child (and reads of its coordinator), per dialect
 * ({@link Readings}): an idle child's archive answers 200 and archives it at one {@code archived_at}; an archived
 * child's archive answers what {@code readings.rearchive} allows (200 with the same {@code archived_at}, or 409);
 * a busy child's answers 409 ("status is not idle"); reads show the state (the dialect's archived status and the
 * winner's {@code archived_at} once archived, {@code idle} before); a pending message is delivered only to a child
 * that is not archived (archive cancels it), and the turn it starts may end. Nothing else is allowed, 5xx included.
 */
public final class ArchivePageModel implements SequentialSpec<ChildState, ArchiveCall, ThreadReply> {
    private final Readings readings;
    private final ChildState initial;

    public ArchivePageModel(Readings readings, ChildState initial) {
        this.readings = readings;
        this.initial = initial;
    }

    @Override
    public Set<ChildState> initial() {
        return Set.of(initial);
    }

    @Override
    public Set<ChildState> step(ChildState state, ArchiveCall call, ThreadReply reply) {
        return switch (call.kind()) {
            case ARCHIVE -> archive(state, reply);
            case GET, LIST -> read(state, reply);
            case COORDINATOR_GET -> reply.http() == 200 && !readings.archivedStatus().equals(reply.status())
                    ? Set.of(state) : Set.of();
            case DELIVERY, TURN_END -> stepWithoutAnswer(state, call);
        };
    }

    @Override
    public Set<ChildState> stepWithoutAnswer(ChildState state, ArchiveCall call) {
        return switch (call.kind()) {
            case ARCHIVE -> Set.of(state.phase() == ChildState.Phase.IDLE ? ChildState.archived(null) : state);
            case DELIVERY -> state.phase() == ChildState.Phase.IDLE ? Set.of(ChildState.BUSY) : Set.of();
            case TURN_END -> state.phase() == ChildState.Phase.BUSY ? Set.of(ChildState.IDLE) : Set.of();
            default -> Set.of(state);
        };
    }

    private Set<ChildState> archive(ChildState state, ThreadReply reply) {
        return switch (state.phase()) {
            case IDLE -> reply.http() == 200 ? Set.of(ChildState.archived(reply.archivedAt())) : Set.of();
            case BUSY -> reply.http() == 409 ? Set.of(state) : Set.of();
            case ARCHIVED -> {
                if (!readings.rearchive().statuses().contains(reply.http())) {
                    yield Set.of();
                }
                if (reply.http() == 409) {
                    yield Set.of(state);
                }
                yield sameInstant(state, reply);
            }
        };
    }

    private Set<ChildState> read(ChildState state, ThreadReply reply) {
        if (reply.http() != 200) {
            return Set.of();
        }
        if (readings.archivedStatus().equals(reply.status())) {
            return state.phase() == ChildState.Phase.ARCHIVED ? sameInstant(state, reply) : Set.of();
        }
        if ("idle".equals(reply.status())) {
            return state.phase() == ChildState.Phase.IDLE ? Set.of(state) : Set.of();
        }
        return state.phase() == ChildState.Phase.BUSY ? Set.of(state) : Set.of();
    }

    /** An archived state seen again: the same {@code archived_at}, or the first one an answer shows. */
    private static Set<ChildState> sameInstant(ChildState state, ThreadReply reply) {
        if (state.archivedAt() == null) {
            return Set.of(ChildState.archived(reply.archivedAt()));
        }
        return Objects.equals(state.archivedAt(), reply.archivedAt()) ? Set.of(state) : Set.of();
    }

    @Override
    public boolean readOnly(ArchiveCall call) {
        return call.kind() == ArchiveCall.Kind.GET || call.kind() == ArchiveCall.Kind.LIST
                || call.kind() == ArchiveCall.Kind.COORDINATOR_GET;
    }

    @Override
    public String part(ArchiveCall call) {
        return call.threadId();
    }

    @Override
    public String allowed(ChildState state, ArchiveCall call) {
        return switch (call.kind()) {
            case ARCHIVE -> switch (state.phase()) {
                case IDLE -> "the child is idle: the archive answers 200 and archives it";
                case BUSY -> "the child is not idle: the archive answers 409";
                case ARCHIVED -> "the child is archived: a re-archive answers "
                        + (readings.rearchive().statuses().contains(200) ? "200 with " + (state.archivedAt() == null
                        ? "its archived_at" : "archived_at " + state.archivedAt()) + " unchanged" : "")
                        + (readings.rearchive().statuses().size() > 1 ? " or " : "")
                        + (readings.rearchive().statuses().contains(409) ? "409" : "")
                        + " (readings.rearchive=" + readings.rearchive().name().toLowerCase(java.util.Locale.ROOT)
                        + ")";
            };
            case GET, LIST -> switch (state.phase()) {
                case IDLE -> "the child is idle: a read shows status idle";
                case BUSY -> "the child is busy with the delivered message: a read shows neither idle nor "
                        + readings.archivedStatus();
                case ARCHIVED -> "the child is archived: a read shows status " + readings.archivedStatus()
                        + (state.archivedAt() == null ? "" : ", archived_at " + state.archivedAt());
            };
            case COORDINATOR_GET -> "a read of the coordinator shows it not " + readings.archivedStatus();
            case DELIVERY -> state.phase() == ChildState.Phase.ARCHIVED
                    ? "the child is archived: no delivery (the archive cancels its pending messages)"
                    : "one delivery of the one pending message";
            case TURN_END -> "a turn ends only after it started";
        };
    }

    @Override
    public String describe(ArchiveCall call, ThreadReply reply) {
        return call.kind().words() + (reply == null || call.kind().byTarget() ? "" : " → " + reply);
    }
}
