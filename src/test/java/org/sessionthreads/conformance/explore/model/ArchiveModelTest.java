package org.sessionthreads.conformance.explore.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.fixture.FixtureKind;

class ArchiveModelTest {
    private final ArchiveModel either = new ArchiveModel(new Readings("archived", "invalid_request_error",
            Readings.Rearchive.EITHER), true);
    private final ArchiveModel conflict = new ArchiveModel(new Readings("archived", "invalid_request_error",
            Readings.Rearchive.CONFLICT), false);

    @Test
    void anIdleChildIsArchivedOnceAndThenEitherReadingOfReArchiveHolds() {
        ModelState idle = either.initial(FixtureKind.IDLE_CHILD);
        Expectation archive = either.expect(idle, Step.Archive.of(Target.CHILD));
        assertThat(archive.allowed()).containsOnlyKeys(Answer.ARCHIVED);
        ModelState archived = archive.after(Answer.ARCHIVED).orElseThrow();
        assertThat(archived.childArchived()).isTrue();
        assertThat(either.expect(archived, Step.Archive.of(Target.CHILD)).allowed())
                .containsOnlyKeys(Answer.UNCHANGED, Answer.CONFLICT_NOT_IDLE);
        assertThat(conflict.expect(conflict.initial(FixtureKind.IDLE_CHILD).archivedChild(false),
                Step.Archive.of(Target.CHILD)).allowed()).containsOnlyKeys(Answer.CONFLICT_NOT_IDLE);
    }

    @Test
    void aRunningChildIsRefusedAndNothingMoves() {
        ModelState running = either.initial(FixtureKind.RUNNING_CHILD);
        Expectation archive = either.expect(running, Step.Archive.of(Target.CHILD));
        assertThat(archive.allowed()).containsOnlyKeys(Answer.CONFLICT_NOT_IDLE);
        assertThat(archive.answerRequirement()).isEqualTo("IDLE-001");
        assertThat(archive.changesNothing(running)).isTrue();
    }

    @Test
    void aChildWithPendingMessagesMayBeWokenAtAnyTime() {
        ModelState pending = either.initial(FixtureKind.CHILD_WITH_PENDING_MESSAGE);
        assertThat(pending.child()).containsExactlyInAnyOrder(ChildStatus.IDLE, ChildStatus.RUNNING);
        assertThat(either.expect(pending, Step.Archive.of(Target.CHILD)).allowed())
                .containsOnlyKeys(Answer.ARCHIVED, Answer.CONFLICT_NOT_IDLE);
        assertThat(either.expect(pending, new Step.Wait()).changesNothing(pending)).isTrue();
    }

    @Test
    void wrongCredentialsAre401WhateverTheIdsAndMissingIdsAre404() {
        ModelState idle = either.initial(FixtureKind.IDLE_CHILD);
        Expectation wrong = either.expect(idle, new Step.Archive(Target.UNKNOWN_SESSION, Credential.NONE, false));
        assertThat(wrong.allowed()).containsOnlyKeys(Answer.UNAUTHORIZED);
        assertThat(wrong.answerRequirement()).isEqualTo("AUTH-002");
        assertThat(either.expect(idle, Step.Archive.of(Target.UNKNOWN_SESSION)).answerRequirement())
                .isEqualTo("NF-001");
        assertThat(either.expect(idle, Step.Archive.of(Target.FOREIGN_THREAD)).allowed())
                .containsOnlyKeys(Answer.NOT_FOUND);
        assertThat(either.expect(idle, Step.Archive.of(Target.COORDINATOR)).allowed())
                .containsOnlyKeys(Answer.CONFLICT_COORDINATOR);
    }

    @Test
    void aKeyFirstSentWithAReArchiveReplaysWhatTheReArchiveReadingAllows() {
        ModelState archived = conflict.initial(FixtureKind.IDLE_CHILD).archivedChild(false);
        Step.Archive keyed = new Step.Archive(Target.CHILD, Credential.PROFILE, true);
        Expectation rearchive = conflict.expect(archived, keyed);
        ModelState keyOnRearchive = rearchive.after(Answer.CONFLICT_NOT_IDLE).orElseThrow();

        Expectation replay = conflict.expect(keyOnRearchive, keyed);
        assertThat(replay.allowed()).containsOnlyKeys(Answer.CONFLICT_NOT_IDLE);
        assertThat(replay.answerRequirement()).isEqualTo("IDEM-001");
        assertThat(conflict.expect(keyOnRearchive, new Step.Archive(Target.OTHER_SESSION_CHILD, Credential.PROFILE,
                true)).allowed()).containsOnlyKeys(Answer.KEY_CONFLICT, Answer.ARCHIVED);
        ModelState keyOnArchive = either.initial(FixtureKind.IDLE_CHILD).archivedChild(true);
        assertThat(either.expect(keyOnArchive, keyed).allowed()).containsOnlyKeys(Answer.UNCHANGED);
    }

    @Test
    void aWrongTokenOnAKeptAliveConnectionIsAuth004AndOneOnItsOwnAuth001() {
        ModelState idle = either.initial(FixtureKind.IDLE_CHILD);
        Expectation keptAlive = either.expect(idle, new Step.Archive(Target.CHILD, Credential.WRONG_TOKEN_KEPT_ALIVE,
                false));
        assertThat(keptAlive.allowed()).containsOnlyKeys(Answer.UNAUTHORIZED);
        assertThat(keptAlive.answerRequirement()).isEqualTo("AUTH-004");
        assertThat(either.expect(idle, new Step.Archive(Target.CHILD, Credential.WRONG_TOKEN, false))
                .answerRequirement()).isEqualTo("AUTH-001");
    }

    @Test
    void theKeyOfAnAcceptedArchiveReplaysUnchangedAndConflictsOnAnotherThread() {
        ModelState keyed = either.initial(FixtureKind.IDLE_CHILD).archivedChild(true);
        assertThat(either.expect(keyed, new Step.Archive(Target.CHILD, Credential.PROFILE, true)).allowed())
                .containsOnlyKeys(Answer.UNCHANGED);
        Expectation other = either.expect(keyed, new Step.Archive(Target.OTHER_SESSION_CHILD, Credential.PROFILE,
                true));
        assertThat(other.allowed()).containsOnlyKeys(Answer.KEY_CONFLICT);
        assertThat(other.answerRequirement()).isEqualTo("IDEM-002");
    }
}
