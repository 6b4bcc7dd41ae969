package org.sessionthreads.conformance.selftest.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.sessionthreads.conformance.config.Dialect;
import org.sessionthreads.conformance.config.Timeouts;
import org.sessionthreads.conformance.fixture.FixtureKind;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;

/**
 * Every fault of the events, the mailbox and the unblocking (and the others whose effect shows in the events) is
 * caught by the views oracle with the requirement it breaks, against an embedded reference server, the sequence
 * built by hand as the engine would play it. The sequences run at once, each on its own server. By default one fault
 * of each kind ({@link #DEFAULT}: events, mailbox, unblocking); {@code -Dexplore.selftest=all} runs every case.
 */
class ViewsOracleFaultsTest {
    private static final Duration PAST_DELIVERY = ViewsTarget.DELIVER_AFTER.plusMillis(300);
    private static final Map<Fault, Case> CASES = new EnumMap<>(Fault.class);
    private static final ParallelTargets TARGETS = new ParallelTargets();
    /** The cases of the default build: one terminated-event fault, one mailbox fault, one unblocking fault. */
    static final Set<Fault> DEFAULT = EnumSet.of(Fault.DUPLICATE_TERMINATED_EVENT, Fault.MAILBOX_NOT_CANCELLED,
            Fault.NO_AGENT_CANCELLED);

    /** A sequence and the requirement the oracle must report for it. */
    private record Case(String requirement, Function<ViewsTarget, ViewsTarget> sequence) {
    }

    static {
        Function<ViewsTarget, ViewsTarget> archive = t -> t.fixture(FixtureKind.IDLE_CHILD).archiveChild();
        Function<ViewsTarget, ViewsTarget> unblock = t -> t.fixture(FixtureKind.WAITING_COORDINATOR).archiveChild();
        Function<ViewsTarget, ViewsTarget> mailbox = t -> t.fixtureOnly(FixtureKind.CHILD_WITH_PENDING_MESSAGE)
                .archiveChild().waitFor(PAST_DELIVERY);
        CASES.put(Fault.NO_TERMINATED_EVENT, new Case("EVT-001", archive));
        CASES.put(Fault.DUPLICATE_TERMINATED_EVENT, new Case("EVT-002", archive));
        CASES.put(Fault.TERMINATED_EVENT_WRONG_REASON, new Case("EVT-001", archive));
        CASES.put(Fault.TERMINATED_EVENT_WRONG_THREAD, new Case("EVT-001", archive));
        CASES.put(Fault.TERMINATED_EVENT_TOO_LATE, new Case("EVT-001", archive));
        CASES.put(Fault.TERMINATED_EVENT_SLOW, new Case("EVT-004", archive));
        CASES.put(Fault.SECOND_TERMINATED_EVENT_LATER, new Case("EVT-002",
                archive.andThen(t -> t.waitFor(Duration.ofMillis(Fault.LATER_MILLIS + 300)))));
        CASES.put(Fault.TERMINATED_EVENT_REPUBLISHED_LATER, new Case("EVT-002",
                archive.andThen(t -> t.waitFor(Duration.ofMillis(Fault.REPUBLISH_AFTER_MILLIS + 300)))));
        CASES.put(Fault.DESC_LIST_DUPLICATES_TERMINATED, new Case("EVT-002", archive));
        CASES.put(Fault.STREAM_DROPS_LIVE_TERMINATED, new Case("EVT-001", archive));
        CASES.put(Fault.TYPES_FILTER_MISSES_TERMINATED, new Case("EVT-001", archive));
        CASES.put(Fault.EVENT_FOR_REJECTED_ARCHIVE, new Case("EVT-003",
                t -> t.fixture(FixtureKind.IDLE_CHILD).archiveCoordinator()));
        CASES.put(Fault.REARCHIVE_EMITS_EVENT, new Case("REA-002", archive.andThen(ViewsTarget::archiveChild)));
        CASES.put(Fault.REARCHIVE_MOVES_ARCHIVED_AT, new Case("REA-002", archive.andThen(ViewsTarget::archiveChild)));
        CASES.put(Fault.CONFLICT_BUT_CHILD_ARCHIVED, new Case("COORD-002",
                t -> t.fixture(FixtureKind.IDLE_CHILD).archiveCoordinator()));
        CASES.put(Fault.REJECTED_COORDINATOR_ARCHIVE_CASCADES, new Case("COORD-002",
                t -> t.fixture(FixtureKind.IDLE_CHILD).archiveCoordinator()));
        CASES.put(Fault.MAILBOX_NOT_CANCELLED, new Case("MBX-001", mailbox));
        CASES.put(Fault.MAILBOX_FLUSHED_ON_ARCHIVE, new Case("MBX-001", mailbox));
        CASES.put(Fault.MAILBOX_CANCELS_EVERY_OTHER_MESSAGE, new Case("MBX-001", mailbox));
        CASES.put(Fault.MAILBOX_RETRY_QUEUE_REDELIVERS, new Case("MBX-001",
                mailbox.andThen(t -> t.waitFor(Duration.ofMillis(Fault.REDELIVER_AFTER_MILLIS)))));
        CASES.put(Fault.MAILBOX_DELIVERED_LATER, new Case("MBX-001",
                mailbox.andThen(t -> t.waitFor(Duration.ofMillis(Fault.LATER_MILLIS)))));
        CASES.put(Fault.NO_AGENT_CANCELLED, new Case("UNB-001", unblock));
        CASES.put(Fault.AGENT_CANCELLED_WRONG_TEXT, new Case("UNB-001", unblock));
        CASES.put(Fault.AGENT_CANCELLED_WITHOUT_WAIT, new Case("UNB-001", archive));
        CASES.put(Fault.SIBLING_ARCHIVE_UNBLOCKS_COORDINATOR, new Case("UNB-001",
                t -> t.fixture(FixtureKind.WAITING_COORDINATOR).archiveSibling()));
        CASES.put(Fault.NO_COORDINATOR_RESUME, new Case("UNB-002", unblock));
        CASES.put(Fault.RESUME_BEFORE_TOOL_RESULT, new Case("UNB-002", unblock));
    }

    /**
     * For {@code TERMINATED_EVENT_SLOW} (3 s): {@code event_expected} 1 s, so that a read proves the event absent
     * past it even when a loaded machine answers the archive late.
     */
    private static final Timeouts EXPECTED_SOON = new Timeouts(ViewsTarget.TIMEOUTS.event(),
            ViewsTarget.TIMEOUTS.quiet(), ViewsTarget.TIMEOUTS.request(), ViewsTarget.TIMEOUTS.pollInterval(),
            Duration.ofSeconds(1));

    @BeforeAll
    static void playEverySequenceAtOnce() {
        for (Fault fault : faults()) {
            Case c = CASES.get(fault);
            TARGETS.start(fault.name(), () -> c.sequence().apply(new ViewsTarget(
                    ServerOptions.defaults("unused").withFault(fault), Dialect.ARCHIVE_PAGE,
                    fault == Fault.TERMINATED_EVENT_SLOW ? EXPECTED_SOON : ViewsTarget.TIMEOUTS)));
        }
    }

    @AfterAll
    static void stop() {
        TARGETS.shutdown();
    }

    static Iterable<Fault> faults() {
        return CASES.keySet().stream().filter(ViewsOracleFaultsTest::selected).toList();
    }

    private static boolean selected(Fault fault) {
        return SelfTestScope.full() || DEFAULT.contains(fault);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void should_report_the_requirement_the_fault_breaks(Fault fault) {
        ParallelTargets.Outcome outcome = TARGETS.outcome(fault.name());
        String requirement = CASES.get(fault).requirement();

        assertThat(fault.breaks()).as("the case's requirement is one the fault declares").contains(requirement);
        assertThat(outcome.requirements()).as(fault + " requests per call " + outcome.requests() + "\n"
                + outcome.described()).contains(requirement);
        System.out.println("[views] " + fault + " -> " + outcome.requirements() + " requests per call "
                + outcome.requests());
    }
}
