package org.sessionthreads.conformance.report;

import java.util.List;

import org.sessionthreads.conformance.report.repro.ReproFiles;
import org.sessionthreads.conformance.report.har.HarFile;
import org.sessionthreads.conformance.report.html.SummaryHtml;

/**
 * The formats of the results bundle, in the order they are written: the manifest last, it hashes the others;
 * {@code summary.html} just before it, it links to the files the others wrote (such as {@code repro/} and
 * {@code explore.md}).
 */
public final class ReportFormats {
    private static final List<ReportFormat> ALL = List.of(new SummaryJson(), new SummaryMarkdown(),
            new JUnitXmlWriter(), new Badge(), new HarFile(), new ReproFiles(), new ExploreFiles(), new SummaryHtml(),
            new BundleManifest());

    private ReportFormats() {
    }

    public static List<ReportFormat> all() {
        return ALL;
    }

    /** Every file the formats write into a bundle's folder. */
    public static List<String> files() {
        return ALL.stream().flatMap(format -> format.files().stream()).toList();
    }
}
