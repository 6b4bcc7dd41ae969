package org.sessionthreads.conformance.report;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.ResultsUtils;

import org.sessionthreads.conformance.catalogue.CatalogueEntry;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;

/**
 * Lists every Allure result under its requirement instead of the Java class that holds its scenario: suite
 * {@code "<ID> <title>"} with no parent suite, so each requirement is a row of its own at the top of the Suites
 * tab (Allure builds that tree from the labels parentSuite, suite and subSuite, skipping a level a result does not
 * have), and package {@code conformance.<ID>}; and makes the message of a result that did not pass start with the
 * id, which the Categories panel sorts by ({@link AllureCategories}). Registered with ServiceLoader as an Allure
 * lifecycle listener, so it also reaches results that never ran a callback of ours (scenarios disabled by the
 * profile). The requirement is the id the scenario's name starts with: names come from the catalogue
 * ({@code junit.RequirementDisplayNames}); a result without one is left as it is.
 */
public final class RequirementLabels implements TestLifecycleListener {
    private static final Pattern ID = Pattern.compile("^([A-Z]+-[0-9]{3}) ");
    private static final Set<String> SUITE_LABELS = Set.of(ResultsUtils.PARENT_SUITE_LABEL_NAME,
            ResultsUtils.SUITE_LABEL_NAME, ResultsUtils.SUB_SUITE_LABEL_NAME, ResultsUtils.PACKAGE_LABEL_NAME);
    private final RequirementCatalogue catalogue;

    public RequirementLabels() {
        this(RequirementCatalogue.load());
    }

    RequirementLabels(RequirementCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void beforeTestWrite(TestResult result) {
        Matcher id = ID.matcher(String.valueOf(result.getName()));
        if (!id.find()) {
            return;
        }
        catalogue.find(id.group(1)).ifPresent(entry -> {
            relabel(result, entry);
            AllureCategories.tag(result, entry);
        });
    }

    static void relabel(TestResult result, CatalogueEntry entry) {
        result.getLabels().removeIf(label -> SUITE_LABELS.contains(label.getName()));
        result.getLabels().add(ResultsUtils.createSuiteLabel(entry.id() + " " + entry.title()));
        result.getLabels().add(ResultsUtils.createPackageLabel("conformance." + entry.id()));
    }
}
