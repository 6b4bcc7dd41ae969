package org.sessionthreads.conformance.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rewrites the generated regions of {@code README.md} and {@code docs/*.md}. A region is
 * <pre>
 * &lt;!-- generated: NAME (GeneratedDocs; do not edit) --&gt;
 * ...
 * &lt;!-- end: NAME --&gt;
 * </pre>
 * and holds {@link DocTables} table NAME. Run after changing the catalogue, a setting, a fault or a variation:
 * {@value #COMMAND}
 */
public final class GeneratedDocs {

    static final String COMMAND = "mvn -q -Pselftest test-compile exec:java -Dexec.classpathScope=test "
            + "-Dexec.mainClass=org.sessionthreads.conformance.docs.GeneratedDocs";

    private static final Pattern REGION = Pattern.compile(
            "(<!-- generated: (\\w+) \\(GeneratedDocs; do not edit\\) -->\n)(.*?)(<!-- end: \\2 -->)", Pattern.DOTALL);

    private GeneratedDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path project = Path.of(args.length > 0 ? args[0] : ".");
        DocTables generated = new DocTables(project);
        Map<String, String> tables = generated.all();
        Path descriptions = project.resolve(DocTables.DESCRIPTIONS);
        String current = Files.exists(descriptions) ? Files.readString(descriptions) : "";
        if (!current.equals(generated.serverDescriptions())) {
            Files.createDirectories(descriptions.getParent());
            Files.writeString(descriptions, generated.serverDescriptions());
            System.out.println("rewrote " + DocTables.DESCRIPTIONS);
        }
        for (Path doc : documents(project)) {
            String text = Files.readString(doc);
            String updated = regenerate(text, tables);
            if (!updated.equals(text)) {
                Files.writeString(doc, updated);
                System.out.println("rewrote " + project.relativize(doc));
            }
        }
    }

    static List<Path> documents(Path project) throws IOException {
        List<Path> docs = new ArrayList<>(List.of(project.resolve("README.md")));
        try (Stream<Path> files = Files.list(project.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** The text with every region holding its current table; an unknown region name is an error. */
    static String regenerate(String text, Map<String, String> tables) {
        Matcher m = REGION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String table = tables.get(m.group(2));
            if (table == null) {
                throw new IllegalArgumentException("unknown generated region '" + m.group(2) + "'; known: "
                        + tables.keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + table + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The names of the regions a text holds. */
    static List<String> regions(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = REGION.matcher(text);
        while (m.find()) {
            names.add(m.group(2));
        }
        return names;
    }
}
