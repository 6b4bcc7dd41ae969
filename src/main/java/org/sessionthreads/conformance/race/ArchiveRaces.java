package org.sessionthreads.conformance.race;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

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
import org.sessionthreads.conformance.events.EventMatcher;
import org.sessionthreads.conformance.events.Observed;
import org.sessionthreads.conformance.events.SessionEvents;
import org.sessionthreads.conformance.events.Termination;
import org.sessionthreads.conformance.events.TerminationVerdict;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.FixtureExpiredException;
import org.sessionthreads.conformance.fixture.FixtureSetupException;
import org.sessionthreads.conformance.fixture.Fixtures;

/**
 * The race kit: archive requests raced against each other or against the target's own work, repeated on fresh
 * fixtures ({@code race.requests}, {@code race.repetitions}), with the interleavings observed recorded in the run's
 * {@link Interleavings}. This class does the racing (barriers, planned moments, event cursors, watches) and records
 * each round's facts; a pure judge per race ({@link SimultaneousArchivesJudge}, {@link ArchiveAgainstDeliveryJudge})
 * gives the verdicts. Each round's events are read through the scenario's channel; the watches for things that
 * must not happen run once for all rounds together.
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
     * times. Each round records the answers, the terminated event (or why none came), GET afterwards and, watched
     * for {@code timeouts.quiet}, a second terminated event; {@link SimultaneousArchivesJudge} judges it.
     */
    public RaceReport simultaneousArchives(Supplier<ThreadRef> idleChild) {
        String name = race.requests() + " simultaneous archives of one idle child";
        List<SimultaneousRound> rounds = new ArrayList<>();
        List<EventCursor> cursors = new ArrayList<>();
        List<Termination> terminations = new ArrayList<>();
        for (int i = 1; i <= race.repetitions(); i++) {
            ThreadRef thread = idleChild.get();
            EventCursor cursor = events.openFor(thread.sessionId());
            List<Answer> answers = cursor.timed(() -> new ArchiveRace(threads).simultaneously(thread,
                    race.requests())).stream().map(Answer::of).toList();
            Termination termination = null;
            Optional<String> missing = Optional.empty();
            try {
                termination = cursor.awaitTermination(thread.threadId());
            } catch (AssertionError none) {
                missing = Optional.of(none.getMessage());
            }
            rounds.add(new SimultaneousRound(i, thread, answers, missing, statusAfter(thread), Optional.empty()));
            cursors.add(cursor);
            terminations.add(termination);
        }
        List<Optional<Sighting>> seconds = watch("no second terminated event for " + rounds.size()
                + " raced children", events.waits().timeouts().quiet(), cursors, i -> terminations.get(i) == null
                ? Optional.empty() : cursors.get(i).first(EventMatcher.terminated(rounds.get(i).thread().threadId())
                .other(terminations.get(i).event())), o -> o.event().id());
        SimultaneousArchivesJudge judge = new SimultaneousArchivesJudge(readings.rearchive(),
                readings.archivedStatus());
        List<JudgedRound> judged = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            if (seconds.get(i).isPresent()) {
                cursors.get(i).timings().record(cursors.get(i).channel(), TerminationVerdict.DUPLICATE, null);
            }
            judged.add(judge.judge(rounds.get(i).withSecondTermination(seconds.get(i))));
        }
        return report(name, "transition the child exactly once", judged);
    }

    /**
     * An archive of a child whose mailbox holds a pending message, sent close to the moment the message is due
     * ({@code deliver_after_ms}; the rounds spread the moment a little before and after it). Each round records
     * the answer, after a 409 the delivery (or why none came), GET afterwards and, after a 200, a delivery watched
     * for until {@code timeouts.quiet} past the latest due moment; {@link ArchiveAgainstDeliveryJudge} judges it.
     *
     * <p>Each round's cursor is made for a time-critical act ({@link SessionEvents#forTimeCriticalAct}): placed after
     * the fixture's {@code last_event_id} when it has one, so nothing is sent before the set-up guard, and its mark
     * then precedes any delivery.
     */
    public RaceReport archiveAgainstDelivery(Supplier<Fixture> pendingChild) {
        List<DeliveryAct> acts = new ArrayList<>();
        List<ArchiveRace.PlannedArchive> plan = new ArrayList<>();
        for (int i = 0; i < race.repetitions(); i++) {
            DeliveryAct act = prepare(i + 1, pendingChild);
            plan.add(new ArchiveRace.PlannedArchive(act.thread(), act.dueNanos() + offset(i, act.deliverAfter())));
            acts.add(act);
        }
        List<ApiResponse> answers = new ArchiveRace(threads).atPlannedMoments(plan);
        List<DeliveryRound> rounds = new ArrayList<>();
        for (int i = 0; i < acts.size(); i++) {
            rounds.add(record(acts.get(i), Answer.of(answers.get(i))));
        }
        long until = acts.stream().mapToLong(DeliveryAct::dueNanos).max().orElse(System.nanoTime())
                + events.waits().timeouts().quiet().toNanos();
        List<EventCursor> cursors = acts.stream().map(DeliveryAct::cursor).toList();
        List<Optional<Sighting>> deliveries = watch("no delivery to an archived child",
                Duration.ofNanos(Math.max(0, until - System.nanoTime())), cursors,
                i -> rounds.get(i).answer().status() == 200 ? cursors.get(i).firstAfterMark(EventMatcher.deliveryTo(
                        rounds.get(i).thread().threadId())) : Optional.empty(), o -> o.event().brief());
        ArchiveAgainstDeliveryJudge judge = new ArchiveAgainstDeliveryJudge(readings.archivedStatus());
        List<JudgedRound> judged = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            judged.add(judge.judge(rounds.get(i).withDeliveryAfterArchive(deliveries.get(i))));
        }
        return report("an archive racing the delivery of a pending message", "either archive the child (and "
                + "cancel the message) or deliver the message (and refuse the archive with 409), never both", judged);
    }

    /**
     * A round's fixture and cursor, taken afresh (up to {@link Fixtures#FRESH_ATTEMPTS} times) while the child
     * visibly moved on before the cursor's mark.
     */
    private DeliveryAct prepare(int number, Supplier<Fixture> pendingChild) {
        List<String> expiries = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            long requested = System.nanoTime();
            Fixture fixture = pendingChild.get();
            long created = System.nanoTime();
            ThreadRef thread = fixture.thread();
            Duration deliverAfter = fixture.deliverAfter();
            EventCursor cursor = events.forTimeCriticalAct(thread.sessionId(), fixture.lastEventId());
            // why: a placed cursor reads from the fixture's newest event, before any delivery by the fixture's
            // own contract; an opened one marks the moment it opened
            long opened = fixture.lastEventId() != null ? requested : System.nanoTime();
            Optional<String> movedOn = movedOn(thread, cursor);
            if (movedOn.isEmpty()) {
                return new DeliveryAct(number, thread, cursor, deliverAfter, opened,
                        created + deliverAfter.toNanos(), requested + deliverAfter.toNanos());
            }
            cursor.close();
            expiries.add(thread.sessionId() + ": " + FixtureExpiredException.of(deliverAfter,
                    fixture.windowAsked(), false, movedOn.get()).getMessage());
            if (attempt >= Fixtures.FRESH_ATTEMPTS) {
                throw new FixtureSetupException("child_with_pending_message moved on before the race could act, "
                        + attempt + " times in a row: " + String.join("; ", expiries));
            }
        }
    }

    /**
     * Set-up, the first of the two guards against judging a fixture that moved on: whether the child's message
     * was visibly delivered before its cursor's mark (the child is no longer idle just after the cursor opened, and
     * the cursor has not seen the delivery). The round then takes a fresh fixture. A GET that does not answer 200
     * says nothing either way. The second guard is {@link ArchiveAgainstDeliveryJudge#cannotJudge}: a target whose
     * status lags its delivery passes this one, so a 409 whose delivery the cursor never saw is a FAIL only when no
     * delivery can have preceded the mark by time.
     */
    private Optional<String> movedOn(ThreadRef thread, EventCursor cursor) {
        EventMatcher delivery = EventMatcher.deliveryTo(thread.threadId());
        if (cursor.channel().pushed()) {
            cursor.first(delivery); // why: a placed stream subscribes here, so its replay comes with the GET
        }
        ApiResponse now = threads.get(thread);
        String status = now.status() == 200 ? now.thread().status() : null;
        if (status == null || status.equals("idle") || cursor.firstConfirmed(delivery).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("the child was " + status + " when its event cursor had just opened, which saw no"
                + " delivery");
    }

    /** What followed the archive's answer: after a 409 the delivery awaited, and GET after a 200 or a 409. */
    private DeliveryRound record(DeliveryAct act, Answer answer) {
        Optional<String> missing = Optional.empty();
        if (answer.status() == 409) {
            try {
                act.cursor().awaitFirst(EventMatcher.deliveryTo(act.thread().threadId()));
            } catch (AssertionError none) {
                ArchiveAgainstDeliveryJudge.cannotJudge(act.number(), act.thread(), answer, act.openedNanos(),
                        act.earliestDueNanos()).ifPresent(why -> {
                            throw new RaceSetupException(why);
                        });
                missing = Optional.of(none.getMessage());
            }
        }
        Optional<StatusRead> after = answer.status() == 200 || answer.status() == 409
                ? Optional.of(statusAfter(act.thread())) : Optional.empty();
        return new DeliveryRound(act.number(), act.thread(), answer, missing, after, Optional.empty());
    }

    /**
     * One watch over every round for what must not happen: ends early as soon as any round shows it, and then
     * gives each round's sighting (none for all when the period stayed quiet).
     */
    private List<Optional<Sighting>> watch(String alias, Duration period, List<EventCursor> cursors,
                                           Function<Integer, Optional<Observed>> unwanted,
                                           Function<Observed, String> quoted) {
        List<Optional<Sighting>> none = cursors.stream().map(c -> Optional.<Sighting>empty()).toList();
        try {
            events.waits().watching(alias, period).until(() -> java.util.stream.IntStream
                    .range(0, cursors.size()).anyMatch(i -> unwanted.apply(i).isPresent()));
        } catch (ConditionTimeoutException quietAsExpected) {
            return none;
        }
        List<Optional<Sighting>> seen = new ArrayList<>();
        for (int i = 0; i < cursors.size(); i++) {
            EventCursor cursor = cursors.get(i);
            seen.add(unwanted.apply(i).map(o -> new Sighting(quoted.apply(o), cursor.since(o), cursor.via())));
        }
        return seen;
    }

    private StatusRead statusAfter(ThreadRef thread) {
        return StatusRead.of(threads.get(thread));
    }

    private RaceReport report(String name, String promise, List<JudgedRound> rounds) {
        RaceReport report = new RaceReport(name, promise);
        for (JudgedRound round : rounds) {
            interleavings.record(name, round.outcome().text());
            report.round(round.number(), rounds.size(), round.thread(), round.outcome().text(), round.problemTexts());
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

    /**
     * One round of the delivery race while it is acted: its fixture's thread, cursor and moments
     * ({@link System#nanoTime()}): when the cursor's mark was, when the message is due as the suite counts it, and
     * the earliest it can have been due (counted from when the fixture was asked for).
     */
    private record DeliveryAct(int number, ThreadRef thread, EventCursor cursor, Duration deliverAfter,
                               long openedNanos, long dueNanos, long earliestDueNanos) {
    }
}
