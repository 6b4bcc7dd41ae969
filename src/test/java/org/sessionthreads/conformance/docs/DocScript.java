package org.sessionthreads.conformance.docs;

import java.util.List;
import java.util.Map;

import org.sessionthreads.conformance.docs.DocCommandBlocks.Block;

/**
 * The blocks of one document that run, as one bash script: in the document's order and in one shell, as a reader
 * types them into one terminal (an {@code export} or {@code cd} of a block holds for the next ones). The script
 * stops at the first failing command ({@code errexit}, {@code pipefail}) with that command's exit code; each block
 * is announced by a line {@value #ANNOUNCE}{@code <doc>:<line>}, so the last such line names the block that failed.
 * Whatever a block left running in the background (a server started with {@code &}) is ended when the script exits.
 */
public final class DocScript {
    /** The variables through which the tests hand the blocks a target, a token and paths (docs/runner.md). */
    public static final List<String> VARIABLES = List.of("CONFORMANCE_TOKEN", "STAGING_API_URL",
            "STAGING_FIXTURES_URL", "SUITE_DIR", "TEAM_REPOSITORY_URL");
    public static final String ANNOUNCE = "### doc block ";

    private DocScript() {
    }

    /**
     * The script of {@code blocks} (those that {@link Block#runs() run}); a block whose exact text is a key of
     * {@code ranElsewhere} is not run again: its announcement names where it ran instead.
     */
    public static String of(List<Block> blocks, Map<String, String> ranElsewhere) {
        StringBuilder script = new StringBuilder("""
                set -o errexit -o pipefail
                trap 'for job in $(jobs -p); do kill "$job" 2>/dev/null || true; done; wait' EXIT
                """);
        for (Block block : blocks) {
            if (!block.runs()) {
                continue;
            }
            String where = ranElsewhere.get(block.text());
            if (where != null) {
                script.append("echo '").append(ANNOUNCE).append(block.where()).append(": the same as ")
                        .append(where).append(", run there'\n");
                continue;
            }
            script.append("echo '").append(ANNOUNCE).append(block.where()).append("'\n").append(block.text());
        }
        return script.toString();
    }

    /** The block that was running when a script printed {@code output}: the last one announced. */
    public static String lastAnnounced(String output) {
        List<String> announced = output.lines().filter(l -> l.startsWith(ANNOUNCE)).toList();
        return announced.isEmpty() ? "(none)" : announced.get(announced.size() - 1).substring(ANNOUNCE.length());
    }
}
