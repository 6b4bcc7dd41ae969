package org.sessionthreads.conformance.refserver.lifecycle;

/**
 * The collaborators {@link ArchiveThread} carries out the archive page's steps with. {@link #CONFORMANT} is the
 * reference behaviour; a {@code Fault} substitutes one of them (see {@code refserver.faults.FaultInjection}).
 */
public record ArchiveCollaborators(
        ArchiveLock lock, ArchiveRules rules, ArchiveRecord record, ArchiveMailbox mailbox, Unblocking unblocking) {

    public static final ArchiveCollaborators CONFORMANT = new ArchiveCollaborators(ArchiveLock.SESSION_LOCK,
            ArchiveRules.CONFORMANT, ArchiveRecord.CONFORMANT, ArchiveMailbox.CANCEL_ALL, Unblocking.CONFORMANT);

    public ArchiveCollaborators withLock(ArchiveLock newLock) {
        return new ArchiveCollaborators(newLock, rules, record, mailbox, unblocking);
    }

    public ArchiveCollaborators withRules(ArchiveRules newRules) {
        return new ArchiveCollaborators(lock, newRules, record, mailbox, unblocking);
    }

    public ArchiveCollaborators withRecord(ArchiveRecord newRecord) {
        return new ArchiveCollaborators(lock, rules, newRecord, mailbox, unblocking);
    }

    public ArchiveCollaborators withMailbox(ArchiveMailbox newMailbox) {
        return new ArchiveCollaborators(lock, rules, record, newMailbox, unblocking);
    }

    public ArchiveCollaborators withUnblocking(Unblocking newUnblocking) {
        return new ArchiveCollaborators(lock, rules, record, mailbox, newUnblocking);
    }
}
