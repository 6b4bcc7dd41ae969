package org.sessionthreads.conformance.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Cuts the {@code <properties>} element out of JUnit XML reports. Failsafe 3.5.x writes every system property of
 * the test JVM into the XML of a test set with a failed or skipped test, whatever {@code enablePropertiesElement}
 * says (that flag covers successful test sets only), and a CI job publishes exactly those files. pom.xml runs
 * this right after the suite runs ({@code mvn verify}, phase integration-test), on {@code reports/junit} and
 * {@code reports/api/junit}. No system property holds the token (it is refused as one); this keeps the
 * machine's properties out of published reports too. Last, it prints the path of each run's summary.md (beside
 * the JUnit folder), so a passing {@code mvn verify} ends with where its results are.
 */
public final class JUnitXmlProperties {
    private static final Pattern PROPERTIES = Pattern.compile("\\s*<properties>.*?</properties>|\\s*<properties/>",
            Pattern.DOTALL);

    private JUnitXmlProperties() {
    }

    /** @param args directories whose {@code *.xml} files are cleaned; a missing one is skipped */
    public static void main(String[] args) throws IOException {
        int cleaned = 0;
        for (String dir : args) {
            cleaned += removeFrom(Path.of(dir));
        }
        if (cleaned > 0) {
            System.out.println("[conformance] removed the <properties> element from " + cleaned + " JUnit XML file"
                    + (cleaned == 1 ? "" : "s"));
        }
        for (String dir : args) { // why: the last thing mvn verify prints before its verdict is where the results are
            Path summary = Path.of(dir).toAbsolutePath().normalize().resolveSibling(SummaryMarkdown.FILE);
            if (Files.isRegularFile(summary)) {
                System.out.println("[conformance] summary: " + summary);
            }
        }
    }

    /** Cleans every {@code *.xml} file directly in {@code dir}; returns how many had the element. */
    static int removeFrom(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int cleaned = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.xml")) {
            for (Path file : files) {
                String xml = Files.readString(file, StandardCharsets.UTF_8);
                String without = strip(xml);
                if (!without.equals(xml)) {
                    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
                    Files.writeString(temporary, without, StandardCharsets.UTF_8);
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    cleaned++;
                }
            }
        }
        return cleaned;
    }

    static String strip(String xml) {
        return PROPERTIES.matcher(xml).replaceAll("");
    }
}
