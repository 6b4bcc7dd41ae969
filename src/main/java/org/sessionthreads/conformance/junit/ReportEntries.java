package org.sessionthreads.conformance.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one way the suite publishes a JUnit report entry. JUnit refuses a blank value (a
 * {@code PreconditionViolationException} thrown from the callback, which turns the scenario into an ERROR whatever
 * it did), and several of the suite's entries are empty when there was nothing to record: a scenario that sent no
 * request (it was UNTESTABLE before its first one) has no exchanges, a run that sent nothing yet has no request
 * counts. An empty value is therefore not published at all, and every reader ({@link RequirementLedger},
 * {@link RequestsEntry}, {@link SettingsEntry}, {@link MeasurementsEntry}) reads a missing entry as empty.
 */
final class ReportEntries {
    private ReportEntries() {
    }

    /** Publishes {@code key=value}, unless the value is null or blank (then the entry is left out). */
    static void publish(ExtensionContext context, String key, String value) {
        if (value != null && !value.isBlank()) {
            context.publishReportEntry(key, value);
        }
    }
}
