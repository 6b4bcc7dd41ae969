package org.sessionthreads.conformance.report;

import java.util.List;
import java.util.Locale;

import io.qameta.allure.Allure;

import org.sessionthreads.conformance.report.repro.ReproScript;
import org.sessionthreads.conformance.catalogue.CatalogueEntry;
import org.sessionthreads.conformance.catalogue.Level;
import org.sessionthreads.conformance.client.Exchange;

/**
 * Puts scenarios into the Allure report: requirement labels on each test, and every HTTP exchange (already
 * redacted by the client) as an attachment with a curl line whose credential is {@code $CONFORMANCE_TOKEN}.
 * Allure is used only here.
 */
public final class AllureScenarioReport {
    private AllureScenarioReport() {
    }

    /**
     * Labels the running test with its requirement: feature, severity from the level, description (the suite
     * labels are {@link RequirementLabels}' business).
     */
    public static void describe(CatalogueEntry entry) {
        if (Allure.getLifecycle().getCurrentTestCase().isEmpty()) {
            return; // e.g. a self-test running scenarios without the Allure listener
        }
        Allure.epic("Archive a session thread");
        Allure.feature(entry.id() + " " + entry.title());
        Allure.label("requirement", entry.id());
        Allure.label("severity", entry.level() == Level.MUST ? "critical" : "normal");
        Allure.label("tag", entry.level().name().toLowerCase(Locale.ROOT));
        Allure.description(entry.level() + ": " + entry.text() + "\n\nSource: " + entry.source()
                + (entry.reading().isEmpty() ? "" : "\n\nReading: " + entry.reading()));
    }

    /** Attaches one exchange to the running test (a no-op outside a test). */
    public static void attach(Exchange exchange) {
        if (Allure.getLifecycle().getCurrentTestCaseOrStep().isEmpty()) {
            return; // e.g. the reachability probe before the first scenario
        }
        Allure.addAttachment(exchange.summary(), "text/plain", render(exchange), ".txt");
    }

    /** Attaches the trace of one wait (what was polled and when) to the running test. */
    public static void attachWait(String alias, List<String> polls) {
        if (Allure.getLifecycle().getCurrentTestCaseOrStep().isEmpty()) {
            return;
        }
        Allure.addAttachment("wait: " + alias + " (" + polls.size() + " polls)", "text/plain",
                String.join("\n", polls) + "\n", ".txt");
    }

    static String render(Exchange exchange) {
        StringBuilder text = new StringBuilder();
        text.append(exchange.method()).append(' ').append(exchange.url()).append('\n');
        exchange.requestHeaders().forEach((k, v) -> text.append(k).append(": ").append(String.join(", ", v))
                .append('\n'));
        if (!exchange.requestBody().isEmpty()) {
            text.append('\n').append(exchange.requestBody()).append('\n');
        }
        text.append("\n--- answer: ").append(exchange.status() == 0 ? "none (" + exchange.failure() + ")"
                : exchange.status()).append(" in ").append(exchange.duration().toMillis()).append(" ms\n");
        exchange.responseHeaders().forEach((k, v) -> text.append(k).append(": ").append(String.join(", ", v))
                .append('\n'));
        text.append('\n').append(exchange.responseBody()).append("\n\n--- reproduce:\n").append(ReproScript.curl(exchange))
                .append('\n');
        return text.toString();
    }
}
