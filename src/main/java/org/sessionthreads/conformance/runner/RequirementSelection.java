package org.sessionthreads.conformance.runner;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.sessionthreads.conformance.catalogue.CatalogueEntry;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.config.ProfileException;

/**
 * What {@code run --only} selects, in the catalogue's order: each word is a requirement id ({@code ARCH-001}), an
 * id prefix ({@code ARCH} or {@code ARCH-} selects ARCH-001 to ARCH-004, {@code EVT-00} the EVT requirements), a
 * level as the catalogue states it ({@code MUST}, {@code SHOULD}) or one of the catalogue's tags ({@code smoke},
 * {@code events}, …), in any case. A word that selects nothing is a usage error (exit 2), never an empty run.
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
                throw new ProfileException("--only " + raw + ": selects no requirement; give an id (ARCH-001), an id"
                        + " prefix (ARCH), a level (MUST, SHOULD) or a tag (" + String.join(", ", tags(catalogue))
                        + ") of the catalogue (see 'list')");
            }
            ids.addAll(selected);
        }
        return ids;
    }

    private static boolean selects(String word, CatalogueEntry entry) {
        return !word.isEmpty() && (entry.id().startsWith(word)
                || String.valueOf(entry.level()).toUpperCase(Locale.ROOT).equals(word)
                || entry.tags().stream().anyMatch(tag -> tag.toUpperCase(Locale.ROOT).equals(word)));
    }

    /** Every tag of the catalogue, sorted. */
    static List<String> tags(RequirementCatalogue catalogue) {
        return catalogue.entries().stream().flatMap(e -> e.tags().stream()).distinct().sorted().toList();
    }
}
