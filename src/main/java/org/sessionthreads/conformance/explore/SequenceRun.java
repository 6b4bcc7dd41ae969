package org.sessionthreads.conformance.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.SessionThread;
import org.sessionthreads.conformance.client.ThreadRef;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.client.TransportException;
import org.sessionthreads.conformance.explore.model.Answer;
import org.sessionthreads.conformance.explore.model.AnswerRules;
import org.sessionthreads.conformance.explore.model.Credential;
import org.sessionthreads.conformance.explore.model.ArchiveModel;
import org.sessionthreads.conformance.explore.model.Expectation;
import org.sessionthreads.conformance.explore.model.ModelState;
import org.sessionthreads.conformance.explore.model.Observation;
import org.sessionthreads.conformance.explore.model.Step;
import org.sessionthreads.conformance.explore.model.ViewRules;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.FixtureKind;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.outcome.Untestable;
import org.sessionthreads.conformance.waits.Waits;

/**
 * Runs one sequence on a fresh fixture (the kind asked for) beside a {@link Bystander}: observes the views, then for
 * each step sends it (or waits) and judges the answer against the model, then reads the child (every view after a
 * step that may move a thread, and at the end) and judges what it read; at the end the bystander must be as it was
 * and the event views are judged by the {@link EventOracle} with the facts of every archive request. Stops at the
 * first step that breaks a rule.
 */
final class SequenceRun {
    private final ThreadsApi threads;
    private final Supplier<Fixtures> fixtures;
    private final ArchiveModel model;
    private final EventOracle events;
    private final Waits waits;
    private final java.time.Duration settle;

    SequenceRun(ThreadsApi threads, Supplier<Fixtures> fixtures, ArchiveModel model, EventOracle events, Waits waits,
                java.time.Duration settle) {
        this.threads = threads;
        this.fixtures = fixtures;
        this.model = model;
        this.events = events;
        this.waits = waits;
        this.settle = settle;
    }

    /**
     * Runs {@code steps} from a fresh fixture of {@code kind}. {@code shared}: the exploration's bystander, or empty
     * for a replay, which makes its own. An idle child of another session is made too when a step archives it.
     */
    SequenceResult run(FixtureKind kind, List<Step> steps, Optional<Bystander> shared) {
        AtomicInteger requests = new AtomicInteger();
        try (Fixtures made = fixtures.get()) {
            // why: the other fixtures first, so that the sequence's own is used as soon as it arrives (a pending
            // message is delivered when the fixture's window has passed)
            Bystander bystander = shared.orElseGet(() -> {
                requests.incrementAndGet();
                return Bystander.read(threads, made.obtain(FixtureKind.IDLE_CHILD));
            });
            Fixture other = steps.stream().anyMatch(SequenceRun::archivesOtherChild)
                    ? made.obtain(FixtureKind.IDLE_CHILD) : null;
            Fixture fixture = made.obtain(kind);
            events.open(fixture); // why: its live stream is open before any step
            return judge(kind, steps, fixture, bystander, other, requests)
                    .on(new RanOn(fixture, bystander.fixture(), other, settle));
        } catch (Untestable untestable) {
            return new SequenceResult(kind, steps, -1, List.of(), Optional.of(untestable.getMessage()),
                    requests.get(), List.of());
        } catch (TransportException noAnswer) {
            return new SequenceResult(kind, steps, -1, List.of(), Optional.of("no answer: " + noAnswer.getMessage()),
                    requests.get(), List.of());
        }
    }

    private static boolean archivesOtherChild(Step step) {
        return step instanceof Step.Archive a
                && a.target() == org.sessionthreads.conformance.explore.model.Target.OTHER_SESSION_CHILD;
    }

    private SequenceResult judge(FixtureKind kind, List<Step> steps, Fixture fixture, Bystander bystander,
                                 Fixture other, AtomicInteger requests) {
        ThreadViews views = new ThreadViews(threads, requests);
        StepSender sender = new StepSender(threads, fixture, bystander.fixture(), other);
        AnswerRules answers = new AnswerRules(model.readings());
        ViewRules rules = new ViewRules(model.readings());
        List<String> problems = new ArrayList<>();
        Observation first = views.observe(fixture, other, false);
        problems.addAll(first.problems());
        Observation last = first;
        ModelState state = model.initial(kind);
        SessionThread archived = null;
        SessionThread otherArchived = null;
        List<ArchiveAttempt> attempts = new ArrayList<>();
        boolean waited = false;
        String refusals = null; // why: the bystander's requirement when every step was one the model refuses
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Expectation expectation = model.expect(state, step);
            boolean mayMove = !expectation.changesNothing(state);
            refusals = i == 0 || refusals != null ? (mayMove || step instanceof Step.Wait ? null
                    : expectation.effectRequirement()) : null;
            ModelState next;
            List<Violation> broken = new ArrayList<>();
            boolean acceptedNow = false; // why: an archive of the fixture's session accepted by this step
            if (step instanceof Step.Archive archive) {
                ThreadRef named = sender.named(archive);
                long sent = System.nanoTime();
                ApiResponse response = sender.send(archive);
                requests.addAndGet(StepSender.requests(archive));
                if (archive.credential() == Credential.WRONG_TOKEN_KEPT_ALIVE && !sender.keptAlive()) {
                    // why: on a connection of its own it is a wrong token like another (AUTH-001, not AUTH-004)
                    expectation = model.expect(state, new Step.Archive(archive.target(), Credential.WRONG_TOKEN,
                            archive.keyed()));
                }
                boolean accepted = response.status() == 200 && attempts.stream().noneMatch(a -> a.accepted()
                        && a.threadId().equals(named.threadId()));
                if (named.sessionId().equals(fixture.sessionId())) { // why: the facts are of the fixture's session
                    attempts.add(new ArchiveAttempt(named.threadId(), response.status(), accepted, sent,
                            System.nanoTime()));
                    acceptedNow = accepted;
                }
                boolean otherChild = archivesOtherChild(archive);
                AnswerRules.Judged judged = answers.judge(expectation, response, otherChild ? otherArchived : archived,
                        (otherChild ? last.otherChild() : last.child()).orElse(null), named.threadId(),
                        named.sessionId());
                broken.addAll(judged.violations());
                if (judged.answer().isEmpty()) {
                    return failed(kind, steps, i, broken, requests, problems);
                }
                if (judged.answer().get() == Answer.ARCHIVED && otherChild && otherArchived == null) {
                    otherArchived = response.thread();
                } else if (judged.answer().get() == Answer.ARCHIVED && archived == null
                        && archive.target() == org.sessionthreads.conformance.explore.model.Target.CHILD) {
                    archived = response.thread();
                }
                next = expectation.after(judged.answer().get()).orElseThrow();
                waited = false;
            } else {
                waits.settle("exploration: wait step", settle);
                next = expectation.afterWait();
                waited = true;
            }
            // why: after a step the model lets change nothing, the child shows a change at once; every view is read
            // after a step that may move a thread and at the end, where a chained step's effect is found by ddmin
            last = i == steps.size() - 1 ? views.observe(fixture, other, true)
                    : mayMove ? views.observe(fixture, other, false) : views.child(fixture);
            problems.addAll(last.problems());
            broken.addAll(rules.judge(expectation, next, first, last, archived));
            if (!broken.isEmpty()) {
                // why: the events tell what made a change the views show (a pending message delivered to the
                // archived child wakes it: MBX-001 beside ARCH-004)
                broken.addAll(events.check(new ArchiveFacts(fixture, attempts, waited)));
                return failed(kind, steps, i, broken, requests, problems);
            }
            if ((mayMove || step instanceof Step.Wait) && rearchivesLater(steps, i)) {
                // why: what the events list before a re-archive is sent is the archive's, not the re-archive's
                broken.addAll(events.check(new ArchiveFacts(fixture, attempts, waited)));
                if (!broken.isEmpty()) {
                    return failed(kind, steps, i, broken, requests, problems);
                }
            } else if (acceptedNow) {
                // why: the terminated event is due from this answer on; a read while it is due proves it late
                events.observe(new ArchiveFacts(fixture, attempts, waited));
            }
            state = next;
        }
        requests.incrementAndGet();
        Optional<Violation> bystanderMoved = bystander.check(threads, refusals);
        if (bystanderMoved.isPresent()) {
            return failed(kind, steps, steps.size() - 1, List.of(bystanderMoved.get()), requests, problems);
        }
        List<Violation> eventViolations = events.check(new ArchiveFacts(fixture, attempts, waited));
        if (!eventViolations.isEmpty()) {
            return failed(kind, steps, steps.size() - 1, eventViolations, requests, problems);
        }
        return new SequenceResult(kind, steps, -1, List.of(), Optional.empty(), requests.get(), problems);
    }

    /** Whether a step after {@code i} archives the child (a re-archive once it is archived). */
    private static boolean rearchivesLater(List<Step> steps, int i) {
        return steps.subList(i + 1, steps.size()).stream().anyMatch(step -> step instanceof Step.Archive a
                && a.target() == org.sessionthreads.conformance.explore.model.Target.CHILD && a.credential().valid());
    }

    private static SequenceResult failed(FixtureKind kind, List<Step> steps, int at, List<Violation> violations,
                                         AtomicInteger requests, List<String> problems) {
        return new SequenceResult(kind, steps, at, violations, Optional.empty(), requests.get(), problems);
    }
}
