package org.sessionthreads.conformance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sessionthreads.conformance.client.ArchiveJournal;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.waits.Waits;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.FixtureContext;
import org.sessionthreads.conformance.fixture.FixtureTargets;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.fixture.RunFixtures;
import org.sessionthreads.conformance.config.TargetProfile;

/** The audit against the reference server: silent on a conformant one, with evidence on a broken one. */
class RunAuditTest {

    @Test
    void should_find_nothing_on_a_conformant_server(@TempDir Path dir) throws Exception {
        AuditReport report = auditAfterOneArchiveAndOneRejection(dir, Map.of());

        assertThat(report.problems()).isEmpty();
        assertThat(report.violations()).isEmpty();
        assertThat(report.scope()).startsWith("2 of 2 sessions").contains("2 archive answers (1 accepted)");
    }

    @Test
    void should_name_the_session_and_thread_when_the_list_disagrees_with_get(@TempDir Path dir) throws Exception {
        AuditReport report = auditAfterOneArchiveAndOneRejection(dir,
                Map.of("embedded_options.faults", "LIST_SHOWS_OLD_STATE"));

        assertThat(report.violationsOf(Invariant.LIST_AGREES_WITH_GET)).singleElement().asString()
                .contains("session sess_", "thread sthr_", "GET status archived", "the list shows status idle");
    }

    @Test
    void should_fail_isolation_and_the_rejection_when_a_409_archives_the_child(@TempDir Path dir) throws Exception {
        AuditReport report = auditAfterOneArchiveAndOneRejection(dir,
                Map.of("embedded_options.faults", "CONFLICT_BUT_CHILD_ARCHIVED"));

        assertThat(report.violationsOf(Invariant.ONLY_NAMED_THREADS_ARCHIVED))
                .anySatisfy(line -> assertThat(line).contains("(child) is archived", "no archive of it was answered 200"))
                .anySatisfy(line -> assertThat(line).contains("terminated event [session.thread_status_terminated evt_",
                        "no request archived it"));
    }

    @Test
    void should_judge_on_the_plain_history_when_the_filtered_one_hides_the_terminated_event(@TempDir Path dir)
            throws Exception {
        Audited audited = audited(dir, Map.of("embedded_options.faults", "TYPES_FILTER_MISSES_TERMINATED"));

        assertThat(audited.report().violations()).as("the plain read shows the one terminated event").isEmpty();
        assertThat(audited.findings()).singleElement().asString()
                .startsWith("event list types disagrees with a plain read")
                .contains("its history read with types", "did not list session.thread_status_terminated evt_",
                        "which the history read without types shows (GET ",
                        "the filter leaves out events of a type it names");
    }

    @Test
    void should_still_find_no_terminated_event_when_the_plain_history_agrees(@TempDir Path dir) throws Exception {
        Audited audited = audited(dir, Map.of("embedded_options.faults", "NO_TERMINATED_EVENT"));

        assertThat(audited.report().violationsOf(Invariant.ONE_TERMINATED_EVENT)).singleElement().asString()
                .contains("0 terminated events after its archive answered 200");
        assertThat(audited.findings()).isEmpty();
    }

    /** One child archived (200), one coordinator archive refused (409), then the audit with no settle time. */
    private static AuditReport auditAfterOneArchiveAndOneRejection(Path dir, Map<String, String> settings)
            throws Exception {
        return audited(dir, settings).report();
    }

    /** An audit's report and what its plain reads disagreed with. */
    private record Audited(AuditReport report, List<String> findings) {
    }

    private static Audited audited(Path dir, Map<String, String> settings) throws Exception {
        TargetProfile profile = FixtureTargets.profile(dir, settings);
        try (FixtureTargets target = FixtureTargets.open(profile)) {
            FixtureContext context = target.context();
            RunFixtures run = new RunFixtures();
            ThreadsApi threads = new ThreadsApi(target.client(), target.target().apiBase(), new ArchiveJournal());
            Fixture archived;
            Fixture refused;
            try (Fixtures fixtures = new Fixtures(Fixtures.chainFor(List.of("hook")), context, run)) {
                archived = fixtures.idleChild();
                refused = fixtures.idleChild();
            }
            threads.archive(archived.thread());
            threads.archive(refused.coordinator());
            RunAudit audit = new RunAudit(threads, new EventsApi(target.client(), target.target().apiBase()),
                    new Waits(profile.timeouts()), new TargetProfile.Audit(java.time.Duration.ZERO, 10, 5),
                    profile.readings());
            try {
                return new Audited(audit.run(run.fixtures(), threads.journal()), audit.findings());
            } finally {
                assertThat(run.releaseAll()).isEmpty();
            }
        }
    }
}
