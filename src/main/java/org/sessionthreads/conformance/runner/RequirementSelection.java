package org.sessionthreads.conformance.runner;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.sessionthreads.conformance.catalogue.CatalogueEntry;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.config.ProfileException;

/**
 * What {@code run --only} selects, in the catalogue's order: each word is a requirement id ({@code ARCH-001}), a
 * family (the id's prefix: {@code ARCH} selects ARCH-001 to ARCH-004) or a level as the catalogue states it
 * ({@code MUST}, {@code SHOULD}), in any case. A word that selects nothing is a usage error (exit 2), never an
 * empty run.
 */
final class RequirementSelection {
    private RequirementSelection() {
    }

    static Set<String> ids(RequirementCatalogue catalogue, List<String> words) {
        Set<String> ids = new LinkedHashSet<>();
        for (String raw : words) {
            String word = raw.strip().toUpperCase(Locale.ROOT);
            List<String> selected = catalogue.entries().stream().filter(entry -> selects(word, entry))
                    .map(CatalogueEntry::id).toList();
            if (selected.isEmpty()) {
                throw new ProfileException("--only " + raw + ": selects no requirement; give an id (ARCH-001), a"
                        + " family (ARCH) or a level (MUST, SHOULD) of the catalogue (see 'list')");
            }
            ids.addAll(selected);
        }
        return ids;
    }

    private static boolean selects(String word, CatalogueEntry entry) {
        return entry.id().equals(word) || entry.id().startsWith(word + "-")
                || String.valueOf(entry.level()).toUpperCase(Locale.ROOT).equals(word);
    }
}
