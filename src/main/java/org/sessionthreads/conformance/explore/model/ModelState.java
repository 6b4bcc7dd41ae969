package org.sessionthreads.conformance.explore.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the model allows the fixture to be in after a prefix of a sequence. Where the target may move on by itself
 * (a queued mailbox delivery makes an idle child run, an unblocked coordinator resumes) the model allows a set.
 *
 * @param child            the statuses the child may have now (more than one where it may move on by itself)
 * @param childMayMove     the child's status, stop_reason and updated_at may change without a step (a delivery)
 * @param coordinatorMayMove the coordinator's status, stop_reason and updated_at may change without a step (it was
 *                         unblocked, or a delivery woke the session); it is never archived
 * @param pendingMessages  the child's mailbox holds messages that a wait may deliver (until the child is archived)
 * @param otherArchived    the other session's child was archived by an accepted step
 * @param keyUsedOnChild   the sequence's Idempotency-Key was sent with an archive of the child that was accepted, or
 *                         with a re-archive of it
 * @param keyOnRearchive   the key was first sent with a re-archive: its original answer is one the re-archive
 *                         reading allows (200 unchanged or 409), which a replay gives again
 */
public record ModelState(Set<ChildStatus> child, boolean childMayMove, boolean coordinatorMayMove,
                         boolean pendingMessages, boolean otherArchived, boolean keyUsedOnChild,
                         boolean keyOnRearchive) {
    public ModelState {
        child = Set.copyOf(child);
    }

    public ModelState(Set<ChildStatus> child, boolean childMayMove, boolean coordinatorMayMove,
                      boolean pendingMessages, boolean otherArchived, boolean keyUsedOnChild) {
        this(child, childMayMove, coordinatorMayMove, pendingMessages, otherArchived, keyUsedOnChild, false);
    }

    public boolean childArchived() {
        return child.equals(Set.of(ChildStatus.ARCHIVED));
    }

    public boolean childMayBe(ChildStatus status) {
        return child.contains(status);
    }

    ModelState withChild(Set<ChildStatus> statuses, boolean mayMove) {
        return new ModelState(EnumSet.copyOf(statuses), mayMove, coordinatorMayMove, pendingMessages, otherArchived,
                keyUsedOnChild, keyOnRearchive);
    }

    ModelState archivedChild(boolean keyed) {
        return new ModelState(Set.of(ChildStatus.ARCHIVED), false, true, false, otherArchived,
                keyUsedOnChild || keyed, keyOnRearchive);
    }

    ModelState delivered() {
        return new ModelState(EnumSet.of(ChildStatus.IDLE, ChildStatus.RUNNING), true, true, pendingMessages,
                otherArchived, keyUsedOnChild, keyOnRearchive);
    }

    ModelState otherSessionArchived() {
        return new ModelState(child, childMayMove, coordinatorMayMove, pendingMessages, true, keyUsedOnChild,
                keyOnRearchive);
    }

    /** The key sent with a re-archive of the child (bound there when not bound before). */
    ModelState keyUsedOnRearchive() {
        return new ModelState(child, childMayMove, coordinatorMayMove, pendingMessages, otherArchived, true,
                keyUsedOnChild ? keyOnRearchive : true);
    }
}
