package org.sessionthreads.conformance.selftest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.sessionthreads.conformance.docs.DocCommandBlocks;
import org.sessionthreads.conformance.docs.DocScript;

/**
 * The command blocks of one document run as written (docs/runner.md, "Commands in the docs are run"), in a copy of
 * the source tree that holds what a reader's checkout holds after {@code mvn package}: pom.xml, profiles/,
 * examples/ and the two jars in target/. The blocks of README.md and docs/ run from the copy's root, an example's
 * README from the example's folder. Target, token and paths come only through the variables of
 * {@link DocScript#VARIABLES}, {@code RUNNER_JAR} and {@code CI}.
 */
final class DocRun {
    private DocRun() {
    }

    /** Where the blocks ran and what they printed. */
    record Ran(Path tree, Path dir, Processes.Result result) {
    }

    /** The work folder of a document's blocks, the copy of the source tree in it, and the folder they run in. */
    record Place(Path work, Path tree, Path dir) {
    }

    /**
     * Runs the blocks of {@code doc} (a path relative to the project) against {@code server}; fails naming the
     * block that failed. Blocks whose text is a key of {@code ranElsewhere} are not run again; the blocks that ran
     * are added to it.
     */
    static Ran run(String doc, Processes.Server server, Map<String, String> ranElsewhere, Duration limit)
            throws IOException {
        List<DocCommandBlocks.Block> blocks = blocks(doc);
        Place place = place(doc);
        Processes.Result result = script(place, "blocks", blocks, ranElsewhere, server, limit);
        assertThat(result.exitCode())
                .as("%s: block %s exited %d; output:%n%s", doc, DocScript.lastAnnounced(result.output()),
                        result.exitCode(), result.output())
                .isZero();
        blocks.stream().filter(DocCommandBlocks.Block::runs)
                .forEach(b -> ranElsewhere.putIfAbsent(b.text(), b.where()));
        return new Ran(place.tree(), place.dir(), result);
    }

    /** The fenced blocks of {@code doc} (a path relative to the project), named by that path. */
    static List<DocCommandBlocks.Block> blocks(String doc) {
        return DocCommandBlocks.read(project().resolve(doc)).stream()
                .map(b -> new DocCommandBlocks.Block(Path.of(doc), b.line(), b.tag(), b.text(), b.notRun()))
                .toList();
    }

    /** A fresh copy of the source tree for the blocks of {@code doc}; they run from its root or the example's. */
    static Place place(String doc) throws IOException {
        return place(doc, "doc-" + doc.replaceAll("[^A-Za-z0-9]+", "-"));
    }

    /** The same in the work folder {@code folder}. */
    static Place place(String doc, String folder) throws IOException {
        Path work = Processes.workDir(folder);
        Path tree = copyOfTheTree(project(), work.resolve("tree"));
        Path dir = doc.startsWith("examples/") ? tree.resolve(Path.of(doc).getParent()) : tree;
        return new Place(work, tree, dir);
    }

    /**
     * {@code blocks} as one bash script ({@link DocScript}) named {@code name} in {@code place}, run in its folder
     * against {@code server} (null: blocks that name no target, {@code STAGING_*} unset) with the variables of
     * docs/runner.md; what it printed and its exit code.
     */
    static Processes.Result script(Place place, String name, List<DocCommandBlocks.Block> blocks,
            Map<String, String> ranElsewhere, Processes.Server server, Duration limit) throws IOException {
        Path script = place.work().resolve(name + ".sh");
        Files.writeString(script, DocScript.of(blocks, ranElsewhere));
        Path teamRepository = place.work().resolve("team-repository");
        Files.createDirectories(teamRepository);
        Map<String, String> env = new HashMap<>(Map.of("CONFORMANCE_TOKEN", Processes.TOKEN,
                "SUITE_DIR", place.tree().toString(), "TEAM_REPOSITORY_URL", teamRepository.toUri().toString(),
                "RUNNER_JAR", place.tree().resolve("target").resolve(Processes.runnerJar().getFileName()).toString(),
                "CI", "true"));
        if (server != null) {
            env.put("STAGING_API_URL", server.apiBase);
            env.put("STAGING_FIXTURES_URL", server.fixtures);
        }
        return Processes.run(place.dir(), env, limit, List.of("bash", script.toString()));
    }

    private static Path project() {
        return Path.of(System.getProperty("examples.dir")).getParent();
    }

    private static Path copyOfTheTree(Path project, Path tree) throws IOException {
        for (String part : List.of("pom.xml", "profiles", "examples")) {
            copy(project.resolve(part), tree.resolve(part));
        }
        Path target = Files.createDirectories(tree.resolve("target"));
        for (Path jar : List.of(Processes.runnerJar(), Processes.existing(System.getProperty("suite.jar"),
                "suite.jar"))) {
            Files.deleteIfExists(target.resolve(jar.getFileName()));
            Files.createSymbolicLink(target.resolve(jar.getFileName()), jar);
        }
        return tree;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path dest = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    Files.copy(source, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
