package org.sessionthreads.conformance.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.client.ThreadRef;
import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.race.RoundOutcome.Delivery.Order;
import org.sessionthreads.conformance.race.RoundProblem.Kind;

/** The race judges over hand-made rounds: the outcome, and for every failure kind its evidence. */
class RaceJudgesTest {
    private static final ThreadRef CHILD = new ThreadRef("sess_1", "sthr_c");
    private static final String AT = "2025-01-01T00:00:01Z";
    private static final StatusRead ARCHIVED = new StatusRead(200, "archived", "GET /c → 200");
    private static final StatusRead RUNNING = new StatusRead(200, "running", "GET /c → 200");

    private static Answer ok(String archivedAt) {
        return new Answer(200, archivedAt, "POST /archive → 200 (" + archivedAt + ")");
    }

    private static Answer status(int status) {
        return new Answer(status, null, "POST /archive → " + status);
    }

    @Nested
    class SimultaneousArchives {
        private final SimultaneousArchivesJudge judge = new SimultaneousArchivesJudge(Readings.Rearchive.EITHER,
                "archived");

        private JudgedRound judge(List<Answer> answers, Optional<String> missing, StatusRead after,
                                  Optional<Sighting> second) {
            return judge.judge(new SimultaneousRound(1, CHILD, answers, missing, after, second));
        }

        @Test
        void should_pass_one_transition_with_the_others_200_or_409() {
            JudgedRound round = judge(List.of(ok(AT), status(409), ok(AT), status(409)), Optional.empty(), ARCHIVED,
                    Optional.empty());

            assertThat(round.keptThePromise()).isTrue();
            assertThat(round.outcome().text()).isEqualTo("2×200 + 2×409");
        }

        @Test
        void should_fail_5xx_answers() {
            JudgedRound round = judge(List.of(ok(AT), status(503)), Optional.empty(), ARCHIVED, Optional.empty());

            assertThat(round.problems()).containsExactly(new RoundProblem(Kind.SERVER_ERROR,
                    "1 answers 5xx: POST /archive → 503"));
            assertThat(round.outcome().text()).isEqualTo("1×200 + 1×503");
        }

        @Test
        void should_fail_a_round_no_archive_of_which_was_accepted() {
            JudgedRound round = judge(List.of(status(409), status(409)), Optional.empty(), ARCHIVED,
                    Optional.empty());

            assertThat(round.problems()).containsExactly(new RoundProblem(Kind.NONE_ACCEPTED,
                    "no archive answered 200"));
        }

        @Test
        void should_fail_two_transitions() {
            JudgedRound round = judge(List.of(ok(AT), ok("2025-01-01T00:00:02Z")), Optional.empty(), ARCHIVED,
                    Optional.empty());

            assertThat(round.problems()).containsExactly(new RoundProblem(Kind.SEVERAL_TRANSITIONS,
                    "2 transitions: the 200 answers carry archived_at [2025-01-01T00:00:01Z, 2025-01-01T00:00:02Z]"));
            assertThat(round.outcome().text()).isEqualTo("2×200, 2 transitions");
        }

        @Test
        void should_fail_an_answer_the_rearchive_reading_does_not_allow() {
            JudgedRound round = new SimultaneousArchivesJudge(Readings.Rearchive.OK, "archived").judge(
                    new SimultaneousRound(1, CHILD, List.of(ok(AT), status(409)), Optional.empty(), ARCHIVED,
                            Optional.empty()));

            assertThat(round.problems()).containsExactly(new RoundProblem(Kind.ANSWER_NOT_ALLOWED, "answers that"
                    + " readings.rearchive=ok does not allow for an already archived thread: POST /archive → 409"));
        }

        @Test
        void should_fail_a_missing_terminated_event_and_a_thread_not_archived_afterwards() {
            JudgedRound round = judge(List.of(ok(AT)), Optional.of("no terminated event within 5 s"), RUNNING,
                    Optional.empty());

            assertThat(round.problems()).containsExactly(
                    new RoundProblem(Kind.NO_TERMINATED_EVENT, "no terminated event within 5 s"),
                    new RoundProblem(Kind.STATUS_AFTERWARDS,
                            "GET afterwards shows status running (expected archived): GET /c → 200"));
        }

        @Test
        void should_fail_a_second_terminated_event() {
            JudgedRound round = judge(List.of(ok(AT)), Optional.empty(), ARCHIVED,
                    Optional.of(new Sighting("evt_2", "120 ms after the mark", "polling")));

            assertThat(round.problems()).containsExactly(new RoundProblem(Kind.SECOND_TERMINATED_EVENT,
                    "DUPLICATE: a second terminated event evt_2 arrived 120 ms after the mark (via polling)"));
            assertThat(round.outcome().text()).isEqualTo("1×200, 2 terminated events");
        }
    }

    @Nested
    class ArchiveAgainstDelivery {
        private final ArchiveAgainstDeliveryJudge judge = new ArchiveAgainstDeliveryJudge("archived");

        private JudgedRound judge(Answer answer, Optional<String> missing, Optional<StatusRead> after,
                                  Optional<Sighting> delivery) {
            return judge.judge(new DeliveryRound(1, CHILD, answer, missing, after, delivery));
        }

        @Test
        void should_pass_archived_first() {
            JudgedRound round = judge(ok(AT), Optional.empty(), Optional.of(ARCHIVED), Optional.empty());

            assertThat(round.keptThePromise()).isTrue();
            assertThat(round.outcome()).isEqualTo(new RoundOutcome.Delivery(Order.ARCHIVED_FIRST, 200));
            assertThat(round.outcome().text()).isEqualTo("archived first, message cancelled");
        }

        @Test
        void should_pass_delivered_first() {
            JudgedRound round = judge(status(409), Optional.empty(), Optional.of(RUNNING), Optional.empty());

            assertThat(round.keptThePromise()).isTrue();
            assertThat(round.outcome().text()).isEqualTo("delivered first, archive refused (409)");
        }

        @Test
        void should_fail_a_refusal_without_a_delivery() {
            JudgedRound round = judge(status(409), Optional.of("no delivery within 5 s"), Optional.of(RUNNING),
                    Optional.empty());

            assertThat(round.outcome().text()).isEqualTo("409 without a delivery");
            assertThat(round.problems()).containsExactly(new RoundProblem(Kind.REFUSED_WITHOUT_DELIVERY,
                    "the archive was refused but the message was never delivered: POST /archive → 409;"
                            + " no delivery within 5 s"));
        }

        @Test
        void should_fail_a_refusal_of_a_child_that_is_archived_afterwards() {
            JudgedRound round = judge(status(409), Optional.empty(), Optional.of(ARCHIVED), Optional.empty());

            assertThat(round.problems()).containsExactly(new RoundProblem(Kind.STATUS_AFTERWARDS,
                    "GET afterwards shows status archived (expected not archived): GET /c → 200"));
        }

        @Test
        void should_fail_an_answer_neither_200_nor_409() {
            JudgedRound round = judge(status(500), Optional.empty(), Optional.empty(), Optional.empty());

            assertThat(round.outcome().text()).isEqualTo("answered 500");
            assertThat(round.problems()).containsExactly(new RoundProblem(Kind.UNEXPECTED_ANSWER,
                    "expected 200 or 409: POST /archive → 500"));
        }

        @Test
        void should_fail_a_delivery_after_the_archive_was_accepted() {
            JudgedRound round = judge(ok(AT), Optional.empty(), Optional.of(ARCHIVED), Optional.of(new Sighting(
                    "agent.thread_message_received evt_3 (thread sthr_c)", "40 ms after the mark", "sse")));

            assertThat(round.outcome().text()).isEqualTo("delivered AND archived");
            assertThat(round.problems()).containsExactly(new RoundProblem(Kind.DELIVERED_AFTER_ARCHIVE,
                    "the archive answered 200, yet agent.thread_message_received evt_3 (thread sthr_c) arrived"
                            + " 40 ms after the mark (via sse)"));
        }

        @Test
        void should_not_judge_a_refusal_whose_message_was_due_before_the_cursor_opened() {
            assertThat(ArchiveAgainstDeliveryJudge.cannotJudge(2, CHILD, status(409), 5_000_000L, 1_000_000L))
                    .contains("round 2: the pending message of sess_1 may have been due before the round's event"
                            + " cursor was open (4 ms after the fixture was asked for plus deliver_after), so its"
                            + " delivery cannot be told from a missing one; the archive answered POST /archive → 409");
            assertThat(ArchiveAgainstDeliveryJudge.cannotJudge(2, CHILD, status(409), 1_000_000L, 5_000_000L))
                    .isEmpty();
        }
    }

    @Test
    void should_report_every_problem_with_its_round_and_outcome() {
        RaceReport report = new RaceReport("a race", "keep it");
        JudgedRound round = new ArchiveAgainstDeliveryJudge("archived").judge(new DeliveryRound(1, CHILD,
                status(500), Optional.empty(), Optional.empty(), Optional.empty()));
        report.round(round.number(), 1, round.thread(), round.outcome().text(), round.problemTexts());

        assertThat(report.problems()).containsExactly(
                "round 1 of 1 (sess_1/sthr_c, answered 500): expected 200 or 409: POST /archive → 500");
    }
}
