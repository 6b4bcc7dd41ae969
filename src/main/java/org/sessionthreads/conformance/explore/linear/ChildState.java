package org.sessionthreads.conformance.explore.linear;

/**
 * The archive page's model of one child: idle, busy with a turn a delivered message started, or archived at an
 * instant ({@code archivedAt} null while no answer has shown which, after an archive without an answer).
 */
public record ChildState(Phase phase, String archivedAt) {
    public enum Phase { IDLE, BUSY, ARCHIVED }

    public static final ChildState IDLE = new ChildState(Phase.IDLE, null);
    public static final ChildState BUSY = new ChildState(Phase.BUSY, null);

    public static ChildState archived(String at) {
        return new ChildState(Phase.ARCHIVED, at);
    }

    @Override
    public String toString() {
        return switch (phase) {
            case IDLE -> "the child idle";
            case BUSY -> "the child busy with the delivered message";
            case ARCHIVED -> "the child archived" + (archivedAt == null ? "" : " at " + archivedAt);
        };
    }
}
