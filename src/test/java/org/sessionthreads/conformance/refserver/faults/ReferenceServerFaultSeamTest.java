package org.sessionthreads.conformance.refserver.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.FaultSeam;
import org.sessionthreads.conformance.refserver.ServerDialect;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.http.Credentials;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveCollaborators;
import org.sessionthreads.conformance.refserver.lifecycle.Later;
import org.sessionthreads.conformance.refserver.lifecycle.TerminatedEvent;
import org.sessionthreads.conformance.refserver.lifecycle.Unblocking;

/** Each fault is applied the way it declares: a substitute for its collaborator, or a check in its one class. */
class ReferenceServerFaultSeamTest {
    private static final Path MAIN = Path.of("src/main/java/org/sessionthreads/conformance/refserver");

    @ParameterizedTest
    @EnumSource(Fault.class)
    void should_substitute_exactly_the_collaborator_its_seam_names(Fault fault) {
        FaultInjection injection = new FaultInjection(ServerOptions.defaults("t0ken").withFault(fault)
                .withDialect(fault.dialect().orElse(ServerDialect.ARCHIVE_PAGE)));
        Credentials conformant = ctx -> false;
        Unblocking unblocking = injection.unblocking();
        ArchiveCollaborators archive = injection.archive(unblocking, null, null);
        TerminatedEvent event = injection.terminatedEvent(new Later(null));
        Set<FaultSeam> substituted = Stream.of(
                        archive.lock() != ArchiveCollaborators.CONFORMANT.lock() ? FaultSeam.ARCHIVE_LOCK : null,
                        archive.rules() != ArchiveCollaborators.CONFORMANT.rules() ? FaultSeam.ARCHIVE_RULES : null,
                        archive.record() != ArchiveCollaborators.CONFORMANT.record() ? FaultSeam.ARCHIVE_RECORD : null,
                        archive.mailbox() != ArchiveCollaborators.CONFORMANT.mailbox()
                                ? FaultSeam.ARCHIVE_MAILBOX : null,
                        unblocking != Unblocking.CONFORMANT ? FaultSeam.UNBLOCKING : null,
                        event != TerminatedEvent.CONFORMANT ? FaultSeam.TERMINATED_EVENT : null,
                        injection.credentials(conformant, null, null) != conformant ? FaultSeam.CREDENTIALS : null)
                .filter(seam -> seam != null).collect(Collectors.toSet());

        assertThat(substituted).isEqualTo(fault.seam().substitutes() ? Set.of(fault.seam()) : Set.of());
    }

    @Test
    void should_leave_every_collaborator_conformant_without_faults() {
        FaultInjection injection = new FaultInjection(ServerOptions.defaults("t0ken"));

        assertThat(injection.archive(injection.unblocking(), null, null)).isEqualTo(ArchiveCollaborators.CONFORMANT);
        assertThat(injection.terminatedEvent(new Later(null))).isSameAs(TerminatedEvent.CONFORMANT);
    }

    @Test
    void should_check_a_fault_in_place_only_in_the_class_its_seam_names() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(MAIN)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            String text = Files.readString(source);
            String where = MAIN.relativize(source).toString().replace('/', '.').replace(".java", "");
            for (Fault fault : Fault.values()) {
                if (text.contains("options.has(Fault." + fault.name() + ")")) {
                    assertThat(fault.seam().substitutes()).as(fault + " is checked in " + where).isFalse();
                    assertThat(fault.seam().where()).as(fault + " is checked in " + where).startsWith(where);
                }
            }
        }
    }
}
