package org.sessionthreads.conformance.refserver.faults;

import java.util.List;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.FaultSeam;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.http.Credentials;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveCollaborators;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveThread;
import org.sessionthreads.conformance.refserver.lifecycle.Later;
import org.sessionthreads.conformance.refserver.lifecycle.TerminatedEvent;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadLookup;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadTransitions;
import org.sessionthreads.conformance.refserver.lifecycle.Unblocking;

/**
 * Applies the faults of a server's options: starting from the conformant collaborator, each fault of that
 * collaborator's {@link FaultSeam} (and of the server's dialect, for a dialect's own fault) substitutes a decorated
 * or replaced one, in the order the faults are declared. With no faults, every collaborator is the conformant one.
 */
public final class FaultInjection {
    private final ServerOptions options;

    public FaultInjection(ServerOptions options) {
        this.options = options;
    }

    public Unblocking unblocking() {
        Unblocking unblocking = Unblocking.CONFORMANT;
        for (Fault fault : active(FaultSeam.UNBLOCKING)) {
            unblocking = UnblockingFaults.substitute(fault, unblocking);
        }
        return unblocking;
    }

    public TerminatedEvent terminatedEvent(Later later) {
        TerminatedEvent event = TerminatedEvent.CONFORMANT;
        for (Fault fault : active(FaultSeam.TERMINATED_EVENT)) {
            event = TerminatedEventFaults.substitute(fault, event, later);
        }
        return event;
    }

    /** The archive's collaborators; {@code unblocking} is the one {@code transitions} resumes coordinators with. */
    public ArchiveCollaborators archive(Unblocking unblocking, ThreadTransitions transitions, ThreadLookup lookup) {
        ArchiveCollaborators with = ArchiveCollaborators.CONFORMANT.withUnblocking(unblocking);
        for (Fault fault : active(FaultSeam.ARCHIVE_LOCK)) {
            with = with.withLock(LockFaults.substitute(fault, transitions));
        }
        for (Fault fault : active(FaultSeam.ARCHIVE_RULES)) {
            with = with.withRules(RuleFaults.substitute(fault, with.rules(), transitions, lookup));
        }
        for (Fault fault : active(FaultSeam.ARCHIVE_RECORD)) {
            with = with.withRecord(RecordFaults.substitute(fault, with.record(), transitions, lookup));
        }
        for (Fault fault : active(FaultSeam.ARCHIVE_MAILBOX)) {
            with = with.withMailbox(MailboxFaults.substitute(fault, with.mailbox(), transitions));
        }
        return with;
    }

    /** The credentials that authenticate a request: {@code conformant}, or as the faults substitute them. */
    public Credentials credentials(Credentials conformant, ThreadLookup lookup, ArchiveThread archive) {
        Credentials credentials = conformant;
        for (Fault fault : active(FaultSeam.CREDENTIALS)) {
            credentials = CredentialFaults.substitute(fault, credentials, options.token(), lookup, archive);
        }
        return credentials;
    }

    private List<Fault> active(FaultSeam seam) {
        return options.faults().stream().filter(fault -> fault.seam() == seam)
                .filter(fault -> fault.dialect().map(dialect -> dialect == options.dialect()).orElse(true))
                .toList();
    }

    static IllegalArgumentException notOfThisSeam(Fault fault, String collaborator) {
        return new IllegalArgumentException(fault + " does not substitute the " + collaborator);
    }
}
