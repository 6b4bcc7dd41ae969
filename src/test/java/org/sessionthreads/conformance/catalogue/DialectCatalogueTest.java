package org.sessionthreads.conformance.catalogue;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

/**
 * Every requirement says what each dialect expects, with a source, and never disables one without a reason. The
 * table of docs/dialects.md is generated from it (docs.GeneratedDocs, checked by GeneratedDocsTest).
 */
class DialectCatalogueTest {
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
}
