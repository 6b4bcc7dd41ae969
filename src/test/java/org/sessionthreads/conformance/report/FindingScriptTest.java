package org.sessionthreads.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.report.repro.FindingScript;
import org.sessionthreads.conformance.report.repro.FindingScripts;
import org.sessionthreads.conformance.report.repro.ReplayPlan;
import org.sessionthreads.conformance.report.repro.ReplayStep;
import org.sessionthreads.conformance.report.repro.ReplayStep.Credential;
import org.sessionthreads.conformance.report.repro.ReplayStep.Target;

/** repro/<n>-<ID>.sh for hand-made exploration findings: content, quoting of hostile ids, no token, sh -n. */
class FindingScriptTest {
    private static final String TOKEN = "finding-script-token-5f2a9c";
    /** A thread id a hostile target could hand out: quotes, a command substitution, a line break. */
    private static final String HOSTILE = "sthr_a'b\"$(touch pwned)\n`id`";
    private static final ReplayPlan.Ids IDS = new ReplayPlan.Ids("sess_1", "sthr_coord", HOSTILE, "sess_by",
            "sthr_by", "sess_other", "sthr_other");

    @TempDir
    Path dir;

    @Test
    void should_send_each_step_with_its_credential_from_a_hook_fixture_and_end_with_the_read() throws Exception {
        String script = FindingScript.script(1, found(plan("hook")), "http://t:8080/v1", "http://t:8080/fixtures");

        assertThat(script).startsWith("#!/bin/sh\n# Exploration finding 1: ARCH-004 view.get.status (confirmed)\n")
                .contains("[ -n \"$BASE\" ] || BASE='http://t:8080/v1'\n")
                .contains("[ -n \"$HOOK\" ] || HOOK='http://t:8080/fixtures'\n")
                .contains("SETTLE=0.2\n")
                .contains("  fixture 'idle_child'\n")
                .contains("send '1. archive the child' \"$BASE/sessions/$SESSION_ID/threads/$THREAD_ID/archive\""
                        + " -H @\"$(header_file cred \"Authorization: Bearer $CONFORMANCE_TOKEN\")\"\n")
                .contains("send '2. archive the coordinator with the token with a tab inside' \"$BASE/sessions/"
                        + "$SESSION_ID/threads/$COORDINATOR_THREAD_ID/archive\" -H @\"$(header_file cred"
                        + " \"Authorization: Bearer $(near tab)\")\" -H \"Idempotency-Key: $KEY\"\n")
                .contains("say '3. wait the settle time'\" ($SETTLE s)\"\nsleep \"$SETTLE\"")
                .contains("send '4. archive the other session''s child'".replace("''", "'\\''")
                        + " \"$BASE/sessions/$OTHER_SESSION_ID/threads/$OTHER_THREAD_ID/archive\"")
                .contains("kept_alive '5. archive the child with a wrong token on a kept-alive connection'")
                .contains("send '6. archive another session thread' \"$BASE/sessions/$SESSION_ID/threads/"
                        + "$BYSTANDER_THREAD_ID/archive\" -H 'Authorization: Bearer pt-explore-wrong-token-")
                .contains("BYSTANDER_SESSION_ID=$F_SESSION\n").contains("OTHER_THREAD_ID=$F_THREAD\n")
                .as("the read of the evidence names the script's own child")
                .contains("\nshow \"$BASE\"'/sessions/'\"$SESSION_ID\"'/threads/'\"$THREAD_ID\"\n")
                .contains("say 'What the model allowed:'\nsay 'status archived'\n")
                .endsWith("exit 0\n")
                .doesNotContain(" -L ").doesNotContain(TOKEN);
        assertThat(script.lines().filter(line -> line.contains("curl -"))).allMatch(line -> line.contains("-sS")
                && line.contains("--max-time"));
        assertThat(script.replace("\\\n", " ").lines())
                .as("a header made from the token goes through a file, never into curl's arguments")
                .noneMatch(line -> line.matches(".*-H \"[^\"]*\\$(CONFORMANCE_TOKEN|\\(swapped\\)|\\(near ).*"))
                .anyMatch(line -> line.contains("-H @\"$(auth_file)\""))
                .contains("auth_file() { header_file auth \"Authorization: Bearer $CONFORMANCE_TOKEN\"; }");
        assertThat(syntax(write("hook.sh", script))).as("sh -n").isZero();
    }

    @Test
    void should_quote_a_hostile_id_wherever_the_script_shows_it() throws Exception {
        String script = FindingScript.script(2, found(plan("hook")), "http://t:8080/v1", "");

        assertThat(script).as("the hostile id only inside single quotes")
                .contains("'status idle for sthr_a'\\''b\"$(touch pwned)\n`id`'")
                .doesNotContain("$(touch pwned)\"").doesNotContain("\n`id`\n");
        assertThat(script.lines().filter(line -> line.startsWith("#"))).noneMatch(line -> line.equals("`id`"));
        Path file = write("hostile.sh", script);
        assertThat(syntax(file)).isZero();

        Run refused = run(file, Map.of("CONFORMANCE_TOKEN", TOKEN, "SESSION_ID", "sess_1", "THREAD_ID",
                "x$(touch pwned)", "COORDINATOR_THREAD_ID", "sthr_c"));
        assertThat(refused.exit()).as(refused.out()).isEqualTo(2);
        assertThat(refused.out()).contains("refused: THREAD_ID must be letters, digits, _ . - only");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void should_ask_for_a_fixture_made_by_hand_when_the_run_did_not_use_the_hook() throws Exception {
        String script = FindingScript.script(1, found(plan("api")), "http://t:8080/v1", "");
        Path file = write("api.sh", script);
        assertThat(syntax(file)).isZero();

        Run noToken = run(file, Map.of());
        assertThat(noToken.exit()).isEqualTo(1);
        assertThat(noToken.out()).contains("CONFORMANCE_TOKEN is not set");
        Run noFixture = run(file, Map.of("CONFORMANCE_TOKEN", TOKEN));
        assertThat(noFixture.exit()).as(noFixture.out()).isEqualTo(2);
        assertThat(noFixture.out()).contains("The run made its fixtures with the api fixture strategy")
                .contains("#   1. archive the child")
                .contains("make a idle_child fixture and set SESSION_ID/THREAD_ID/COORDINATOR_THREAD_ID")
                .doesNotContain(TOKEN);
    }

    @Test
    void should_name_each_findings_script_by_its_position_and_requirement() {
        ExplorationSection section = new ExplorationSection(new ExplorationSection.Settings(1, 10, 1), "scope",
                List.of(), List.of(found(ReplayPlan.NONE), found(ReplayPlan.NONE)), 1, Duration.ZERO, List.of());

        assertThat(FindingScripts.names(section)).containsExactly("repro/01-ARCH-004.sh", "repro/02-ARCH-004.sh");
    }

    @Test
    void should_write_a_script_per_finding_into_the_bundle_without_the_token() throws Exception {
        ExplorationSection section = new ExplorationSection(new ExplorationSection.Settings(1, 10, 1), "scope",
                List.of(), List.of(found(plan("hook")), concurrent()), 1, Duration.ZERO, List.of());
        RunSummary base = RunSummary.of(RequirementCatalogue.load(), List.of(), new RunSummary.Run("profile 'p'",
                "target", "http://t/v1", Instant.EPOCH, Instant.EPOCH.plusSeconds(1)), 1, 0,
                RunSummary.Facts.of("fixtures: hook"));
        ResultsBundle.write(base.withFacts(base.facts().withExploration(Optional.of(section))),
                new BuildInfo("1.0", "abc"), dir, Optional.empty(), Optional.empty());

        String race = Files.readString(dir.resolve("repro/02-RACE-001.sh"));
        assertThat(race).contains("say '4 clients archive the child at once'").contains("wait\n")
                .doesNotContain(TOKEN);
        assertThat(syntax(dir.resolve("repro/02-RACE-001.sh"))).isZero();
        assertThat(Files.readString(dir.resolve("repro/01-ARCH-004.sh"))).doesNotContain(TOKEN);
        assertThat(BundleManifest.verify(dir).ok()).isTrue();
    }

    private static ReplayPlan plan(String provider) {
        return new ReplayPlan(List.of(new ReplayStep.Archive(Target.CHILD, Credential.PROFILE, false,
                        "archive the child"),
                new ReplayStep.Archive(Target.COORDINATOR, Credential.NEAR_TAB_INSIDE, true,
                        "archive the coordinator with the token with a tab inside"),
                new ReplayStep.Wait("wait the settle time"),
                new ReplayStep.Archive(Target.OTHER_SESSION_CHILD, Credential.PROFILE, false,
                        "archive the other session's child"),
                new ReplayStep.Archive(Target.CHILD, Credential.WRONG_TOKEN_KEPT_ALIVE, false,
                        "archive the child with a wrong token on a kept-alive connection"),
                new ReplayStep.Archive(Target.FOREIGN_THREAD, Credential.WRONG_TOKEN, false,
                        "archive another session thread")), 0, Optional.of(IDS), provider, Duration.ofMillis(200));
    }

    private static ExplorationSection.Found found(ReplayPlan plan) {
        String encoded = java.net.URLEncoder.encode(HOSTILE, StandardCharsets.UTF_8).replace("+", "%20");
        Exchange archive = exchange("POST", "http://t:8080/v1/sessions/sess_1/threads/" + encoded + "/archive");
        Exchange read = exchange("GET", "http://t:8080/v1/sessions/sess_1/threads/" + encoded);
        return new ExplorationSection.Found("ARCH-004", "view.get.status", "idle_child",
                plan.steps().stream().map(ReplayStep::label).toList(), "status archived",
                "status idle for " + HOSTILE, true, 1, List.of(archive, read), plan);
    }

    private static ExplorationSection.Found concurrent() {
        return new ExplorationSection.Found("RACE-001", "history.linearizable", "idle_child",
                List.of("4 clients archiving and reading at once"), "a linearizable history", "two archived_at",
                true, 1, List.of(), new ReplayPlan(List.of(), 4, Optional.empty(), "hook", Duration.ZERO));
    }

    private static Exchange exchange(String method, String url) {
        return new Exchange(method, url, Map.of("Authorization", List.of("Bearer [REDACTED]")), "", 200,
                Map.of(), "{\"status\":\"idle\"}", Instant.EPOCH, Duration.ofMillis(2), "conformance-1", null, true);
    }

    private Path write(String name, String script) throws IOException {
        return Files.writeString(dir.resolve(name), script);
    }

    private static int syntax(Path script) throws Exception {
        Process sh = new ProcessBuilder("sh", "-n", script.toString()).redirectErrorStream(true).start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("sh -n of " + script).isEmpty();
        return sh.exitValue();
    }

    private record Run(int exit, String out) {
    }

    private Run run(Path script, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString()).directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("CONFORMANCE_") || key.endsWith("_ID"));
        builder.environment().putAll(env);
        Process sh = builder.start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(sh.exitValue(), out);
    }
}
