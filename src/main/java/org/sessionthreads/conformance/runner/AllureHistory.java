package org.sessionthreads.conformance.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Allure's history carried from an earlier bundle ({@code run --previous DIR}) into this run's
 * {@code allure-results/history/}, where {@code allure generate} (Allure 2) reads it to fill the trend panels and
 * each test's History tab. Allure writes the history only into a generated report, so it is looked for in
 * {@code DIR/allure-report/history}, then {@code DIR/allure-results/history} (a bundle whose history was carried
 * but never generated), then {@code DIR/history} (DIR is the generated report itself). The files are read before
 * the results folder is emptied, so DIR may be the {@code --reports} folder itself.
 *
 * @param files file name → content; empty when DIR has no history (a first run: the trends start with it)
 */
record AllureHistory(Optional<Path> from, Map<String, byte[]> files) {
    static final String HISTORY = "history";

    /** The history of the bundle in {@code previous}; none when it has none. */
    static AllureHistory of(Path previous) {
        for (Path candidate : List.of(previous.resolve("allure-report").resolve(HISTORY),
                previous.resolve(Bundle.ALLURE).resolve(HISTORY), previous.resolve(HISTORY))) {
            if (Files.isDirectory(candidate)) {
                return new AllureHistory(Optional.of(candidate), read(candidate));
            }
        }
        return new AllureHistory(Optional.empty(), Map.of());
    }

    private static Map<String, byte[]> read(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.list(dir)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Allure history in " + dir, e);
        }
        return files;
    }

    /** Writes the files into {@code allureResults/history} and says what it carried, in one line. */
    String writeInto(Path allureResults) {
        if (files.isEmpty()) {
            return "no Allure history in the previous bundle (allure-report/history or allure-results/history):"
                    + " the trends start with this run";
        }
        Path history = allureResults.resolve(HISTORY);
        try {
            Files.createDirectories(history);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(history.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Allure history to " + history, e);
        }
        return "Allure history: " + files.size() + " file(s) from " + from.orElseThrow() + " into " + history;
    }
}
