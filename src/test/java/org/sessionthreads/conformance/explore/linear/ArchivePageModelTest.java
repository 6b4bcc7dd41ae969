package org.sessionthreads.conformance.explore.linear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.explore.linear.ArchiveCall.Kind;
import org.sessionthreads.conformance.explore.linear.Linearizability.Verdict;

/** The archive page's model on hand-made histories of one child. */
class ArchivePageModelTest {
    private static final String T1 = "2026-01-01T00:00:01.000Z";
    private static final String T2 = "2026-01-01T00:00:02.000Z";
    private final Linearizability checker = new Linearizability(100_000);
    private final ArchivePageModel either = new ArchivePageModel(new Readings("archived", "invalid_request_error",
            Readings.Rearchive.EITHER), ChildState.IDLE);
    private final ArchivePageModel ok = new ArchivePageModel(new Readings("archived", "conflict_error",
            Readings.Rearchive.OK), ChildState.IDLE);

    private static Operation<ArchiveCall, ThreadReply> op(int id, Kind kind, long from, long to, ThreadReply reply) {
        return Operation.answered(id, "c" + id, new ArchiveCall(kind, "sthr_1"), from, to, reply);
    }

    private static ThreadReply archived(String at) {
        return new ThreadReply(200, "archived", at);
    }

    private Verdict check(ArchivePageModel model, List<Operation<ArchiveCall, ThreadReply>> ops) {
        return checker.check(new History<>(ops), model).verdict();
    }

    @Test
    void one_winner_and_losers_answering_the_same_instant_or_409() {
        List<Operation<ArchiveCall, ThreadReply>> ops = List.of(op(1, Kind.ARCHIVE, 0, 10, archived(T1)),
                op(2, Kind.ARCHIVE, 0, 10, archived(T1)), op(3, Kind.ARCHIVE, 0, 10, new ThreadReply(409, null, null)),
                op(4, Kind.GET, 0, 10, new ThreadReply(200, "idle", null)), op(5, Kind.GET, 20, 30, archived(T1)));

        assertThat(check(either, ops)).isEqualTo(Verdict.LINEARIZABLE);
        assertThat(check(ok, ops)).as("forward: a re-archive answers 200").isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void two_instants_or_a_5xx_or_an_idle_read_after_the_win_are_not_linearizable() {
        assertThat(check(either, List.of(op(1, Kind.ARCHIVE, 0, 10, archived(T1)),
                op(2, Kind.ARCHIVE, 0, 10, archived(T2))))).isEqualTo(Verdict.NOT_LINEARIZABLE);
        assertThat(check(either, List.of(op(1, Kind.ARCHIVE, 0, 10, archived(T1)),
                op(2, Kind.ARCHIVE, 0, 10, new ThreadReply(500, null, null))))).isEqualTo(Verdict.NOT_LINEARIZABLE);
        assertThat(check(either, List.of(op(1, Kind.ARCHIVE, 0, 10, archived(T1)),
                op(2, Kind.GET, 20, 30, new ThreadReply(200, "idle", null))))).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void an_archive_without_answer_explains_an_archived_read() {
        List<Operation<ArchiveCall, ThreadReply>> ops = List.of(
                Operation.pending(1, "c1", new ArchiveCall(Kind.ARCHIVE, "sthr_1"), 0),
                op(2, Kind.GET, 20, 30, archived(T1)), op(3, Kind.GET, 40, 50, archived(T1)));

        assertThat(check(either, ops)).isEqualTo(Verdict.LINEARIZABLE);
    }

    @Test
    void a_delivery_and_an_archive_exclude_each_other() {
        Operation<ArchiveCall, ThreadReply> seen = Operation.answered(9, "target",
                new ArchiveCall(Kind.DELIVERY, "sthr_1"), 0, 100, ThreadReply.SEEN);
        Operation<ArchiveCall, ThreadReply> unseen = Operation.pending(9, "target",
                new ArchiveCall(Kind.DELIVERY, "sthr_1"), 0);

        assertThat(check(either, List.of(seen, op(1, Kind.ARCHIVE, 10, 20, new ThreadReply(409, null, null)))))
                .isEqualTo(Verdict.LINEARIZABLE);
        assertThat(check(either, List.of(unseen, op(1, Kind.ARCHIVE, 10, 20, archived(T1)))))
                .isEqualTo(Verdict.LINEARIZABLE);
        assertThat(check(either, List.of(seen, op(1, Kind.ARCHIVE, 10, 20, archived(T1)))))
                .isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void a_turn_that_ended_before_the_archive_lets_it_win_in_the_order_the_events_show() {
        Operation<ArchiveCall, ThreadReply> delivery = Operation.answered(8, "target",
                new ArchiveCall(Kind.DELIVERY, "sthr_1"), 0, 100, ThreadReply.SEEN);
        Operation<ArchiveCall, ThreadReply> ended = Operation.answered(9, "target",
                new ArchiveCall(Kind.TURN_END, "sthr_1"), 0, 100, ThreadReply.SEEN);
        List<Operation<ArchiveCall, ThreadReply>> ops = List.of(delivery, ended,
                op(1, Kind.ARCHIVE, 10, 20, archived(T1)));

        assertThat(checker.check(new History<>(ops, List.of(new History.Precedence(8, 9),
                new History.Precedence(9, 1))), either).verdict()).isEqualTo(Verdict.LINEARIZABLE);
        assertThat(checker.check(new History<>(ops, List.of(new History.Precedence(1, 8),
                new History.Precedence(8, 9))), either).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }
}
