package org.sessionthreads.conformance.race;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.ArchiveRace;
import org.sessionthreads.conformance.client.ThreadRef;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.events.SessionEvents;
import org.sessionthreads.conformance.events.EventMatcher;
import org.sessionthreads.conformance.events.EventCursor;
import org.sessionthreads.conformance.events.TerminationVerdict;
import org.sessionthreads.conformance.events.Termination;
import org.sessionthreads.conformance.events.Observed;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.FixtureExpiredException;
import org.sessionthreads.conformance.fixture.FixtureSetupException;
import org.sessionthreads.conformance.fixture.Fixtures;

/**
 * The race kit: archive requests raced against each other or against the target's own work, repeated on fresh
 * fixtures ({@code race.requests}, {@code race.repetitions}), judged on answers, events and the stored state, with
 * the interleavings observed recorded in the run's {@link Interleavings}. Each round's events are read through
 * the scenario's channel; the watches for things that must not happen run once for all rounds together.
 *
 * <pre>{@code
 * races.simultaneousArchives(() -> fixtures.idleChild().thread()).assertEveryRoundKeptThePromise();
 * races.archiveAgainstDelivery(fixtures::childWithPendingMessage).assertEveryRoundKeptThePromise();
 * }</pre>
 */
public final class ArchiveRaces {
    private final ThreadsApi threads;
    private final SessionEvents events;
    private final TargetProfile.Race race;
    private final Readings readings;
    private final Interleavings interleavings;

    public ArchiveRaces(ThreadsApi threads, SessionEvents events, TargetProfile.Race race, Readings readings,
                        Interleavings interleavings) {
        this.threads = threads;
        this.events = events;
        this.race = race;
        this.readings = readings;
        this.interleavings = interleavings;
    }

    /**
     * {@code race.requests} archives of one idle child released at the same instant, {@code race.repetitions}
     * times. Each round must make exactly one transition: no 5xx; one 200, and every other answer 200 or what
     * {@code readings.rearchive} allows for an already archived thread; one {@code archived_at} among the 200s;
     * exactly one terminated event (watched for {@code timeouts.quiet}); GET afterwards shows it archived.
     */
    public RaceReport simultaneousArchives(Supplier<ThreadRef> idleChild) {
        String name = race.requests() + " simultaneous archives of one idle child";
        List<Round> rounds = new ArrayList<>();
        for (int i = 1; i <= race.repetitions(); i++) {
            ThreadRef thread = idleChild.get();
            Round round = new Round(i, thread, events.openFor(thread.sessionId()));
            List<ApiResponse> answers = round.cursor.timed(
                    () -> new ArchiveRace(threads).simultaneously(thread, race.requests()));
            judgeSimultaneous(round, answers);
            rounds.add(round);
        }
        watchForSecondTerminations(rounds);
        return report(name, "transition the child exactly once", rounds);
    }

    /**
     * An archive of a child whose mailbox holds a pending message, sent close to the moment the message is due
     * ({@code deliver_after_ms}; the rounds spread the moment a little before and after it). Either outcome is
     * conformant: archived (200) and the message never delivered, or delivered first, the child running, and the
     * archive refused (409). Never both: a 200 followed by a delivery, or a delivery followed by a 200.
     *
     * <p>Each round's cursor is made for a time-critical act ({@link SessionEvents#forTimeCriticalAct}): placed after
     * the fixture's {@code last_event_id} when it has one, so nothing is sent before the set-up guard, and its mark
     * then precedes any delivery.
     */
    public RaceReport archiveAgainstDelivery(Supplier<Fixture> pendingChild) {
        List<Round> rounds = new ArrayList<>();
        List<ArchiveRace.PlannedArchive> plan = new ArrayList<>();
        for (int i = 0; i < race.repetitions(); i++) {
            List<String> expiries = new ArrayList<>();
            for (int attempt = 1; ; attempt++) {
                long requested = System.nanoTime();
                Fixture fixture = pendingChild.get();
                long created = System.nanoTime();
                ThreadRef thread = fixture.thread();
                Duration deliverAfter = fixture.deliverAfter();
                Round round = new Round(i + 1, thread,
                        events.forTimeCriticalAct(thread.sessionId(), fixture.lastEventId()));
                // why: a placed cursor reads from the fixture's newest event, before any delivery by the fixture's
                // own contract; an opened one marks the moment it opened
                round.openedNanos = fixture.lastEventId() != null ? requested : System.nanoTime();
                Optional<String> movedOn = movedOn(round);
                if (movedOn.isEmpty()) {
                    round.dueNanos = created + deliverAfter.toNanos();
                    round.earliestDueNanos = requested + deliverAfter.toNanos();
                    plan.add(new ArchiveRace.PlannedArchive(thread, round.dueNanos + offset(i, deliverAfter)));
                    rounds.add(round);
                    break;
                }
                round.cursor.close();
                expiries.add(thread.sessionId() + ": " + FixtureExpiredException.of(deliverAfter,
                        fixture.windowAsked(), false, movedOn.get()).getMessage());
                if (attempt >= Fixtures.FRESH_ATTEMPTS) {
                    throw new FixtureSetupException("child_with_pending_message moved on before the race could act, "
                            + attempt + " times in a row: " + String.join("; ", expiries));
                }
            }
        }
        List<ApiResponse> answers = new ArchiveRace(threads).atPlannedMoments(plan);
        for (int i = 0; i < rounds.size(); i++) {
            judgeDelivery(rounds.get(i), answers.get(i));
        }
        watchForDeliveriesAfterArchive(rounds);
        return report("an archive racing the delivery of a pending message", "either archive the child (and "
                + "cancel the message) or deliver the message (and refuse the archive with 409), never both", rounds);
    }

    /**
     * Set-up, the first of the two guards against judging a fixture that moved on: whether the child's message
     * was visibly delivered before its cursor's mark (the child is no longer idle just after the cursor opened, and
     * the cursor has not seen the delivery). The round then takes a fresh fixture. A GET that does not answer 200
     * says nothing either way. The second guard is in {@link #judgeDelivery}: a target whose status lags its
     * delivery passes this one, so a 409 whose delivery the cursor never saw is a FAIL only when no delivery can
     * have preceded the mark by time.
     */
    private Optional<String> movedOn(Round round) {
        EventMatcher delivery = EventMatcher.deliveryTo(round.thread.threadId());
        if (round.cursor.channel().pushed()) {
            round.cursor.first(delivery); // why: a placed stream subscribes here, so its replay comes with the GET
        }
        ApiResponse now = threads.get(round.thread);
        String status = now.status() == 200 ? now.thread().status() : null;
        if (status == null || status.equals("idle") || round.cursor.firstConfirmed(delivery).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("the child was " + status + " when its event cursor had just opened, which saw no"
                + " delivery");
    }

    private void judgeSimultaneous(Round round, List<ApiResponse> answers) {
        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(ApiResponse::status,
                TreeMap::new, Collectors.counting()));
        round.outcome = byStatus.entrySet().stream().map(e -> e.getValue() + "×" + e.getKey())
                .collect(Collectors.joining(" + "));
        List<ApiResponse> failed = answers.stream().filter(a -> a.status() >= 500).toList();
        if (!failed.isEmpty()) {
            round.problems.add(failed.size() + " answers 5xx: " + summaries(failed));
        }
        List<ApiResponse> ok = answers.stream().filter(a -> a.status() == 200).toList();
        if (ok.isEmpty()) {
            round.problems.add("no archive answered 200");
        } else {
            List<String> stamps = ok.stream().map(a -> String.valueOf(a.thread().archivedAt())).distinct().toList();
            if (stamps.size() > 1) {
                round.outcome += ", " + stamps.size() + " transitions";
                round.problems.add(stamps.size() + " transitions: the 200 answers carry archived_at " + stamps);
            }
            List<ApiResponse> others = answers.stream().filter(a -> a != ok.get(0) && a.status() < 500
                    && !readings.rearchive().statuses().contains(a.status())).toList();
            if (!others.isEmpty()) {
                round.problems.add("answers that readings.rearchive="
                        + readings.rearchive().name().toLowerCase(java.util.Locale.ROOT)
                        + " does not allow for an already archived thread: " + summaries(others));
            }
        }
        try {
            round.termination = round.cursor.awaitTermination(round.thread.threadId());
        } catch (AssertionError missing) {
            round.problems.add(missing.getMessage());
        }
        expectStatus(round, readings.archivedStatus(), true);
    }

    private void judgeDelivery(Round round, ApiResponse answer) {
        EventMatcher delivery = EventMatcher.deliveryTo(round.thread.threadId());
        round.archived = answer.status() == 200;
        if (round.archived) {
            round.outcome = "archived first, message cancelled";
            expectStatus(round, readings.archivedStatus(), true);
        } else if (answer.status() == 409) {
            round.outcome = "delivered first, archive refused (409)";
            try {
                round.cursor.awaitFirst(delivery);
            } catch (AssertionError none) {
                // why: the earliest due counts the delay from when the fixture was asked for, since a target may
                // start it before it answers; a cursor opened after that may have its delivery before its mark
                if (round.openedNanos >= round.earliestDueNanos) {
                    throw new RaceSetupException("round " + round.number + ": the pending message of "
                            + round.thread.sessionId() + " may have been due before the round's event cursor was "
                            + "open (" + Duration.ofNanos(round.openedNanos - round.earliestDueNanos).toMillis()
                            + " ms after the fixture was asked for plus deliver_after), so its delivery cannot be "
                            + "told from a missing one; the archive answered " + answer.exchange().summary());
                }
                round.outcome = "409 without a delivery";
                round.problems.add("the archive was refused but the message was never delivered: "
                        + answer.exchange().summary() + "; " + none.getMessage());
            }
            expectStatus(round, readings.archivedStatus(), false);
        } else {
            round.outcome = "answered " + answer.status();
            round.problems.add("expected 200 or 409: " + answer.exchange().summary());
        }
    }

    private void watchForSecondTerminations(List<Round> rounds) {
        Duration quiet = events.waits().timeouts().quiet();
        watch("no second terminated event for " + rounds.size() + " raced children", quiet, rounds,
                round -> round.termination == null ? Optional.empty()
                        : round.cursor.first(EventMatcher.terminated(round.thread.threadId())
                        .other(round.termination.event())),
                (round, second) -> {
                    round.cursor.timings().record(round.cursor.channel(), TerminationVerdict.DUPLICATE, null);
                    round.outcome += ", 2 terminated events";
                    round.problems.add("DUPLICATE: a second terminated event " + second.event().id() + " arrived "
                            + round.cursor.since(second) + " (via " + round.cursor.via() + ")");
                });
    }

    private void watchForDeliveriesAfterArchive(List<Round> rounds) {
        long until = rounds.stream().mapToLong(r -> r.dueNanos).max().orElse(System.nanoTime())
                + events.waits().timeouts().quiet().toNanos();
        watch("no delivery to an archived child", Duration.ofNanos(Math.max(0, until - System.nanoTime())), rounds,
                round -> round.archived
                        ? round.cursor.first(EventMatcher.deliveryTo(round.thread.threadId())) : Optional.empty(),
                (round, delivery) -> {
                    round.outcome = "delivered AND archived";
                    round.problems.add("the archive answered 200, yet " + delivery.event().brief() + " arrived "
                            + round.cursor.since(delivery) + " (via " + round.cursor.via() + ")");
                });
    }

    /** One watch over every round: ends early as soon as any round shows what must not happen. */
    private void watch(String alias, Duration period, List<Round> rounds,
                       Function<Round, Optional<Observed>> unwanted, BiConsumer<Round, Observed> report) {
        try {
            events.waits().watching(alias, period)
                    .until(() -> rounds.stream().anyMatch(round -> unwanted.apply(round).isPresent()));
        } catch (ConditionTimeoutException quietAsExpected) {
            return;
        }
        rounds.forEach(round -> unwanted.apply(round).ifPresent(found -> report.accept(round, found)));
    }

    private void expectStatus(Round round, String status, boolean expected) {
        ApiResponse after = threads.get(round.thread);
        String actual = after.status() == 200 ? after.thread().status() : null;
        if (after.status() != 200 || status.equals(actual) != expected) {
            round.problems.add("GET afterwards shows status " + actual + " (expected " + (expected ? "" : "not ")
                    + status + "): " + after.exchange().summary());
        }
    }

    private RaceReport report(String name, String promise, List<Round> rounds) {
        RaceReport report = new RaceReport(name, promise);
        for (Round round : rounds) {
            interleavings.record(name, round.outcome);
            report.round(round.number, rounds.size(), round.thread, round.outcome, round.problems);
        }
        return report;
    }

    /**
     * Release offsets around the due moment, from −1.5 × spread to +0.5 × spread (spread = min(100 ms,
     * deliver_after / 4)). Why early-leaning: the target's clock started before its fixture answer reached the
     * suite, so "due" as the suite computes it is a little late; rounds that archive first are the ones that can
     * catch a delivery that ignores the archive.
     */
    private long offset(int index, Duration deliverAfter) {
        long spread = Math.min(Duration.ofMillis(100).toNanos(), deliverAfter.toNanos() / 4);
        if (race.repetitions() == 1) {
            return -spread / 2;
        }
        return -spread * 3 / 2 + index * 2 * spread / (race.repetitions() - 1);
    }

    private static String summaries(List<ApiResponse> answers) {
        return answers.stream().map(a -> a.exchange().summary()).collect(Collectors.joining("; "));
    }

    /** One round's state while it is judged. */
    private static final class Round {
        private final int number;
        private final ThreadRef thread;
        private final EventCursor cursor;
        private final List<String> problems = new ArrayList<>();
        private String outcome = "";
        private Termination termination;
        private long dueNanos;
        private long earliestDueNanos;
        private long openedNanos;
        private boolean archived;

        Round(int number, ThreadRef thread, EventCursor cursor) {
            this.number = number;
            this.thread = thread;
            this.cursor = cursor;
        }
    }
}
