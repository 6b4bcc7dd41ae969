package org.sessionthreads.conformance.catalogue;

/**
 * One requirement of the catalogue.
 *
 * @param id      stable identifier, e.g. {@code ARCH-002}; greppable in reports and failure messages
 * @param level   MUST or SHOULD
 * @param title   a short name for reports
 * @param text    the sentence of the documentation the requirement checks, quoted as closely as possible
 * @param source  where the sentence is (URL or page name)
 * @param reading where the docs disagree or are silent: which reading the suite takes and why; empty otherwise
 * @param dialects per dialect wire name, where its docs differ from the entry as written: what it expects, its
 *                 source, and whether it is DISABLED or of another level there
 * @param tags    words that group requirements across families for {@code run --only} (e.g. {@code smoke},
 *                {@code events}); lower case, see the head of requirements.yaml
 */
public record CatalogueEntry(String id, Level level, String title, String text, String source, String reading,
                             java.util.Map<String, DialectExpectation> dialects, java.util.List<String> tags) {
    public CatalogueEntry {
        dialects = java.util.Map.copyOf(dialects);
        tags = java.util.List.copyOf(tags);
    }

    public CatalogueEntry(String id, Level level, String title, String text, String source, String reading,
                          java.util.Map<String, DialectExpectation> dialects) {
        this(id, level, title, text, source, reading, dialects, java.util.List.of());
    }

    public CatalogueEntry(String id, Level level, String title, String text, String source, String reading) {
        this(id, level, title, text, source, reading, java.util.Map.of());
    }

    /** What the dialect named {@code dialect} (its wire name) expects, if the entry has a block for it. */
    public java.util.Optional<DialectExpectation> in(String dialect) {
        return java.util.Optional.ofNullable(dialects.get(dialect));
    }

    /**
     * What the dialect named {@code dialect} expects: its block, or else the entry as written (its reading, or its
     * text where it has none; its source and level; not DISABLED).
     */
    public DialectExpectation expectationIn(String dialect) {
        return in(dialect).orElseGet(() -> new DialectExpectation("As written: " + (reading.isEmpty() ? text : reading),
                source, java.util.Optional.empty(), java.util.Optional.empty()));
    }

    /** This entry as it applies under {@code dialect}: its level there. */
    public CatalogueEntry forDialect(String dialect) {
        Level effective = in(dialect).flatMap(DialectExpectation::level).orElse(level);
        return effective == level ? this : new CatalogueEntry(id, effective, title, text, source, reading, dialects, tags);
    }

    /** Why this requirement is DISABLED under {@code dialect}, if it is. */
    public java.util.Optional<String> disabledIn(String dialect) {
        return in(dialect).flatMap(DialectExpectation::disabled);
    }
}
