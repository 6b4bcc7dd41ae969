package org.sessionthreads.conformance.explore.views;

import java.util.List;

import org.sessionthreads.conformance.events.EventMatcher;

/**
 * What a view's disagreement with the plain log breaks, for the events the rules are about: a view that does not
 * show a thread's terminated event (EVT-001: the event is emitted "through every channel"), one that shows it
 * twice or shows one the log does not (EVT-002 for an archived thread, EVT-003 for a refused one, ISO-001 for one
 * no request named), and one that differs on the waiting coordinator's tool result (UNB-001). Disagreements on
 * other events break no documented promise and are not reported.
 */
final class DisagreementRules {
    private DisagreementRules() {
    }

    static void judge(Judging j, List<Disagreement> disagreements) {
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (Disagreement d : disagreements) {
            String requirement = requirement(j.model(), d);
            if (requirement != null && reported.add(requirement + d.view() + d.event().id())) {
                j.report(requirement, "views.agree." + d.kind().name().toLowerCase(java.util.Locale.ROOT),
                        "every documented event view shows the same " + d.event().type() + " events as the plain"
                                + " event list", "session " + j.log().sessionId() + ": " + d.describe()
                                + evidence(d));
            }
        }
    }

    private static String requirement(SequenceModel model, Disagreement d) {
        Seen event = d.event();
        if (TerminatedRules.TERMINATED.equals(event.type()) && event.thread() != null) {
            if (d.kind() == Disagreement.Kind.MISSING) {
                return model.accepted(event.thread()).isPresent() ? "EVT-001" : null;
            }
            return model.accepted(event.thread()).isPresent() ? "EVT-002"
                    : model.refusedOnly(event.thread()) ? "EVT-003" : !model.isNamed(event.thread()) ? "ISO-001" : null;
        }
        String toolUseId = model.facts().fixture().toolUseId();
        boolean awaitedResult = EventMatcher.TOOL_RESULT.equals(event.type()) && event.event() != null
                && toolUseId != null && toolUseId.equals(event.event().toolUseId());
        return awaitedResult ? "UNB-001" : null;
    }

    private static String evidence(Disagreement d) {
        return d.evidence().isEmpty() ? "" : " (" + d.evidence().get(0).summary() + ")";
    }
}
