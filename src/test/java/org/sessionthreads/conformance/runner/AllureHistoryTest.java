package org.sessionthreads.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureHistoryTest {
    @TempDir
    Path dir;

    @Test
    void should_carry_the_generated_reports_history_into_the_new_allure_results() throws IOException {
        Path previous = dir.resolve("previous");
        Files.createDirectories(previous.resolve("allure-report/history"));
        Files.writeString(previous.resolve("allure-report/history/history-trend.json"), "[{\"buildOrder\":1}]");
        Files.writeString(previous.resolve("allure-report/history/history.json"), "{}");

        String line = AllureHistory.of(previous).writeInto(dir.resolve("reports/allure-results"));

        assertThat(dir.resolve("reports/allure-results/history/history-trend.json")).hasContent("[{\"buildOrder\":1}]");
        assertThat(dir.resolve("reports/allure-results/history/history.json")).exists();
        assertThat(line).startsWith("Allure history: 2 file(s) from ").contains("allure-report/history");
    }

    @Test
    void should_keep_the_history_when_the_previous_bundle_is_the_results_folder_itself() throws IOException {
        Bundle bundle = new Bundle(dir.resolve("reports"));
        Files.createDirectories(bundle.allure().resolve("history"));
        Files.writeString(bundle.allure().resolve("history/history.json"), "{\"a\":1}");

        AllureHistory history = AllureHistory.of(bundle.dir());
        bundle.clean();
        history.writeInto(bundle.allure());

        assertThat(bundle.allure().resolve("history/history.json")).hasContent("{\"a\":1}");
    }

    @Test
    void should_say_so_when_the_previous_bundle_has_no_history() {
        assertThat(AllureHistory.of(dir.resolve("none")).writeInto(dir.resolve("allure-results")))
                .startsWith("no Allure history in the previous bundle");
        assertThat(dir.resolve("allure-results/history")).doesNotExist();
    }
}
