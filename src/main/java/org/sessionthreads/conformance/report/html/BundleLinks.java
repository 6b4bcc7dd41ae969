package org.sessionthreads.conformance.report.html;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.sessionthreads.conformance.report.ExploreFiles;
import org.sessionthreads.conformance.report.har.HarFile;

/**
 * The other files of the bundle {@code summary.html} links to, as found in the bundle's folder when the page is
 * written: a link is written only to a file that is there (or, for Allure, to the report made from results that
 * are there), so the page never points at nothing. Links are relative: the page works wherever the folder is
 * copied or unpacked.
 *
 * @param repro  the requirement ids with a reproduction script {@code repro/<ID>.sh}
 * @param allure the Allure report's path, {@code allure-report/index.html}, when the bundle holds
 *               {@code allure-results/} (the report is made from them after the run), else empty
 * @param har    true when the bundle holds {@code exchanges.har} (written before the page)
 * @param explore true when the bundle holds {@code explore.md} (the run explored; written before the page)
 */
record BundleLinks(Set<String> repro, String allure, boolean har, boolean explore) {
    static final String REPRO_FOLDER = "repro";
    static final String ALLURE_REPORT = "allure-report/index.html";

    BundleLinks {
        repro = Set.copyOf(repro);
    }

    /** What {@code dir} holds now. */
    static BundleLinks in(Path dir) {
        Set<String> repro = new TreeSet<>();
        Path folder = dir.resolve(REPRO_FOLDER);
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".sh"))
                        .map(name -> name.substring(0, name.length() - ".sh".length())).forEach(repro::add);
            } catch (java.io.IOException e) {
                // why: a folder that cannot be listed only costs its links, the page is still written
            }
        }
        boolean allure = Files.isDirectory(dir.resolve("allure-results"))
                || Files.isRegularFile(dir.resolve(ALLURE_REPORT));
        return new BundleLinks(repro, allure ? ALLURE_REPORT : "", Files.isRegularFile(dir.resolve(HarFile.FILE)),
                Files.isRegularFile(dir.resolve(ExploreFiles.MARKDOWN)));
    }

    /** {@code repro/<ID>.sh} when the bundle has it. */
    java.util.Optional<String> reproOf(String requirement) {
        return repro.contains(requirement) ? java.util.Optional.of(REPRO_FOLDER + "/" + requirement + ".sh")
                : java.util.Optional.empty();
    }
}
