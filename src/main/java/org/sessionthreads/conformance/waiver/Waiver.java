package org.sessionthreads.conformance.waiver;

import java.time.LocalDate;

/**
 * An accepted, known gap: the requirement's failure is reported as WAIVED instead of failing the gate, until
 * {@code expires}. A waiver whose scenario passes is stale and fails the run, so a waiver cannot outlive its gap.
 *
 * @param requirement catalogue id
 * @param scenarioCase when not empty, only invocations whose display name contains it are covered (e.g.
 *                     {@code TOKEN_AS_X_API_KEY} of a parameterized scenario)
 * @param reason       why the gap is accepted
 * @param link         issue or ticket that tracks the gap
 * @param expires      last day the waiver applies
 */
public record Waiver(String requirement, String scenarioCase, String reason, String link, LocalDate expires) {

    public boolean covers(String requirementId, String displayName) {
        return requirement.equals(requirementId) && (scenarioCase.isEmpty() || displayName.contains(scenarioCase));
    }

    public boolean isExpiredOn(LocalDate today) {
        return today.isAfter(expires);
    }

    /** {@code ARCH-003 until 2026-12-31 (reason, link)}. */
    public String describe() {
        return requirement + (scenarioCase.isEmpty() ? "" : " [" + scenarioCase + "]") + " until " + expires
                + " (" + reason + (link.isEmpty() ? "" : ", " + link) + ")";
    }
}
