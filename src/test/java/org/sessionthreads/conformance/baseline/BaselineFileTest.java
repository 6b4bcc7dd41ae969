package org.sessionthreads.conformance.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sessionthreads.conformance.config.ProfileException;
import org.sessionthreads.conformance.report.Verdict;

class BaselineFileTest {
    @TempDir
    Path dir;

    @Test
    void should_write_a_baseline_from_a_bundle_with_nothing_of_the_run_but_typed_outcomes() throws IOException {
        Path bundle = new HandMadeRuns().pass("ARCH-001").fail("ARCH-003")
                .scenario("EVT-001", "via sse", Verdict.FAIL, "RequirementNotMet").p95("polling", 12)
                .bundle(dir.resolve("reports"));

        String text = BaselineFile.write(Baseline.of(BundleSnapshot.read(bundle), Optional.of(LocalDate.of(2026,
                12, 31))));

        assertThat(text).contains("\"baseline\" : 1", "\"suite_version\" : \"1.0\"", "\"dialect\" : \"archive-page\"",
                "\"polling\" : 12.0", "\"id\" : \"ARCH-001\",\n    \"verdict\" : \"PASS\"\n",
                "\"id\" : \"ARCH-003\",\n    \"verdict\" : \"FAIL\",\n    \"reason_class\" : \"RequirementNotMet\",\n"
                        + "    \"expires\" : \"2026-12-31\"",
                "\"cases\" : [ \"via sse\" ]")
                .doesNotContain("127.0.0.1", "sess_", "conformance-", " ms", "1970-");
    }

    @Test
    void should_read_back_what_it_wrote() throws IOException {
        Baseline written = Baseline.of(new HandMadeRuns().fail("ARCH-003").pass("ARCH-001")
                .scenario("EVT-001", "via sse", Verdict.ERROR, "EventObservationException").snapshot(),
                Optional.of(LocalDate.of(2026, 1, 2)));
        Path file = Files.writeString(dir.resolve("baseline.json"), BaselineFile.write(written));

        Baseline read = BaselineFile.read(file);

        assertThat(read.entries()).isEqualTo(written.entries());
        assertThat(read.entry("EVT-001").flatMap(BaselineEntry::signature).orElseThrow().describe())
                .isEqualTo("ERROR EventObservationException [via sse]");
        assertThat(read.dialect()).isEqualTo("archive-page");
    }

    @Test
    void should_take_a_results_folder_as_its_baseline() {
        Path bundle = new HandMadeRuns().fail("ARCH-003").bundle(dir.resolve("yesterday"));

        assertThat(BaselineFile.read(bundle).entry("ARCH-003").map(BaselineEntry::failing)).contains(true);
    }

    @Test
    void should_refuse_a_file_that_is_no_baseline_or_a_bad_expiry() throws IOException {
        Path other = Files.writeString(dir.resolve("other.json"), "{\"requirements\": []}");
        Path badDate = Files.writeString(dir.resolve("bad.json"), "{\"baseline\": 1, \"requirements\": [{\"id\":"
                + " \"ARCH-003\", \"verdict\": \"FAIL\", \"expires\": \"soon\"}]}");

        assertThatThrownBy(() -> BaselineFile.read(other)).isInstanceOf(ProfileException.class)
                .hasMessageContaining("is not a baseline file");
        assertThatThrownBy(() -> BaselineFile.read(badDate)).isInstanceOf(ProfileException.class)
                .hasMessageContaining("ARCH-003: expires 'soon' is not a date");
        assertThatThrownBy(() -> BaselineFile.read(dir.resolve("missing"))).isInstanceOf(ProfileException.class);
        assertThat(List.of(other, badDate)).allMatch(Files::exists);
    }
}
