package org.sessionthreads.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.catalogue.CatalogueEntry;
import org.sessionthreads.conformance.catalogue.DialectExpectation;
import org.sessionthreads.conformance.catalogue.Level;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.config.Dialect;

/**
 * Every dialect block of the catalogue names a known dialect, says what it expects with a source, and never
 * disables a requirement without a reason; a dialect without a block takes the entry as written. The table of
 * docs/dialects.md is generated from it (docs.GeneratedDocs, checked by GeneratedDocsTest).
 */
class DialectCatalogueTest {
    private static final List<String> DIALECTS = Arrays.stream(Dialect.values()).map(Dialect::wireName).toList();

    @Test
    void every_dialect_block_names_a_known_dialect_and_never_disables_one_without_a_reason() {
        for (CatalogueEntry entry : RequirementCatalogue.load().entries()) {
            assertThat(DIALECTS).as(entry.id()).containsAll(entry.dialects().keySet());
            entry.dialects().forEach((dialect, expectation) -> {
                assertThat(expectation.source()).as("%s %s source", entry.id(), dialect).isNotBlank();
                expectation.disabled().ifPresent(reason -> assertThat(reason).as("%s %s", entry.id(), dialect)
                        .hasSizeGreaterThan(20));
            });
        }
    }

    @Test
    void a_dialect_without_a_block_takes_the_entry_as_written() {
        CatalogueEntry entry = new CatalogueEntry("X-001", Level.MUST, "t", "the text", "the page", "the reading");

        assertThat(entry.forDialect("another")).isSameAs(entry);
        assertThat(entry.disabledIn("another")).isEmpty();
        assertThat(entry.expectationIn("another")).isEqualTo(new DialectExpectation("As written: the reading",
                "the page", Optional.empty(), Optional.empty()));
    }
}
