package org.sessionthreads.conformance.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.docs.DocCommandBlocks.Block;

/**
 * The conventions of the documents whose commands the tests run (docs/runner.md, "Commands in the docs are run"),
 * checked without running anything; running them is DocCommandsRunnerIT's.
 */
class DocCommandBlocksTest {
    private static final Path DOC = Path.of("doc.md");

    @Test
    void should_read_tags_text_and_the_not_run_marker_of_each_block() {
        List<Block> blocks = DocCommandBlocks.parse(DOC, List.of(
                "Intro.", "", "```sh", "echo one", "```", "",
                "*Not run by the tests: needs a", "real deployment.*", "", "```sh", "curl x", "```",
                "- item", "  ```text", "  indented", "    more", "  ```", "```", "untagged", "```"));

        assertThat(blocks).extracting(Block::line).containsExactly(3, 10, 14, 18);
        assertThat(blocks).extracting(Block::tag).containsExactly("sh", "sh", "text", "");
        assertThat(blocks.get(0).text()).isEqualTo("echo one\n");
        assertThat(blocks.get(0).runs()).isTrue();
        assertThat(blocks.get(1).notRun()).contains("needs a real deployment.");
        assertThat(blocks.get(1).runs()).isFalse();
        assertThat(blocks.get(2).text()).isEqualTo("indented\n  more\n");
        assertThat(blocks.get(2).isCommands()).isFalse();
    }

    @Test
    void should_not_take_an_ordinary_italic_paragraph_for_the_marker() {
        List<Block> blocks = DocCommandBlocks.parse(DOC, List.of("*Run this first.*", "```sh", "true", "```"));
        assertThat(blocks.get(0).notRun()).isEmpty();
    }

    @Test
    void should_tag_every_block_of_the_checked_documents() {
        for (Path doc : DocCommandBlocks.documents(Path.of(""))) {
            for (Block block : DocCommandBlocks.read(doc)) {
                assertThat(block.tag()).as("%s: tag the block (sh for commands, text, http, yaml for the rest)",
                        block.where()).isNotEmpty();
            }
        }
    }

    @Test
    void should_name_no_made_up_host_or_placeholder_in_a_block_that_runs() {
        for (Path doc : DocCommandBlocks.documents(Path.of(""))) {
            for (Block block : DocCommandBlocks.read(doc)) {
                if (block.runs()) {
                    assertThat(block.text()).as("%s runs as written: put the reader's values in the variables of"
                                    + " docs/runner.md (STAGING_API_URL, ...) or mark the block not run", block.where())
                            .doesNotContain("example.com").doesNotContain("<version>").doesNotContain("…")
                            .doesNotContainPattern("=\\.\\.\\.(\\s|$)").doesNotContainPattern("\\[--?[a-z]");
                }
            }
        }
    }

    @Test
    void should_run_a_documents_blocks_in_order_announcing_each_and_skipping_what_ran_elsewhere() {
        List<Block> blocks = List.of(
                new Block(DOC, 3, "sh", "echo one\n", Optional.empty()),
                new Block(DOC, 9, "sh", "mvn deploy\n", Optional.of("needs a repository")),
                new Block(DOC, 12, "text", "not a command\n", Optional.empty()),
                new Block(DOC, 20, "sh", "echo two\n", Optional.empty()));

        String script = DocScript.of(blocks, Map.of("echo two\n", "README.md:40"));

        assertThat(script).startsWith("set -o errexit -o pipefail\n")
                .contains("echo '### doc block doc.md:3'\necho one\n")
                .contains("doc.md:20: the same as README.md:40, run there")
                .doesNotContain("mvn deploy").doesNotContain("not a command").doesNotContain("echo two\n");
        assertThat(DocScript.lastAnnounced("x\n### doc block doc.md:3\ny\n### doc block doc.md:20\nfailed"))
                .isEqualTo("doc.md:20");
    }
}
