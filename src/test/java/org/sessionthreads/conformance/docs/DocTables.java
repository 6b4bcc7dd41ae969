package org.sessionthreads.conformance.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.sessionthreads.conformance.catalogue.CatalogueEntry;
import org.sessionthreads.conformance.catalogue.DialectExpectation;
import org.sessionthreads.conformance.catalogue.Level;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.config.Dialect;
import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.config.SettingReference;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.Variation;
import org.sessionthreads.conformance.selftest.ScenarioMethods;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The tables of {@code docs/} that are made from the code and data rather than written by hand: the requirement
 * catalogue (from {@code requirements.yaml}), the settings (from {@link SettingReference} and the shipped
 * profiles), and the reference server's faults and variations (from the enums and their Javadoc).
 *
 * <p>Each table is a pure function of the project's files, so {@link GeneratedDocsTest} can tell a stale document
 * from a current one.
 */
final class DocTables {

    private final Path projectDir;

    DocTables(Path projectDir) {
        this.projectDir = projectDir;
    }

    /** Table name → Markdown, in the order the documents use them. */
    Map<String, String> all() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("counts", counts());
        tables.put("catalogue", catalogue());
        tables.put("dialects", dialects());
        tables.put("settings", settings());
        tables.put("faults", faults());
        tables.put("variations", variations());
        return tables;
    }

    /** The numbers README states, counted from the catalogue and the scenario methods. */
    String counts() {
        List<CatalogueEntry> entries = RequirementCatalogue.load().entries();
        Map<Level, Long> levels = entries.stream().collect(Collectors.groupingBy(CatalogueEntry::level,
                TreeMap::new, Collectors.counting()));
        String channels = Arrays.stream(EventChannel.values()).map(EventChannel::wireName)
                .collect(Collectors.joining(", "));
        return "The catalogue holds " + entries.size() + " requirements (" + levels.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + ").\nA whole run on "
                + "the reference profile is " + ScenarioMethods.invocations(Dialect.DEFAULT) + " test invocations (`Tests "
                + "run`): " + ScenarioMethods.scenarios().size() + " scenario methods, the "
                + ScenarioMethods.eventScenarios() + " event scenarios among them once per event channel ("
                + channels + "), parameterized ones once per case, and the end-of-run audit's checks.\n";
    }

    String catalogue() {
        StringBuilder out = new StringBuilder(
                "| id | level | requirement | the page says | reading the suite takes |\n|---|---|---|---|---|\n");
        for (CatalogueEntry e : RequirementCatalogue.load().entries()) {
            out.append(row(e.id(), e.level().name(), e.title(), e.text(), e.reading()));
        }
        return out.toString();
    }

    /** Per requirement, what each dialect expects (or why it is DISABLED there), with the source page. */
    String dialects() {
        List<String> dialects = Arrays.stream(Dialect.values()).map(Dialect::wireName).toList();
        StringBuilder out = new StringBuilder("| requirement | level | " + String.join(" | ", dialects) + " |\n|---|---|"
                + "---|".repeat(dialects.size()) + "\n");
        for (CatalogueEntry entry : RequirementCatalogue.load().entries()) {
            List<String> cells = new ArrayList<>(List.of(entry.id() + " " + entry.title(), entry.level().name()));
            for (String dialect : dialects) {
                DialectExpectation e = entry.expectationIn(dialect);
                String what = e.disabled().map(reason -> "**DISABLED**: " + reason)
                        .orElseGet(() -> e.level().map(level -> "**" + level + "** ").orElse("") + e.expects());
                cells.add(cell(what) + " <br>_" + cell(e.source()) + "_");
            }
            out.append(row(cells.toArray(String[]::new)));
        }
        return out.toString();
    }

    String settings() {
        Map<String, Map<String, String>> shipped = shippedProfiles();
        StringBuilder out = new StringBuilder("| key | default | meaning |\n|---|---|---|\n");
        for (SettingReference.Entry e : SettingReference.entries()) {
            String where = shipped.entrySet().stream()
                    .flatMap(p -> p.getValue().entrySet().stream()
                            .filter(kv -> e.describes(kv.getKey()))
                            .map(kv -> e.key().contains(".<")
                                    ? "set in `" + p.getKey() + "`"
                                    : "`" + kv.getValue() + "` in `" + p.getKey() + "`"))
                    .distinct().collect(Collectors.joining("; "));
            String shown = where.isEmpty() ? e.defaultValue() : e.defaultValue() + " (" + where + ")";
            out.append(row("`" + e.key() + "`", shown, e.meaning()));
        }
        return out.toString();
    }

    String faults() {
        Map<String, String> javadoc = javadocOf(Fault.class);
        StringBuilder out = new StringBuilder(
                "| fault | breaks | applied by | what the server does wrong |\n|---|---|---|---|\n");
        for (Fault f : Fault.values()) {
            String breaks = f.expectedError().map(cause -> "ERROR naming \"" + cause + "\"")
                    .orElse(String.join(", ", f.breaks()));
            String appliedBy = (f.seam().substitutes() ? "substitutes `" : "check in `") + f.seam().where() + "`";
            String survivor = f.knownSurvivor().map(reason -> " Known survivor: " + reason).orElse("");
            out.append(row("`" + f.name() + "`", breaks, appliedBy, javadoc.getOrDefault(f.name(), "") + survivor));
        }
        return out.toString();
    }

    /**
     * The shipped resource {@value #DESCRIPTIONS}: each fault's and variation's Javadoc as one plain line, for
     * {@code serve --help} (the Javadoc is not there at run time).
     */
    String serverDescriptions() {
        StringBuilder out = new StringBuilder("# What each fault and variation of the reference server does, for"
                + " 'serve --help'.\n# Generated from the Javadoc of refserver.Fault and refserver.Variation by"
                + " GeneratedDocs; do not edit.\n");
        Map<String, String> faults = javadocOf(Fault.class);
        for (Fault f : Fault.values()) {
            out.append("fault.").append(f.name()).append('=').append(plain(faults.getOrDefault(f.name(), ""))).append('\n');
        }
        Map<String, String> variations = javadocOf(Variation.class);
        for (Variation v : Variation.values()) {
            out.append("variation.").append(v.name()).append('=').append(plain(variations.getOrDefault(v.name(), "")))
                    .append('\n');
        }
        return out.toString();
    }

    static final String DESCRIPTIONS = "src/main/resources/refserver/descriptions.properties";

    /** The first sentence, without Markdown's backticks, escaped for a properties file. */
    private static String plain(String markdown) {
        String text = markdown.replace("`", "");
        Matcher end = Pattern.compile("(?<!e\\.g|i\\.e|etc)\\.\\s+(?=[A-Z(])").matcher(text);
        return (end.find() ? text.substring(0, end.start() + 1) : text).replace("\\", "\\\\");
    }

    String variations() {
        Map<String, String> javadoc = javadocOf(Variation.class);
        StringBuilder out = new StringBuilder("| variation | what the server does (conformant) |\n|---|---|\n");
        for (Variation v : Variation.values()) {
            out.append(row("`" + v.name() + "`", javadoc.getOrDefault(v.name(), "")));
        }
        return out.toString();
    }

    private static String row(String... cells) {
        return "| " + Arrays.stream(cells).map(DocTables::cell).collect(Collectors.joining(" | ")) + " |\n";
    }

    private static String cell(String text) {
        return text.strip().replaceAll("\\s+", " ").replace("|", "\\|");
    }

    /** profile name → its own flattened keys (what it sets itself, not what it inherits). */
    private Map<String, Map<String, String>> shippedProfiles() {
        Map<String, Map<String, String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(projectDir.resolve("profiles"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.toString().endsWith(".waivers.yaml")).sorted().toList()) {
                Map<String, String> flat = new TreeMap<>();
                flatten("", YAMLMapper.builder().build().readTree(Files.readString(file)), flat);
                flat.keySet().removeIf(k -> k.equals("extends") || k.equals("description"));
                out.put(file.getFileName().toString().replace(".yaml", ""), flat);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix + e.getKey() + ".", e.getValue(), out));
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asString()));
            out.put(prefix.substring(0, prefix.length() - 1), "[" + String.join(", ", items) + "]");
        } else if (!prefix.isEmpty()) {
            out.put(prefix.substring(0, prefix.length() - 1), node.asString());
        }
    }

    private static final Pattern CONSTANT_DOC = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*([A-Z][A-Z0-9_]+)\\s*[(,;]", Pattern.DOTALL);

    /** Constant name → its Javadoc as one Markdown line, read from the enum's source file. */
    private Map<String, String> javadocOf(Class<? extends Enum<?>> type) {
        Path source = projectDir.resolve("src/main/java").resolve(type.getName().replace('.', '/') + ".java");
        Map<String, String> out = new LinkedHashMap<>();
        try {
            Matcher m = CONSTANT_DOC.matcher(Files.readString(source));
            while (m.find()) {
                out.put(m.group(2), markdown(m.group(1), type));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String markdown(String javadoc, Class<?> type) {
        String text = javadoc.lines().map(l -> l.strip().replaceFirst("^\\*\\s?", ""))
                .collect(Collectors.joining(" "));
        Matcher value = Pattern.compile("\\{@value #(\\w+)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (value.find()) {
            value.appendReplacement(out, Matcher.quoteReplacement(constant(type, value.group(1))));
        }
        value.appendTail(out);
        return out.toString()
                .replaceAll("\\{@(?:code|link|linkplain) ([^}]*)}", "`$1`")
                .replaceAll("</?(?:p|em|b|i)>", "")
                .replaceAll("\\s+", " ").strip();
    }

    private static String constant(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return String.valueOf(field.get(null));
        } catch (ReflectiveOperationException e) {
            return name;
        }
    }
}
