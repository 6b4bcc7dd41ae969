package org.sessionthreads.conformance.report.repro;

import java.util.List;

/**
 * How a finding's reproduction gets its fixtures: ids set by hand when given ({@code SESSION_ID}, …); otherwise, when
 * the run made its fixtures through the fixture hook, a fresh one from the hook (released when the script ends);
 * otherwise the kind can only be made through the public API (or was pre-provisioned), and the script prints its
 * steps and exits 2 until the ids are set.
 */
final class ShellFixtures {
    private final ReplayPlan plan;
    private final String kind;
    private final List<String> steps;

    ShellFixtures(ReplayPlan plan, String kind, List<String> steps) {
        this.plan = plan;
        this.kind = kind;
        this.steps = List.copyOf(steps);
    }

    /** The finding's fixture: {@code SESSION_ID}, {@code THREAD_ID} and, when a step needs it, the coordinator. */
    void main(StringBuilder sh, boolean coordinator) {
        List<String> vars = coordinator ? List.of("SESSION_ID", "THREAD_ID", "COORDINATOR_THREAD_ID")
                : List.of("SESSION_ID", "THREAD_ID");
        obtain(sh, vars, kind, "a " + kind + " fixture",
                "SESSION_ID=$F_SESSION\nCOORDINATOR_THREAD_ID=$F_COORDINATOR\nTHREAD_ID=$F_THREAD\n");
    }

    /** An idle child of another session, in {@code <prefix>_SESSION_ID} and {@code <prefix>_THREAD_ID}. */
    void idle(StringBuilder sh, String prefix, String words) {
        obtain(sh, List.of(prefix + "_SESSION_ID", prefix + "_THREAD_ID"), "idle_child", words + " (an idle_child"
                + " fixture)", prefix + "_SESSION_ID=$F_SESSION\n" + prefix + "_THREAD_ID=$F_THREAD\n");
    }

    private void obtain(StringBuilder sh, List<String> vars, String wireKind, String words, String fromHook) {
        String set = String.join(" ", vars.stream().map(v -> "[ -n \"${" + v + ":-}\" ]").toList()).replace("] [",
                "] && [");
        String names = String.join("/", vars);
        sh.append("# ").append(words).append('\n');
        sh.append("if ").append(set).append("; then\n");
        vars.forEach(v -> sh.append("  given ").append(v).append(" \"$").append(v).append("\"\n"));
        sh.append("else\n");
        if (plan.viaHook()) {
            sh.append("  fixture ").append(ReproScript.quote(wireKind)).append('\n');
            fromHook.lines().forEach(line -> sh.append("  ").append(line).append('\n'));
        } else {
            String how = plan.provider().isEmpty() ? "not through the fixture hook"
                    : "with the " + FindingScript.comment(plan.provider()) + " fixture strategy";
            sh.append("  say ").append(ReproScript.quote("The run made its fixtures " + how + ": a " + wireKind
                    + " fixture can only be made through the public API here. The steps, once it is made:")).append('\n');
            for (int i = 0; i < steps.size(); i++) {
                sh.append("  say ").append(ReproScript.quote("#   " + (i + 1) + ". " + FindingScript.comment(
                        steps.get(i)))).append('\n');
            }
            sh.append("  say ").append(ReproScript.quote("make a " + wireKind + " fixture and set " + names))
                    .append(" >&2\n  exit 2\n");
        }
        sh.append("fi\n");
    }
}
