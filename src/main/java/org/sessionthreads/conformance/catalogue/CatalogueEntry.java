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
 */
public record CatalogueEntry(String id, Level level, String title, String text, String source, String reading) {
}
