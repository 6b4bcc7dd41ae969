package org.sessionthreads.conformance.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The requirement catalogue ({@code catalogue/requirements.yaml} on the classpath): every promise of the archive
 * page the suite checks, with its level, source and chosen reading. Every scenario names exactly one entry.
 */
public final class RequirementCatalogue {
    public static final String RESOURCE = "catalogue/requirements.yaml";
    private final Map<String, CatalogueEntry> entries;

    private RequirementCatalogue(Map<String, CatalogueEntry> entries) {
        this.entries = entries;
    }

    /** Loads the catalogue shipped with the suite; a malformed catalogue is a bug of the suite and fails loudly. */
    public static RequirementCatalogue load() {
        try (InputStream in = RequirementCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(YAMLMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RequirementCatalogue parse(JsonNode root) {
        Map<String, CatalogueEntry> entries = new LinkedHashMap<>();
        for (JsonNode node : root.path("requirements")) {
            CatalogueEntry entry = new CatalogueEntry(required(node, "id"),
                    Level.valueOf(required(node, "level")), required(node, "title"), required(node, "text"),
                    required(node, "source"), node.path("reading").asString("").strip(), dialects(node), tags(node));
            if (entries.put(entry.id(), entry) != null) {
                throw new IllegalStateException("duplicate requirement id " + entry.id() + " in " + RESOURCE);
            }
        }
        return new RequirementCatalogue(entries);
    }

    /**
     * The entry's {@code dialects:} blocks, by dialect wire name. A dialect without a block agrees with the entry as
     * written (its level, its reading; see {@link CatalogueEntry#expectationIn(String)}), so a new dialect needs a
     * block only where its docs differ.
     */
    private static Map<String, DialectExpectation> dialects(JsonNode node) {
        Map<String, DialectExpectation> dialects = new LinkedHashMap<>();
        node.path("dialects").properties().forEach(block -> {
            JsonNode d = block.getValue();
            String disabled = d.path("disabled").asString("").strip();
            String level = d.path("level").asString("").strip();
            dialects.put(block.getKey(), new DialectExpectation(required(d, "expects"), required(d, "source"),
                    level.isEmpty() ? Optional.empty() : Optional.of(Level.valueOf(level)),
                    disabled.isEmpty() ? Optional.empty() : Optional.of(disabled)));
        });
        return dialects;
    }

    /**
     * The entry's {@code tags:}: lower-case words ({@code [a-z]+}) that never read as an id, a family or a level,
     * so {@code run --only} can take all four.
     */
    private static List<String> tags(JsonNode node) {
        List<String> tags = new java.util.ArrayList<>();
        for (JsonNode tag : node.path("tags")) {
            String word = tag.asString("").strip();
            if (!word.matches("[a-z]+") || word.equals("must") || word.equals("should")) {
                throw new IllegalStateException(RESOURCE + ": tag '" + word + "' of " + node.path("id").asString("")
                        + " is not a lower-case word other than a level");
            }
            tags.add(word);
        }
        return tags;
    }

    /** This catalogue as it applies under {@code dialect} (wire name): every entry at its level there. */
    public RequirementCatalogue forDialect(String dialect) {
        Map<String, CatalogueEntry> changed = new LinkedHashMap<>();
        entries.forEach((id, entry) -> changed.put(id, entry.forDialect(dialect)));
        return new RequirementCatalogue(changed);
    }

    private static String required(JsonNode node, String field) {
        String value = node.path(field).asString("").strip();
        if (value.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": an entry lacks '" + field + "': " + node);
        }
        return value;
    }

    public Optional<CatalogueEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    public List<CatalogueEntry> entries() {
        return List.copyOf(entries.values());
    }
}
