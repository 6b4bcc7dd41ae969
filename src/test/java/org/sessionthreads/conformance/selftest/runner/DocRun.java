package org.sessionthreads.conformance.selftest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    /**
     * Runs the blocks of {@code doc} (a path relative to the project) against {@code server}; fails naming the
     * block that failed. Blocks whose text is a key of {@code ranElsewhere} are not run again; the blocks that ran
     * are added to it.
     */
    static Ran run(String doc, Processes.Server server, Map<String, String> ranElsewhere, Duration limit)
            throws IOException {
        Path project = Path.of(System.getProperty("examples.dir")).getParent();
        List<DocCommandBlocks.Block> blocks = DocCommandBlocks.read(project.resolve(doc)).stream()
                .map(b -> new DocCommandBlocks.Block(Path.of(doc), b.line(), b.tag(), b.text(), b.notRun()))
                .toList();
        Path work = Processes.workDir("doc-" + doc.replaceAll("[^A-Za-z0-9]+", "-"));
        Path tree = copyOfTheTree(project, work.resolve("tree"));
        Path dir = doc.startsWith("examples/") ? tree.resolve(Path.of(doc).getParent()) : tree;
        Path script = work.resolve("blocks.sh");
        Files.writeString(script, DocScript.of(blocks, ranElsewhere));
        Path teamRepository = work.resolve("team-repository");
        Files.createDirectories(teamRepository);
        Map<String, String> env = Map.of("CONFORMANCE_TOKEN", Processes.TOKEN, "STAGING_API_URL", server.apiBase,
                "STAGING_FIXTURES_URL", server.fixtures, "SUITE_DIR", tree.toString(),
                "TEAM_REPOSITORY_URL", teamRepository.toUri().toString(),
                "RUNNER_JAR", tree.resolve("target").resolve(Processes.runnerJar().getFileName()).toString(),
                "CI", "true");
        Processes.Result result = Processes.run(dir, env, limit, List.of("bash", script.toString()));
        assertThat(result.exitCode())
                .as("%s: block %s exited %d; output:%n%s", doc, DocScript.lastAnnounced(result.output()),
                        result.exitCode(), result.output())
                .isZero();
        blocks.stream().filter(DocCommandBlocks.Block::runs)
                .forEach(b -> ranElsewhere.putIfAbsent(b.text(), b.where()));
        return new Ran(tree, dir, result);
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
