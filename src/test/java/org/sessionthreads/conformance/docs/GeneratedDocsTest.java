package org.sessionthreads.conformance.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sessionthreads.conformance.config.SettingReference;

/** The generated tables of the docs are current, and every generated table appears somewhere. */
class GeneratedDocsTest {

    private final Path project = Path.of("");
    private final Map<String, String> tables = new DocTables(project).all();

    @Test
    void should_find_every_document_current() throws IOException {
        for (Path doc : GeneratedDocs.documents(project)) {
            String text = Files.readString(doc);
            assertThat(GeneratedDocs.regenerate(text, tables))
                    .as("%s is stale: run %s", doc, GeneratedDocs.COMMAND)
                    .isEqualTo(text);
        }
    }

    @Test
    void should_ship_the_current_fault_and_variation_descriptions() throws IOException {
        assertThat(Files.readString(project.resolve(DocTables.DESCRIPTIONS)))
                .as("%s is stale: run %s", DocTables.DESCRIPTIONS, GeneratedDocs.COMMAND)
                .isEqualTo(new DocTables(project).serverDescriptions());
    }

    @Test
    void should_place_every_table_in_some_document() throws IOException {
        List<String> placed = new ArrayList<>();
        for (Path doc : GeneratedDocs.documents(project)) {
            placed.addAll(GeneratedDocs.regions(Files.readString(doc)));
        }
        assertThat(placed).containsExactlyInAnyOrderElementsOf(tables.keySet());
    }

    @Test
    void should_describe_every_setting_and_no_setting_that_does_not_exist() {
        assertThat(SettingReference.undescribed()).as("settings without a meaning").isEmpty();
        assertThat(SettingReference.stale()).as("meanings of settings that do not exist").isEmpty();
    }

    @Test
    void should_replace_a_stale_region_and_refuse_an_unknown_one() {
        String stale = "x\n<!-- generated: faults (GeneratedDocs; do not edit) -->\nold\n<!-- end: faults -->\ny";

        String updated = GeneratedDocs.regenerate(stale, Map.of("faults", "new\n"));

        assertThat(updated).isEqualTo(
                "x\n<!-- generated: faults (GeneratedDocs; do not edit) -->\nnew\n<!-- end: faults -->\ny");
        assertThatThrownBy(() -> GeneratedDocs.regenerate(stale, Map.of("catalogue", "")))
                .hasMessageContaining("unknown generated region 'faults'");
    }

    @Test
    void should_render_every_fault_with_its_javadoc() {
        String faults = tables.get("faults");
        assertThat(faults.lines().filter(l -> l.startsWith("| `")).count())
                .isEqualTo(org.sessionthreads.conformance.refserver.Fault.values().length);
        assertThat(faults.lines().filter(l -> l.startsWith("| `")).filter(l -> l.endsWith("|  |")))
                .as("faults without a description").isEmpty();
    }
}
