package org.sessionthreads.conformance.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;

import org.sessionthreads.conformance.catalogue.CatalogueEntry;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;

/**
 * The Categories panel of the Allure report: one category per requirement and reason class, named
 * {@code "COORD-001 · not met"}, never after a session or thread id, so the failures of a requirement gather under
 * one stable name; everything skipped for want of a capability in one "Disabled" category at the end.
 *
 * <p>Allure matches a category on a result's status and message only (Allure's {@code categories.json}:
 * {@code matchedStatuses}, {@code messageRegex}, first match wins). So every message of a result that is not a pass
 * starts with its requirement's id: the suite's own failures already do ({@code COORD-001 (MUST) not met: …}), any
 * other gets {@code "<ID> · "} put in front ({@link #tag}); the reason class is the status and the verdict word the
 * suite puts first in every abort message ({@code UNTESTABLE}, {@code WAIVED}, {@code SHOULD not met}). The
 * categories only sort the report; no verdict of the suite is read from them.
 */
final class AllureCategories {
    static final String DISABLED = "Disabled (not offered by the profile)";
    private static final String MARK = " · ";

    /** A reason class: its name after the id, the Allure status it matches, the message after {@code "<ID> "}. */
    private record Reason(String name, Status status, String rest) {
    }

    private static final List<Reason> REASONS = List.of(
            new Reason("not met", Status.FAILED, "(?!· UNTESTABLE).*"),
            new Reason("untestable in certify mode", Status.FAILED, "· UNTESTABLE.*"),
            new Reason("harness error", Status.BROKEN, ".*"),
            new Reason("SHOULD not met (warning)", Status.SKIPPED, "· SHOULD not met.*"),
            new Reason("waived", Status.SKIPPED, "· WAIVED.*"),
            new Reason("untestable", Status.SKIPPED, "· UNTESTABLE.*"));

    private AllureCategories() {
    }

    /** The categories, disjoint, in the order the panel lists them: per requirement of the catalogue, then Disabled. */
    static List<Map<String, Object>> of(RequirementCatalogue catalogue) {
        List<Map<String, Object>> categories = new ArrayList<>();
        for (CatalogueEntry entry : catalogue.entries()) {
            for (Reason reason : REASONS) {
                categories.add(category(entry.id() + MARK + reason.name(), reason.status(),
                        "(?s)" + entry.id() + " " + reason.rest()));
            }
        }
        categories.add(category(DISABLED, Status.SKIPPED,
                "(?s)(?:[A-Z]+-[0-9]{3}" + MARK + ")?+(?!UNTESTABLE|WAIVED|SHOULD not met).*"));
        return categories;
    }

    /** Makes the message of {@code result}, unless it passed, start with the id of {@code entry}. */
    static void tag(TestResult result, CatalogueEntry entry) {
        if (result.getStatus() == null || result.getStatus() == Status.PASSED) {
            return;
        }
        if (result.getStatusDetails() == null) {
            result.setStatusDetails(new StatusDetails());
        }
        result.getStatusDetails().setMessage(tagged(entry.id(), result.getStatusDetails().getMessage()));
    }

    static String tagged(String id, String message) {
        if (message != null && message.startsWith(id + " ")) {
            return message;
        }
        return id + MARK + (message == null || message.isBlank() ? "(no message)" : message);
    }

    private static Map<String, Object> category(String name, Status status, String messageRegex) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", name);
        node.put("matchedStatuses", List.of(status.value()));
        node.put("messageRegex", messageRegex);
        return node;
    }
}
