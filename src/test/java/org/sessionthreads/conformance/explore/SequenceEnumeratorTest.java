package org.sessionthreads.conformance.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.explore.model.ArchiveModel;
import org.sessionthreads.conformance.explore.model.Step;
import org.sessionthreads.conformance.explore.model.Target;
import org.sessionthreads.conformance.fixture.FixtureKind;

class SequenceEnumeratorTest {
    private final ArchiveModel model = new ArchiveModel(new Readings("archived", "invalid_request_error",
            Readings.Rearchive.EITHER), true);
    private final SequenceEnumerator enumerator = new SequenceEnumerator(model);

    @Test
    void everyStepOfTheAlphabetIsTriedFromTheFreshFixtureAndAfterTheArchive() {
        List<List<Step>> runs = enumerator.sequences(FixtureKind.IDLE_CHILD, 3);
        List<Step> fresh = runs.get(0);
        assertThat(fresh).containsAll(enumerator.alphabet(true).stream()
                .filter(step -> !enumerator.moves(model.initial(FixtureKind.IDLE_CHILD), step)).toList());
        assertThat(fresh.get(fresh.size() - 1)).isInstanceOf(Step.Wait.class);
        assertThat(runs).anySatisfy(run -> assertThat(run).startsWith(Step.Archive.of(Target.CHILD))
                .contains(Step.Archive.of(Target.COORDINATOR)));
    }

    @Test
    void theOrderIsFixedAndNoRunIsAPrefixOfAnother() {
        List<List<Step>> runs = enumerator.sequences(FixtureKind.CHILD_WITH_PENDING_MESSAGE, 3);
        assertThat(enumerator.sequences(FixtureKind.CHILD_WITH_PENDING_MESSAGE, 3)).isEqualTo(runs);
        for (List<Step> a : runs) {
            for (List<Step> b : runs) {
                if (a != b && a.size() < b.size()) {
                    assertThat(b.subList(0, a.size())).isNotEqualTo(a);
                }
            }
        }
    }

    @Test
    void aRunningChildHasNothingThatMovesItSoOneChainCoversIt() {
        assertThat(enumerator.sequences(FixtureKind.RUNNING_CHILD, 3)).hasSize(1);
    }
}
