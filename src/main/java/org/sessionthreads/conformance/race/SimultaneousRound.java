package org.sessionthreads.conformance.race;

import java.util.List;
import java.util.Optional;

import org.sessionthreads.conformance.client.ThreadRef;

/**
 * One round of simultaneous archives of one idle child, as recorded.
 *
 * @param answers            every archive's answer
 * @param missingTermination why no terminated event was seen, when none was
 * @param after              GET of the child after the round
 * @param secondTermination  a second terminated event, when the watch saw one
 */
public record SimultaneousRound(int number, ThreadRef thread, List<Answer> answers,
                                Optional<String> missingTermination, StatusRead after,
                                Optional<Sighting> secondTermination) {

    public SimultaneousRound {
        answers = List.copyOf(answers);
    }

    public SimultaneousRound withSecondTermination(Optional<Sighting> second) {
        return new SimultaneousRound(number, thread, answers, missingTermination, after, second);
    }
}
