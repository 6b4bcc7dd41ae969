package org.sessionthreads.conformance.report.repro;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.report.ExplorationSection;

/**
 * The text of {@code repro/<n>-<ID>.sh}: a POSIX {@code sh} script that shows an exploration finding again on the
 * vendor's target. It takes the base URL from {@code $CONFORMANCE_TARGET} (default: the run's) and the token only from
 * {@code $CONFORMANCE_TOKEN}; gets fresh fixtures as the run did (the fixture hook, {@code $CONFORMANCE_FIXTURES},
 * default: the run's hook; or, when the run made them another way, ids set by hand: exit 2 until they are); sends the
 * minimal steps with curl, printing each request and its answer; then the read that showed the fault, and what the
 * model allowed and the target did in the confirming replay. It exits 0 when it ran through.
 */
public final class FindingScript {
    static final int MAX_TIME = 30;
    private static final int BODY_CHARS = 600;
    private static final int COMMENT_CHARS = 240;
    private static final SecureRandom RANDOM = new SecureRandom();

    private FindingScript() {
    }

    /** The script of finding {@code n} (from 1) of a run against {@code targetUrl} with the hook {@code hookUrl}. */
    public static String script(int n, ExplorationSection.Found f, String targetUrl, String hookUrl) {
        ReplayPlan plan = f.replay();
        Map<String, String> ids = ids(plan);
        ShownRead shown = ShownRead.of(f.rule(), f.evidence(), targetUrl, ids);
        Optional<Exchange> read = shown.recorded();
        ShellUrl readUrl = shown.url();
        StringBuilder sh = new StringBuilder("#!/bin/sh\n");
        header(sh, n, f);
        sh.append("set -u\nif [ -z \"${CONFORMANCE_TOKEN:-}\" ]; then\n  echo 'CONFORMANCE_TOKEN is not set: set it to"
                + " the token of the target (this script never holds it)' >&2\n  exit 1\nfi\n");
        sh.append("BASE=${CONFORMANCE_TARGET:-}\n[ -n \"$BASE\" ] || BASE=").append(ReproScript.quote(trim(targetUrl)))
                .append("\nHOOK=${CONFORMANCE_FIXTURES:-}\n[ -n \"$HOOK\" ] || HOOK=")
                .append(ReproScript.quote(trim(hookUrl))).append('\n');
        sh.append("MAX_TIME=").append(MAX_TIME).append("\nSETTLE=").append(seconds(plan.settle()))
                .append("\nKEY=\"explore-repro-$$-$(date +%s)\"\nUNKNOWN_SESSION='sess_").append(hex())
                .append("'\nUNKNOWN_THREAD='sthr_").append(hex()).append("'\nMADE=''\nWORK=$(mktemp -d) || exit 1\n");
        sh.append(FindingShell.functions());
        List<ReplayStep.Archive> archives = plan.steps().stream().filter(ReplayStep.Archive.class::isInstance)
                .map(ReplayStep.Archive.class::cast).toList();
        if (archives.stream().anyMatch(a -> a.credential().name().startsWith("NEAR_")
                || a.credential() == ReplayStep.Credential.OTHER_CASE)) {
            sh.append(FindingShell.derived());
        }
        if (archives.stream().anyMatch(a -> a.credential() == ReplayStep.Credential.WRONG_TOKEN_KEPT_ALIVE)) {
            sh.append(FindingShell.keptAlive());
        }
        List<String> needed = new ArrayList<>(readUrl.vars());
        archives.forEach(a -> needed.addAll(ShellSteps.vars(a.target())));
        sh.append("\n# The fixtures\n");
        ShellFixtures fixtures = new ShellFixtures(plan, f.kind(), f.steps());
        fixtures.main(sh, needed.contains("COORDINATOR_THREAD_ID"));
        if (needed.contains("BYSTANDER_THREAD_ID") || needed.contains("BYSTANDER_SESSION_ID")) {
            fixtures.idle(sh, "BYSTANDER", "the bystander: an idle child of another session");
        }
        if (needed.contains("OTHER_THREAD_ID") || needed.contains("OTHER_SESSION_ID")) {
            fixtures.idle(sh, "OTHER", "the other session's child");
        }
        sh.append("\n# The steps\n");
        if (plan.clients() > 0) {
            ShellSteps.concurrent(sh, plan.clients());
        }
        for (int i = 0; i < plan.steps().size(); i++) {
            ShellSteps.step(sh, i + 1, plan.steps().get(i));
        }
        sh.append("\n# The read that shows it\n");
        read.ifPresent(e -> sh.append("say ").append(ReproScript.quote("In the confirming replay: " + oneLine(
                e.summary()) + ": " + cut(e.responseBody()))).append('\n'));
        sh.append("show ").append(readUrl.word());
        read.flatMap(FindingScript::accept).ifPresent(accept -> sh.append(" -H ").append(
                ReproScript.quote("Accept: " + accept)));
        sh.append('\n');
        sh.append("\nsay ''\nsay 'What the model allowed:'\nsay ").append(ReproScript.quote(f.allowed()))
                .append("\nsay 'What the target did in the confirming replay:'\nsay ")
                .append(ReproScript.quote(f.observed())).append("\nexit 0\n");
        return sh.toString();
    }

    private static void header(StringBuilder sh, int n, ExplorationSection.Found f) {
        sh.append("# Exploration finding ").append(n).append(": ").append(f.requirement()).append(' ')
                .append(comment(f.rule())).append(f.confirmed() ? " (confirmed)" : " (not confirmed: reported,"
                        + " not failed)").append("\n# From a fresh ").append(comment(f.kind()))
                .append(", the minimal steps:\n");
        for (int i = 0; i < f.steps().size(); i++) {
            sh.append("#   ").append(i + 1).append(". ").append(comment(f.steps().get(i))).append('\n');
        }
        sh.append("# The model allowed: ").append(brief(f.allowed())).append("\n# The target did: ")
                .append(brief(f.observed())).append(" (in full at the end)\n");
        f.evidence().forEach(e -> sh.append("#   ").append(comment(e.summary())).append('\n'));
        sh.append("# Run: CONFORMANCE_TOKEN=... sh <this file> (CONFORMANCE_TARGET: the API base URL,"
                + " CONFORMANCE_FIXTURES: the fixture hook URL;\n# SESSION_ID, THREAD_ID, COORDINATOR_THREAD_ID: a"
                + " fixture of your own instead). No redirect is followed.\n");
    }

    /** The ids of the sequence shown, each with the variable that holds the script's own. */
    private static Map<String, String> ids(ReplayPlan plan) {
        Map<String, String> ids = new LinkedHashMap<>();
        plan.ids().ifPresent(i -> {
            ids.put(i.sessionId(), "SESSION_ID");
            ids.put(i.coordinatorThreadId(), "COORDINATOR_THREAD_ID");
            ids.put(i.threadId(), "THREAD_ID");
            ids.put(i.bystanderSessionId(), "BYSTANDER_SESSION_ID");
            ids.put(i.bystanderThreadId(), "BYSTANDER_THREAD_ID");
            ids.put(i.otherSessionId(), "OTHER_SESSION_ID");
            ids.put(i.otherThreadId(), "OTHER_THREAD_ID");
        });
        ids.remove(null);
        return ids;
    }

    private static Optional<String> accept(Exchange e) {
        return e.requestHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Accept"))
                .flatMap(h -> h.getValue().stream()).findFirst();
    }

    /** {@code 0.2} for 200 ms: what {@code sleep} takes. */
    static String seconds(java.time.Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private static String hex() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String trim(String url) {
        return url == null ? "" : url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String brief(String text) {
        String line = oneLine(text);
        return line.length() <= COMMENT_CHARS ? line : line.substring(0, COMMENT_CHARS) + "…";
    }

    private static String cut(String body) {
        String text = oneLine(body);
        return text.length() <= BODY_CHARS ? text : text.substring(0, BODY_CHARS) + "…";
    }

    /** Text on one comment line: no line break or other control character. */
    static String comment(String text) {
        return oneLine(text);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }
}
