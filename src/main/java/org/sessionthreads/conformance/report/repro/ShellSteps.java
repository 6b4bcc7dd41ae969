package org.sessionthreads.conformance.report.repro;

import java.util.List;
import java.util.Set;

/** A finding's steps as lines of its reproduction: each archive request with its credential, or a wait. */
final class ShellSteps {
    /** GET of the fixture's child. */
    static final ShellUrl CHILD_READ = new ShellUrl("\"$BASE/sessions/$SESSION_ID/threads/$THREAD_ID\"",
            Set.of("SESSION_ID", "THREAD_ID"));

    private ShellSteps() {
    }

    /** The variables the URL of an archive of {@code target} uses. */
    static List<String> vars(ReplayStep.Target target) {
        return switch (target) {
            case CHILD -> List.of("SESSION_ID", "THREAD_ID");
            case COORDINATOR -> List.of("SESSION_ID", "COORDINATOR_THREAD_ID");
            case FOREIGN_THREAD -> List.of("SESSION_ID", "BYSTANDER_THREAD_ID");
            case UNKNOWN_THREAD, MALFORMED_THREAD -> List.of("SESSION_ID");
            case UNKNOWN_SESSION -> List.of("THREAD_ID");
            case OTHER_SESSION_CHILD -> List.of("OTHER_SESSION_ID", "OTHER_THREAD_ID");
        };
    }

    static void step(StringBuilder sh, int n, ReplayStep step) {
        String label = ReproScript.quote(n + ". " + FindingScript.comment(step.label()));
        if (step instanceof ReplayStep.Archive archive) {
            String url = archiveUrl(archive.target());
            if (archive.credential() == ReplayStep.Credential.WRONG_TOKEN_KEPT_ALIVE) {
                sh.append("kept_alive ").append(label).append(' ').append(CHILD_READ.word()).append(' ')
                        .append(url).append('\n');
                return;
            }
            sh.append("send ").append(label).append(' ').append(url).append(credential(archive.credential()))
                    .append(archive.keyed() ? " -H \"Idempotency-Key: $KEY\"" : "").append('\n');
            return;
        }
        sh.append("say ").append(label).append("\" ($SETTLE s)\"\nsleep \"$SETTLE\" 2>/dev/null || sleep 1\n");
    }

    /** {@code clients} archives of the child at once (each in the background), then their answers. */
    static void concurrent(StringBuilder sh, int clients) {
        // why: the header file is written once, before the clients start reading it
        sh.append("say '").append(clients)
                .append(" clients archive the child at once'\nauth=$(auth_file)\ni=0\nwhile [ $i -lt ")
                .append(clients).append(" ]; do\n  i=$((i + 1))\n  curl -sS --max-time \"$MAX_TIME\""
                        + " -o \"$WORK/race$i\" -w '%{http_code}' -X POST \\\n    -H @\"$auth\" ")
                .append(archiveUrl(ReplayStep.Target.CHILD)).append(" >\"$WORK/race$i.status\" 2>&1 &\ndone\n")
                .append("wait\ni=0\nwhile [ $i -lt ").append(clients).append(" ]; do\n  i=$((i + 1))\n  say \"< client"
                        + " $i: $(cat \"$WORK/race$i.status\")\"\n  cat \"$WORK/race$i\" 2>/dev/null\n  echo\ndone\n");
    }

    private static String archiveUrl(ReplayStep.Target target) {
        String path = switch (target) {
            case CHILD -> "$SESSION_ID/threads/$THREAD_ID";
            case COORDINATOR -> "$SESSION_ID/threads/$COORDINATOR_THREAD_ID";
            case FOREIGN_THREAD -> "$SESSION_ID/threads/$BYSTANDER_THREAD_ID";
            case UNKNOWN_THREAD -> "$SESSION_ID/threads/$UNKNOWN_THREAD";
            case UNKNOWN_SESSION -> "$UNKNOWN_SESSION/threads/$THREAD_ID";
            case MALFORMED_THREAD -> "$SESSION_ID/threads/not-a-thread-id";
            case OTHER_SESSION_CHILD -> "$OTHER_SESSION_ID/threads/$OTHER_THREAD_ID";
        };
        return "\"$BASE/sessions/" + path + "/archive\"";
    }

    private static String credential(ReplayStep.Credential credential) {
        return switch (credential) {
            case PROFILE -> secret("Authorization: Bearer $CONFORMANCE_TOKEN");
            case WRONG_TOKEN, WRONG_TOKEN_KEPT_ALIVE -> " -H " + ReproScript.quote("Authorization: "
                    + FindingShell.WRONG_TOKEN);
            case NONE -> "";
            case BASIC -> " -H " + ReproScript.quote("Authorization: " + FindingShell.BASIC);
            case EMPTY_BEARER -> " -H 'Authorization: Bearer '";
            case X_API_KEY -> secret("x-api-key: $CONFORMANCE_TOKEN");
            case OTHER_CASE -> secret("Authorization: Bearer $(swapped)");
            case NEAR_FIRST_CHARACTER -> near("first");
            case NEAR_LAST_CHARACTER -> near("last");
            case NEAR_TRUNCATED -> near("truncated");
            case NEAR_EXTENDED -> near("extended");
            case NEAR_SPACE_INSIDE -> near("space");
            case NEAR_TAB_INSIDE -> near("tab");
        };
    }

    private static String near(String variant) {
        return secret("Authorization: Bearer $(near " + variant + ")");
    }

    /** A header line made from the token, through a file ({@code header_file} of {@link FindingShell}). */
    private static String secret(String line) {
        return " -H @\"$(header_file cred \"" + line + "\")\"";
    }
}
