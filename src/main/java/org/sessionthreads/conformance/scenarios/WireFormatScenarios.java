package org.sessionthreads.conformance.scenarios;

import static org.sessionthreads.conformance.assertions.ConformanceAssertions.assertThat;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Credentials;
import org.sessionthreads.conformance.client.ThreadRef;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.fixture.UnknownIds;
import org.sessionthreads.conformance.junit.ConformanceScenarios;
import org.sessionthreads.conformance.junit.Requirement;

/** How answers are labelled on the wire, whatever they say. */
@ConformanceScenarios
public class WireFormatScenarios {

    @Requirement("WIRE-001")
    @Test
    void jsonAnswersAreLabelledApplicationJson(Fixtures fixtures, ThreadsApi threads) {
        Fixture child = fixtures.idleChild();
        ApiResponse archived = threads.archive(child.thread());
        ApiResponse missing = threads.archive(new ThreadRef(child.sessionId(), UnknownIds.thread()));
        ApiResponse refused = threads.archive(new ThreadRef(UnknownIds.session(), UnknownIds.thread()),
                Credentials.authorization("Bearer conformance-not-a-valid-token"));

        assertThat(archived).hasStatus(200);
        SoftAssertions.assertSoftly(softly -> {
            softly.check(() -> assertThat(archived).isLabelledJson());
            softly.check(() -> assertThat(missing).isLabelledJson());
            softly.check(() -> assertThat(refused).isLabelledJson());
        });
    }
}
