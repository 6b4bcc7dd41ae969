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
 * Runs one sequence on fresh fixtures (the kind asked for, and an idle child of another session as a bystander):
 * observes the views, then for each step sends it (or waits), judges the answer against the model, observes every
 * view again and judges them; at the end the event views are judged by the {@link EventOracle} with the facts of
 * every archive request. Stops at the first step that breaks a rule.
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

    SequenceResult run(FixtureKind kind, List<Step> steps) {
        AtomicInteger requests = new AtomicInteger();
        try (Fixtures made = fixtures.get()) {
            Fixture fixture = made.obtain(kind);
            Fixture other = made.obtain(FixtureKind.IDLE_CHILD);
            return judge(kind, steps, fixture, other, requests);
        } catch (Untestable untestable) {
            return new SequenceResult(kind, steps, -1, List.of(), Optional.of(untestable.getMessage()),
                    requests.get(), List.of());
        } catch (TransportException noAnswer) {
            return new SequenceResult(kind, steps, -1, List.of(), Optional.of("no answer: " + noAnswer.getMessage()),
                    requests.get(), List.of());
        }
    }

    private SequenceResult judge(FixtureKind kind, List<Step> steps, Fixture fixture, Fixture other,
                                 AtomicInteger requests) {
        ThreadViews views = new ThreadViews(threads, requests);
        StepSender sender = new StepSender(threads, fixture, other);
        AnswerRules answers = new AnswerRules(model.readings());
        ViewRules rules = new ViewRules(model.readings());
        List<String> problems = new ArrayList<>();
        Observation first = views.observe(fixture, other, false);
        problems.addAll(first.problems());
        Observation last = first;
        ModelState state = model.initial(kind);
        SessionThread archived = null;
        List<ArchiveAttempt> attempts = new ArrayList<>();
        boolean waited = false;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Expectation expectation = model.expect(state, step);
            ModelState next;
            List<Violation> broken = new ArrayList<>();
            if (step instanceof Step.Archive archive) {
                ThreadRef named = sender.named(archive);
                long sent = System.nanoTime();
                ApiResponse response = sender.send(archive);
                requests.incrementAndGet();
                boolean accepted = response.status() == 200 && attempts.stream().noneMatch(a -> a.accepted()
                        && a.threadId().equals(named.threadId()));
                attempts.add(new ArchiveAttempt(named.threadId(), response.status(), accepted, sent,
                        System.nanoTime()));
                AnswerRules.Judged judged = answers.judge(expectation, response, archived,
                        last.child().orElse(null), named.threadId(), named.sessionId());
                broken.addAll(judged.violations());
                if (judged.answer().isEmpty()) {
                    return failed(kind, steps, i, broken, requests, problems);
                }
                if (judged.answer().get() == Answer.ARCHIVED && archived == null
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
            last = views.observe(fixture, other, i == steps.size() - 1);
            problems.addAll(last.problems());
            broken.addAll(rules.judge(expectation, next, first, last, archived));
            if (!broken.isEmpty()) {
                return failed(kind, steps, i, broken, requests, problems);
            }
            state = next;
        }
        List<Violation> eventViolations = events.check(new ArchiveFacts(fixture, attempts, waited));
        if (!eventViolations.isEmpty()) {
            return failed(kind, steps, steps.size() - 1, eventViolations, requests, problems);
        }
        return new SequenceResult(kind, steps, -1, List.of(), Optional.empty(), requests.get(), problems);
    }

    private static SequenceResult failed(FixtureKind kind, List<Step> steps, int at, List<Violation> violations,
                                         AtomicInteger requests, List<String> problems) {
        return new SequenceResult(kind, steps, at, violations, Optional.empty(), requests.get(), problems);
    }
}
