package org.sessionthreads.conformance.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One file format of the results bundle: the files it writes into the bundle's folder and how. Every format is
 * registered in {@link ReportFormats}, from which the bundle's file list (the runner's clean-up, the manifest's
 * order of writing) follows.
 */
public interface ReportFormat {
    /** The names of the files (or the folder) it writes, relative to the bundle's folder. */
    List<String> files();

    /** Writes its files for {@code report} into {@code dir} (which exists). */
    void write(RunReport report, Path dir) throws IOException;
}
