package org.sessionthreads.conformance.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * docs/dialects.md's per-requirement, per-dialect table is generated from catalogue/requirements.yaml and must not
 * drift: this test renders it and compares it with the text between the file's markers. On a difference it writes
 * the expected file to {@code target/dialects.md}; copy that over docs/dialects.md.
 */
class DialectTableTest {
    static final Path DOC = Path.of("docs", "dialects.md");
    static final String START = "<!-- table: generated from requirements.yaml by DialectTableTest -->\n";
    static final String END = "<!-- end of table -->\n";

    @Test
    void the_table_in_docs_dialects_md_is_the_catalogue_s() throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertThat(start).as("%s has the start marker", DOC).isNotNegative();
        assertThat(end).as("%s has the end marker", DOC).isGreaterThan(start);
        String expected = doc.substring(0, start + START.length()) + table(RequirementCatalogue.load())
                + doc.substring(end);
        if (!expected.equals(doc)) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "dialects.md"), expected);
        }
        assertThat(doc).as("docs/dialects.md is out of date: the expected file is in target/dialects.md")
                .isEqualTo(expected);
    }

    @Test
    void every_requirement_says_what_each_dialect_expects_and_never_disables_one_without_a_reason() {
        for (CatalogueEntry entry : RequirementCatalogue.load().entries()) {
            assertThat(entry.dialects().keySet()).as(entry.id()).containsExactlyInAnyOrderElementsOf(
                    RequirementCatalogue.DIALECTS);
            entry.dialects().forEach((dialect, expectation) -> {
                assertThat(expectation.source()).as("%s %s source", entry.id(), dialect).isNotBlank();
                expectation.disabled().ifPresent(reason -> assertThat(reason).as("%s %s", entry.id(), dialect)
                        .hasSizeGreaterThan(20));
            });
        }
    }

    static String table(RequirementCatalogue catalogue) {
        String header = "| requirement | level | " + String.join(" | ", RequirementCatalogue.DIALECTS) + " |\n"
                + "|---|---|" + "---|".repeat(RequirementCatalogue.DIALECTS.size()) + "\n";
        return header + catalogue.entries().stream().map(entry -> "| " + entry.id() + " " + cell(entry.title())
                + " | " + entry.level() + " | " + RequirementCatalogue.DIALECTS.stream()
                .map(dialect -> cell(entry, dialect)).collect(Collectors.joining(" | ")) + " |\n")
                .collect(Collectors.joining());
    }

    private static String cell(CatalogueEntry entry, String dialect) {
        DialectExpectation e = entry.in(dialect).orElseThrow();
        String what = e.disabled().map(reason -> "**DISABLED**: " + reason)
                .orElseGet(() -> e.level().map(level -> "**" + level + "** ").orElse("") + e.expects());
        return cell(what) + " <br>_" + cell(e.source()) + "_";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
