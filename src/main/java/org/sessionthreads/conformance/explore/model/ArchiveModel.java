package org.sessionthreads.conformance.explore.model;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.fixture.FixtureKind;

/**
 * The archive page and the documented thread rules as an executable description: the state each fixture kind
 * starts in, and for every step in every state the answers the page allows and the state each leaves. The one
 * place these rules live; {@link AnswerRules} and {@link ViewRules} judge what a target did against it.
 *
 * <p>Readings decide where the documentation sets disagree (the archived status, the 409 type, re-archive) and
 * {@code idempotency} whether the dialect documents the Idempotency-Key. A running child stays running for the
 * fixture's promised time (the fixture contract, docs/fixtures.md), so it is not idle within a sequence; a child with
 * pending messages may be woken by their delivery at any time (it comes at the fixture's deliver_after, whatever the
 * steps do), so the model allows it idle or running until it is archived.
 */
public final class ArchiveModel {
    private final Readings readings;
    private final boolean idempotency;

    public ArchiveModel(Readings readings, boolean idempotency) {
        this.readings = readings;
        this.idempotency = idempotency;
    }

    public Readings readings() {
        return readings;
    }

    /** Whether the dialect documents the Idempotency-Key (capabilities.idempotency_key). */
    public boolean idempotency() {
        return idempotency;
    }

    /** The state a fresh fixture of {@code kind} is in. */
    public ModelState initial(FixtureKind kind) {
        Set<ChildStatus> child = kind == FixtureKind.RUNNING_CHILD ? EnumSet.of(ChildStatus.RUNNING)
                : EnumSet.of(ChildStatus.IDLE);
        ModelState fresh = new ModelState(child, false, false, kind == FixtureKind.CHILD_WITH_PENDING_MESSAGE, false,
                false);
        // why: the delivery comes at the fixture's deliver_after whatever the steps do, so it may come before any
        return fresh.pendingMessages() ? fresh.delivered() : fresh;
    }

    /** What the model allows {@code step} in {@code state}. */
    public Expectation expect(ModelState state, Step step) {
        if (step instanceof Step.Wait) {
            ModelState after = state.pendingMessages() && !state.childArchived() ? state.delivered() : state;
            return new Expectation(step, Map.of(), after, "ARCH-004",
                    state.childArchived() ? "ARCH-004" : "ISO-001");
        }
        Step.Archive archive = (Step.Archive) step;
        if (!archive.credential().valid()) {
            // why: "PAT invalid or expired" holds whatever the ids are (AUTH-002: 401 over 404)
            String requirement = archive.target().missing() ? "AUTH-002"
                    : archive.credential() == Credential.WRONG_TOKEN_KEPT_ALIVE ? "AUTH-004" : "AUTH-001";
            return only(step, Answer.UNAUTHORIZED, state, requirement, "AUTH-003");
        }
        return switch (archive.target()) {
            case UNKNOWN_SESSION -> only(step, Answer.NOT_FOUND, state, "NF-001", "NF-001");
            case FOREIGN_THREAD, UNKNOWN_THREAD, MALFORMED_THREAD -> only(step, Answer.NOT_FOUND, state, "NF-002",
                    "NF-002");
            case COORDINATOR -> only(step, Answer.CONFLICT_COORDINATOR, state, "COORD-001", "COORD-002");
            case OTHER_SESSION_CHILD -> otherSessionChild(state, archive);
            case CHILD -> child(state, archive);
        };
    }

    private Expectation otherSessionChild(ModelState state, Step.Archive archive) {
        if (archive.keyed() && state.keyUsedOnChild() && state.keyOnRearchive()) {
            // why: a key whose original answer may have been a 409 need not be bound to the child
            Map<Answer, ModelState> allowed = new LinkedHashMap<>();
            allowed.put(Answer.KEY_CONFLICT, state);
            allowed.put(Answer.ARCHIVED, state.otherSessionArchived());
            return new Expectation(archive, allowed, null, "IDEM-002", "ISO-001");
        }
        if (archive.keyed() && state.keyUsedOnChild()) {
            return only(archive, Answer.KEY_CONFLICT, state, "IDEM-002", "IDEM-002");
        }
        if (state.otherArchived()) {
            return rearchive(archive, state, "REA-001");
        }
        return only(archive, Answer.ARCHIVED, state.otherSessionArchived(), "ARCH-001", "ISO-001");
    }

    private Expectation child(ModelState state, Step.Archive archive) {
        if (state.childArchived()) {
            if (archive.keyed() && state.keyOnRearchive()) {
                return rearchive(archive, state, "IDEM-001"); // why: the replay gives the re-archive's answer again
            }
            if (archive.keyed() && state.keyUsedOnChild()) {
                return only(archive, Answer.UNCHANGED, state, "IDEM-001", "IDEM-001");
            }
            return rearchive(archive, archive.keyed() ? state.keyUsedOnRearchive() : state, "REA-001");
        }
        Map<Answer, ModelState> allowed = new LinkedHashMap<>();
        if (state.childMayBe(ChildStatus.IDLE)) {
            allowed.put(Answer.ARCHIVED, state.archivedChild(archive.keyed()));
        }
        if (state.childMayBe(ChildStatus.RUNNING)) {
            allowed.put(Answer.CONFLICT_NOT_IDLE, state);
        }
        boolean runningOnly = !state.childMayBe(ChildStatus.IDLE);
        return new Expectation(archive, allowed, null, runningOnly ? "IDLE-001" : "ARCH-001",
                runningOnly ? "IDLE-002" : "ISO-001");
    }

    /** Re-archiving an archived child: what readings.rearchive accepts; nothing may move. */
    private Expectation rearchive(Step step, ModelState state, String requirement) {
        Map<Answer, ModelState> allowed = new LinkedHashMap<>();
        if (readings.rearchive().statuses().contains(200)) {
            allowed.put(Answer.UNCHANGED, state);
        }
        if (readings.rearchive().statuses().contains(409)) {
            allowed.put(Answer.CONFLICT_NOT_IDLE, state);
        }
        return new Expectation(step, allowed, null, requirement, requirement);
    }

    private static Expectation only(Step step, Answer answer, ModelState next, String answerRequirement,
                                    String effectRequirement) {
        return new Expectation(step, Map.of(answer, next), null, answerRequirement, effectRequirement);
    }
}
