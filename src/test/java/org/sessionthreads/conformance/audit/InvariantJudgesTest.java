package org.sessionthreads.conformance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionthreads.conformance.audit.HandMadeSession.archived;
import static org.sessionthreads.conformance.audit.HandMadeSession.idle;
import static org.sessionthreads.conformance.audit.HandMadeSession.reread;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.audit.AuditedSession.NewestPage;
import org.sessionthreads.conformance.audit.AuditedSession.ReadThread;

/**
 * Each invariant judge over hand-made histories: silent on a conformant one, and on a broken one the violation's
 * requirement and the evidence line a user reads.
 */
class InvariantJudgesTest {
    private static final String TERMINATED = "session.thread_status_terminated";
    private static final String TERMINATED_EVT_1 = " [session.thread_status_terminated evt_1 at 2025-01-01T00:00:03Z]";

    /** The only violation {@code judge} finds in {@code session}. */
    private static Violation onlyViolation(InvariantJudge judge, HandMadeSession session) {
        List<Violation> violations = judge.judge(session.facts());
        assertThat(violations).hasSize(1);
        return violations.get(0);
    }

    @Nested
    class StillArchivedJudge {
        private final InvariantJudge judge = new StillArchived("archived");

        @Test
        void should_pass_an_archived_thread_with_the_answers_archived_at_in_another_offset() {
            ThreadView sameInstant = new ThreadView("sthr_a", "child", "archived", "{\"type\":\"archive\"}",
                    "archive", "2025-01-01T01:00:01.000+01:00");

            assertThat(judge.judge(new HandMadeSession().thread(sameInstant).archive("sthr_a", 200, "req_1")
                    .facts())).isEmpty();
        }

        @Test
        void should_fail_an_archived_thread_that_is_idle_again() {
            Violation violation = onlyViolation(judge, new HandMadeSession().thread(idle("sthr_a"))
                    .archive("sthr_a", 200, "req_1"));

            assertThat(violation.requirement()).isEqualTo("ARCH-004");
            assertThat(violation.invariant()).isEqualTo(Invariant.STILL_ARCHIVED);
            assertThat(violation.evidence()).isEqualTo("session sess_1, thread sthr_a: archive answered 200 at"
                    + " 2025-01-01T00:00:02Z (req_1) with archived_at 2025-01-01T00:00:01Z, but GET now shows"
                    + " status idle, stop_reason null, archived_at null");
        }

        @Test
        void should_fail_an_archived_thread_whose_archived_at_moved() {
            ThreadView moved = new ThreadView("sthr_a", "child", "archived", "{\"type\":\"archive\"}", "archive",
                    "2025-01-01T00:00:09Z");

            assertThat(onlyViolation(judge, new HandMadeSession().thread(moved).archive("sthr_a", 200, "req_1"))
                    .evidence()).endsWith("but GET now shows status archived, stop_reason {\"type\":\"archive\"},"
                    + " archived_at 2025-01-01T00:00:09Z");
        }

        @Test
        void should_fail_a_second_answer_200_whose_archived_at_is_not_the_stored_one_whichever_came_first() {
            String losersOwn = "2025-01-01T00:00:01.001Z";
            HandMadeSession winnerFirst = new HandMadeSession().thread(archived("sthr_a"))
                    .archive("sthr_a", 200, "req_1").archive("sthr_a", 200, "req_2", losersOwn);
            HandMadeSession loserFirst = new HandMadeSession().thread(archived("sthr_a"))
                    .archive("sthr_a", 200, "req_2", losersOwn).archive("sthr_a", 200, "req_1");

            assertThat(onlyViolation(judge, winnerFirst).evidence()).contains("(req_2) with archived_at " + losersOwn);
            assertThat(onlyViolation(judge, loserFirst).evidence()).contains("(req_2) with archived_at " + losersOwn);
            assertThat(judge.judge(new HandMadeSession().thread(archived("sthr_a")).archive("sthr_a", 200, "req_1")
                    .archive("sthr_a", 200, "req_2").facts())).as("a re-archive that answers the stored thread")
                    .isEmpty();
        }
    }

    @Nested
    class OneTerminatedEventJudge {
        private final InvariantJudge judge = new OneTerminatedEvent();

        @Test
        void should_pass_one_terminated_event_also_in_the_newest_first_page() {
            HandMadeSession session = new HandMadeSession().thread(archived("sthr_a")).archive("sthr_a", 200, "req_1")
                    .event("evt_1", TERMINATED, "sthr_a", 3)
                    .newestFirst(new NewestPage(List.of(HandMadeSession.event("evt_1", TERMINATED, "sthr_a", 3,
                            null)), "GET /v1/sessions/sess_1/events → 200"));

            assertThat(judge.judge(session.facts())).isEmpty();
        }

        @Test
        void should_fail_an_archived_thread_without_terminated_event() {
            Violation violation = onlyViolation(judge, new HandMadeSession().thread(archived("sthr_a"))
                    .archive("sthr_a", 200, "req_1"));

            assertThat(violation.requirement()).isEqualTo("EVT-002");
            assertThat(violation.evidence()).isEqualTo(
                    "session sess_1, thread sthr_a: 0 terminated events after its archive answered 200 (req_1)");
        }

        @Test
        void should_fail_two_terminated_events_naming_both() {
            Violation violation = onlyViolation(judge, new HandMadeSession().thread(archived("sthr_a"))
                    .archive("sthr_a", 200, "req_1").event("evt_1", TERMINATED, "sthr_a", 3)
                    .event("evt_2", TERMINATED, "sthr_a", 4));

            assertThat(violation.evidence()).isEqualTo("session sess_1, thread sthr_a: 2 terminated events after its"
                    + " archive answered 200 (req_1)" + TERMINATED_EVT_1
                    + " [session.thread_status_terminated evt_2 at 2025-01-01T00:00:04Z]");
        }

        @Test
        void should_fail_a_terminated_event_listed_twice_newest_first() {
            HandMadeSession session = new HandMadeSession().newestFirst(new NewestPage(List.of(
                    HandMadeSession.event("evt_1", TERMINATED, "sthr_a", 3, null),
                    HandMadeSession.event("evt_1", TERMINATED, "sthr_a", 3, null)),
                    "GET /v1/sessions/sess_1/events?order=desc → 200"));

            Violation violation = onlyViolation(judge, session);

            assertThat(violation.invariant()).isEqualTo(Invariant.ONE_TERMINATED_EVENT);
            assertThat(violation.evidence()).isEqualTo("session sess_1, thread sthr_a: its terminated event is"
                    + " listed 2 times in the newest-first page (GET /v1/sessions/sess_1/events?order=desc → 200)");
        }
    }

    @Nested
    class NoEventForRejectedJudge {
        private final InvariantJudge judge = new NoEventForRejected();

        @Test
        void should_pass_a_rejected_thread_without_terminated_event() {
            assertThat(judge.judge(new HandMadeSession().thread(idle("sthr_a")).archive("sthr_a", 409, "req_2")
                    .facts())).isEmpty();
        }

        @Test
        void should_fail_a_terminated_event_for_a_thread_whose_archives_were_rejected() {
            Violation violation = onlyViolation(judge, new HandMadeSession().thread(idle("sthr_a"))
                    .archive("sthr_a", 409, "req_2").event("evt_1", TERMINATED, "sthr_a", 3));

            assertThat(violation.requirement()).isEqualTo("EVT-003");
            assertThat(violation.evidence()).isEqualTo("session sess_1, thread sthr_a: terminated event"
                    + TERMINATED_EVT_1 + " although every archive of it was rejected: {req_2=409 via session sess_1}");
        }
    }

    @Nested
    class OnlyNamedThreadsArchivedJudge {
        private final InvariantJudge judge = new OnlyNamedThreadsArchived();

        @Test
        void should_pass_an_archived_thread_the_run_archived_and_an_untouched_one() {
            HandMadeSession session = new HandMadeSession().thread(archived("sthr_a")).thread(idle("sthr_b"))
                    .archive("sthr_a", 200, "req_1").event("evt_1", TERMINATED, "sthr_a", 3);

            assertThat(judge.judge(session.facts())).isEmpty();
        }

        @Test
        void should_fail_an_archived_thread_no_request_named() {
            Violation violation = onlyViolation(judge, new HandMadeSession().thread(archived("sthr_b")));

            assertThat(violation.requirement()).isEqualTo("ISO-001");
            assertThat(violation.evidence()).isEqualTo("session sess_1, thread sthr_b (child) is archived (status"
                    + " archived, stop_reason {\"type\":\"archive\"}, archived_at 2025-01-01T00:00:01Z) but no archive"
                    + " of it was answered 200; no request named it");
        }

        @Test
        void should_fail_an_archived_thread_whose_archive_was_refused_naming_the_requests() {
            Violation violation = onlyViolation(judge, new HandMadeSession().thread(archived("sthr_b"))
                    .archive("sthr_b", 409, "req_2"));

            assertThat(violation.evidence()).endsWith(
                    "but no archive of it was answered 200; requests naming it: {req_2=409 via session sess_1}");
        }

        @Test
        void should_fail_a_terminated_event_for_a_thread_no_request_named() {
            Violation violation = onlyViolation(judge, new HandMadeSession().thread(idle("sthr_b"))
                    .event("evt_1", TERMINATED, "sthr_b", 3));

            assertThat(violation.invariant()).isEqualTo(Invariant.ONLY_NAMED_THREADS_ARCHIVED);
            assertThat(violation.evidence()).isEqualTo("session sess_1, thread sthr_b: terminated event"
                    + TERMINATED_EVT_1 + " although no request archived it");
        }
    }

    @Nested
    class NoDeliveryAfterTerminatedJudge {
        private final InvariantJudge judge = NothingAfterTerminated.deliveries();

        @Test
        void should_pass_a_delivery_before_the_terminated_event() {
            HandMadeSession session = new HandMadeSession().thread(archived("sthr_a")).archive("sthr_a", 200, "req_1")
                    .event("evt_0", "agent.thread_message_received", "sthr_a", 2)
                    .event("evt_1", TERMINATED, "sthr_a", 3)
                    .event("evt_2", "agent.thread_message_received", "sthr_other", 4);

            assertThat(judge.judge(session.facts())).isEmpty();
        }

        @Test
        void should_fail_a_delivery_after_the_terminated_event() {
            Violation violation = onlyViolation(judge, new HandMadeSession().thread(archived("sthr_a"))
                    .archive("sthr_a", 200, "req_1").event("evt_1", TERMINATED, "sthr_a", 3)
                    .event("evt_2", "agent.thread_message_received", "sthr_a", 4));

            assertThat(violation.requirement()).isEqualTo("MBX-001");
            assertThat(violation.evidence()).isEqualTo("session sess_1, thread sthr_a: message delivered after its"
                    + " terminated event" + TERMINATED_EVT_1
                    + ": [agent.thread_message_received evt_2 at 2025-01-01T00:00:04Z]");
        }
    }

    @Nested
    class NoStatusAfterTerminatedJudge {
        private final InvariantJudge judge = NothingAfterTerminated.statuses();

        @Test
        void should_pass_status_events_before_the_terminated_event_and_of_other_threads_after() {
            HandMadeSession session = new HandMadeSession().thread(archived("sthr_a")).archive("sthr_a", 200, "req_1")
                    .event("evt_0", "session.thread_status_idle", "sthr_a", 2)
                    .event("evt_1", TERMINATED, "sthr_a", 3)
                    .event("evt_2", "session.thread_status_running", "sthr_coord", 4);

            assertThat(judge.judge(session.facts())).isEmpty();
        }

        @Test
        void should_fail_a_status_event_after_the_terminated_event() {
            Violation violation = onlyViolation(judge, new HandMadeSession().thread(archived("sthr_a"))
                    .archive("sthr_a", 200, "req_1").event("evt_1", TERMINATED, "sthr_a", 3)
                    .event("evt_2", "session.thread_status_idle", "sthr_a", 4));

            assertThat(violation.requirement()).isEqualTo("ARCH-004");
            assertThat(violation.invariant()).isEqualTo(Invariant.NO_STATUS_AFTER_TERMINATED);
            assertThat(violation.evidence()).isEqualTo("session sess_1, thread sthr_a: status event after its"
                    + " terminated event" + TERMINATED_EVT_1
                    + ": [session.thread_status_idle evt_2 at 2025-01-01T00:00:04Z]");
        }
    }

    @Nested
    class OneResultPerToolCallJudge {
        private final InvariantJudge judge = new OneResultPerToolCall();

        @Test
        void should_pass_one_result_per_call_and_results_without_a_call() {
            HandMadeSession session = new HandMadeSession().toolResult("evt_1", "toolu_1", 1)
                    .toolResult("evt_2", "toolu_2", 2).toolResult("evt_3", null, 3).toolResult("evt_4", null, 4);

            assertThat(judge.judge(session.facts())).isEmpty();
        }

        @Test
        void should_fail_a_second_result_for_one_call() {
            Violation violation = onlyViolation(judge, new HandMadeSession().toolResult("evt_1", "toolu_1", 1)
                    .toolResult("evt_2", "toolu_1", 2));

            assertThat(violation.requirement()).isEqualTo("UNB-001");
            assertThat(violation.evidence()).isEqualTo("session sess_1, tool call toolu_1: 2 tool results"
                    + " (agent.tool_result evt_1 (thread sthr_coord); agent.tool_result evt_2 (thread sthr_coord))");
        }
    }

    @Nested
    class ListAgreesWithGetJudge {
        private final InvariantJudge judge = new ListAgreesWithGet();

        @Test
        void should_pass_a_disagreement_the_second_read_does_not_show() {
            HandMadeSession session = new HandMadeSession().read(new ReadThread("sthr_a", archived("sthr_a"),
                    "req_get", idle("sthr_a"), Optional.of(reread(archived("sthr_a"), archived("sthr_a")))));

            assertThat(judge.judge(session.facts())).isEmpty();
        }

        @Test
        void should_fail_a_list_that_shows_the_old_state_twice() {
            Violation violation = onlyViolation(judge, new HandMadeSession().read(new ReadThread("sthr_a",
                    archived("sthr_a"), "req_get", idle("sthr_a"),
                    Optional.of(reread(archived("sthr_a"), idle("sthr_a"))))));

            assertThat(violation.requirement()).isEqualTo("LIST-001");
            assertThat(violation.evidence()).isEqualTo("session sess_1, thread sthr_a: GET status archived,"
                    + " stop_reason {\"type\":\"archive\"}, archived_at 2025-01-01T00:00:01Z (req_get) but the list"
                    + " shows status idle, stop_reason null, archived_at null (read twice, req_list_2)");
        }

        @Test
        void should_fail_a_list_that_does_not_contain_the_thread() {
            Violation violation = onlyViolation(judge, new HandMadeSession().read(new ReadThread("sthr_a",
                    idle("sthr_a"), "req_get", null, Optional.of(reread(idle("sthr_a"), null)))));

            assertThat(violation.evidence()).endsWith("(req_get) but the list does not contain it (read twice,"
                    + " req_list_2)");
        }

        @Test
        void should_fail_when_the_second_get_does_not_answer() {
            Violation violation = onlyViolation(judge, new HandMadeSession().read(new ReadThread("sthr_a",
                    archived("sthr_a"), "req_get", idle("sthr_a"), Optional.of(reread(null, archived("sthr_a"))))));

            assertThat(violation.invariant()).isEqualTo(Invariant.LIST_AGREES_WITH_GET);
        }
    }

    @Test
    void should_judge_every_invariant_once() {
        List<InvariantJudge> judges = InvariantJudge.all(
                new org.sessionthreads.conformance.config.Readings("archived", "invalid_request_error",
                        org.sessionthreads.conformance.config.Readings.Rearchive.EITHER));

        assertThat(judges).hasSize(Invariant.values().length);
        assertThat(judges.stream().flatMap(judge -> judge.judge(new HandMadeSession().facts()).stream()))
                .as("an empty session breaks nothing").isEmpty();
    }
}
