package org.sessionthreads.conformance.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one way the suite publishes a JUnit report entry. JUnit refuses a blank value (a
 * {@code PreconditionViolationException} thrown from the callback, which turns the scenario into an ERROR whatever
 * it did), and an entry may be empty when there was nothing to record (a scenario without fixtures has no
 * provenance). An empty value is therefore not published at all.
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
