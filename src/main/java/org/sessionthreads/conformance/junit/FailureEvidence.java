package org.sessionthreads.conformance.junit;

import java.util.ArrayList;
import java.util.List;

import org.sessionthreads.conformance.client.Exchange;

/**
 * The exchanges a scenario that did not pass keeps for the reports that show them ({@code summary.html}): its last
 * {@value #EXCHANGES} exchanges, and before them the exchange its failure is about when that one is older, each
 * body cut to {@value #BODY_CHARS} characters. A run against a target that answers every request with a large body
 * and fails every scenario so holds a bounded amount; the Allure attachments keep every exchange whole.
 */
final class FailureEvidence {
    /** Exchanges kept per scenario (the culprit, if older, comes on top). */
    static final int EXCHANGES = 20;
    /** Characters of a request or answer body kept. */
    static final int BODY_CHARS = 4096;

    private FailureEvidence() {
    }

    /** What a scenario that failed with {@code failureMessage} keeps of its {@code exchanges}. */
    static List<Exchange> of(List<Exchange> exchanges, String failureMessage) {
        List<Exchange> kept = new ArrayList<>();
        int from = Math.max(0, exchanges.size() - EXCHANGES);
        ScenarioRecording.culprit(exchanges, failureMessage)
                .filter(culprit -> exchanges.indexOf(culprit) < from).ifPresent(kept::add);
        kept.addAll(exchanges.subList(from, exchanges.size()));
        return kept.stream().map(FailureEvidence::cut).toList();
    }

    private static Exchange cut(Exchange e) {
        return new Exchange(e.method(), e.url(), e.requestHeaders(), cut(e.requestBody()), e.status(),
                e.responseHeaders(), cut(e.responseBody()), e.startedAt(), e.duration(), e.requestId(), e.failure(),
                e.profileToken());
    }

    private static String cut(String body) {
        if (body == null || body.length() <= BODY_CHARS) {
            return body;
        }
        return body.substring(0, BODY_CHARS) + "\n… [" + (body.length() - BODY_CHARS) + " more characters not kept]";
    }
}
