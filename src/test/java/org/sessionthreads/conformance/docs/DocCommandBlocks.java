package org.sessionthreads.conformance.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fenced blocks of the documents whose commands the project's tests run (docs/runner.md, "Commands in the docs
 * are run"): README.md, docs/runner.md, docs/explore.md (its certify gate) and every example's README.md. A block
 * tagged {@code sh} is commands; any other tag ({@code text}, {@code http}, {@code yaml}) is not. A {@code sh} block
 * that cannot run here has, as the paragraph right above it, the visible line {@code *Not run by the tests: <why>.*}.
 */
public final class DocCommandBlocks {
    /** The tag of a block of commands. */
    public static final String COMMANDS = "sh";
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*(\\S*)\\s*$");
    private static final Pattern NOT_RUN = Pattern.compile("^\\*Not run by the tests: (.+)\\*$");

    private DocCommandBlocks() {
    }

    /** One fenced block: where it opens (1-based line), its tag, its text, and why it is not run, if marked. */
    public record Block(Path doc, int line, String tag, String text, Optional<String> notRun) {
        public boolean isCommands() {
            return COMMANDS.equals(tag);
        }

        public boolean runs() {
            return isCommands() && notRun.isEmpty();
        }

        public String where() {
            return doc + ":" + line;
        }
    }

    /** The documents of {@code project} whose blocks are checked, in the order a reader meets them. */
    public static List<Path> documents(Path project) {
        List<Path> docs = new ArrayList<>(List.of(project.resolve("README.md"), project.resolve("docs/runner.md"),
                project.resolve("docs/explore.md")));
        try (Stream<Path> examples = Files.list(project.resolve("examples"))) {
            examples.map(dir -> dir.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    public static List<Block> read(Path doc) {
        try {
            return parse(doc, Files.readAllLines(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Block> parse(Path doc, List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                i++;
                continue;
            }
            int indent = open.group(1).length();
            StringBuilder text = new StringBuilder();
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).strip().equals("```")) {
                String line = lines.get(j);
                text.append(line.length() >= indent && line.substring(0, indent).isBlank()
                        ? line.substring(indent) : line.stripLeading()).append('\n');
                j++;
            }
            if (j == lines.size()) {
                throw new IllegalStateException(doc + ":" + (i + 1) + ": a fenced block that never closes");
            }
            blocks.add(new Block(doc, i + 1, open.group(2), text.toString(), marker(lines, i)));
            i = j + 1;
        }
        return blocks;
    }

    /** The reason in the paragraph right above the fence at {@code fence}, when it is the not-run marker. */
    private static Optional<String> marker(List<String> lines, int fence) {
        int end = fence - 1;
        while (end >= 0 && lines.get(end).isBlank()) {
            end--;
        }
        int start = end;
        while (start > 0 && !lines.get(start - 1).isBlank()) {
            start--;
        }
        if (end < 0) {
            return Optional.empty();
        }
        String paragraph = String.join(" ", lines.subList(start, end + 1).stream().map(String::strip).toList());
        Matcher m = NOT_RUN.matcher(paragraph);
        return m.matches() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }
}
