package org.sessionthreads.conformance.selftest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The CI examples, linted and run for real against a reference server started from the runner jar, with the jar
 * this build made handed over in {@code RUNNER_JAR} and its SHA-256 in {@code RUNNER_SHA256}, and
 * {@code CONFORMANCE_ARGS=--only ARCH-001} so each run takes seconds (without it the examples run the whole suite).
 * The linters and gitlab-ci-local come from the npm registry at pinned versions (.ci/run installs Node.js, npm and
 * rsync, which gitlab-ci-local needs, when they are missing). The GitLab job runs under {@code gitlab-ci-local}
 * with the shell executor, once with the fixture hook (ARCH-001 PASS) and once without (ARCH-001 UNTESTABLE, exit
 * 0); the GitHub workflow's job runs through {@link WorkflowRun}, fetching the jar as it does by default, from a
 * team's repository. A wrong SHA-256 must fail each, so a pass means
 * something; each linter must reject a broken copy.
 */
class CiExamplesRunnerIT {
    static final String ACTION_VALIDATOR = "@action-validator/cli@0.6.0";
    // why 4.72.0: later releases need Node.js 22 (Set.prototype.union); this one runs on the machine's Node.js 20
    static final String GITLAB_CI_LOCAL = "gitlab-ci-local@4.72.0";
    private static final Duration JOB = Duration.ofMinutes(4);
    private static final String ARGS = "--only ARCH-001";
    private static Path tools;
    private static Processes.Server server;
    private static String sha256;

    @BeforeAll
    static void installToolsAndServe() throws IOException, NoSuchAlgorithmException {
        tools = Processes.workDir("linters");
        Processes.Result npm = Processes.run(tools, Map.of(), Duration.ofMinutes(5), List.of("npm", "install",
                "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", tools.toString(), ACTION_VALIDATOR,
                GITLAB_CI_LOCAL));
        assertThat(npm.exitCode()).as(npm.output()).isZero();
        sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(Processes.runnerJar())));
        server = Processes.Server.fromJar();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theGitHubWorkflowPassesActionValidator() throws IOException {
        Processes.Result ok = actionValidator(workflow());
        assertThat(ok.exitCode()).as(ok.output()).isZero();

        Path broken = Processes.workDir("linters").resolve("broken-workflow.yml");
        Files.writeString(broken, Files.readString(workflow()).replace("if: always()", "iff: always()"));
        Processes.Result rejected = actionValidator(broken);
        assertThat(rejected.exitCode()).as(rejected.output()).isNotZero();
        assertThat(rejected.output()).contains("iff");
    }

    @Test
    void theGitLabJobPassesGitlabCiLocalSchemaValidation() throws IOException {
        Processes.Result ok = gitlabCiLocal(gitlabJob(), "gitlab-ok", List.of("--list"), Map.of());
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("json schema validated").contains("conformance");

        Processes.Result rejected = gitlabCiLocal(gitlabJob().replace("when: always", "when: sometimes"),
                "gitlab-broken", List.of("--list"), Map.of());
        assertThat(rejected.exitCode()).as(rejected.output()).isNotZero();
        assertThat(rejected.output()).contains("sometimes");
    }

    @Test
    void theGitLabJobRunsGreenWithTheFixtureHook() throws IOException {
        Processes.Result job = gitlabRun("gitlab-hook", Map.of("STAGING_FIXTURES_URL", server.fixtures,
                "RUNNER_SHA256", sha256));
        assertThat(job.exitCode()).as(job.output()).isZero();
        assertThat(job.output()).contains("PASS  conformance").contains("# Conformance summary");
        assertVerdict(Processes.workDir("gitlab-hook").resolve("reports"), "PASS");
        PackagedJarRunnerIT.assertTokenNowhere(Processes.workDir("gitlab-hook"));
    }

    @Test
    void theGitLabJobWithoutAHookEndsUntestableAndExits0() throws IOException {
        Processes.Result job = gitlabRun("gitlab-no-hook", Map.of("RUNNER_SHA256", sha256));
        assertThat(job.exitCode()).as(job.output()).isZero();
        assertThat(job.output()).contains("PASS  conformance");
        assertVerdict(Processes.workDir("gitlab-no-hook").resolve("reports"), "UNTESTABLE");
    }

    @Test
    void theGitLabJobFailsOnAJarOfAnotherSha256() throws IOException {
        Processes.Result job = gitlabRun("gitlab-bad-sha", Map.of("RUNNER_SHA256", "0".repeat(64)));
        assertThat(job.exitCode()).as(job.output()).isNotZero();
        assertThat(job.output()).contains("FAILED").doesNotContain("[runner] exit");
    }

    /**
     * The default path: no RUNNER_JAR, so the job fetches the pinned artifact with Maven, from a team's repository
     * (a {@code file:} one here) that the workspace's {@code .mvn/maven.config} names, as a team's repository would;
     * the version pinned is the one this build made, deployed there as docs/runner.md says.
     */
    @Test
    void theGitHubJobFetchesThePinnedJarFromTheTeamsRepositoryAndRunsItsStepsInOrderGreen() throws IOException {
        Path dir = Processes.workDir("github-team-repository");
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        mavenSettingsWithTeamRepository(dir, workspace);
        WorkflowRun.Result job = WorkflowRun.run(workflow(), "conformance",
                githubContext(Map.of("vars.RUNNER_JAR", "", "vars.STAGING_FIXTURES_URL", server.fixtures,
                        "vars.RUNNER_SHA256", sha256)),
                Map.of("SUITE_VERSION", System.getProperty("suite.version")), workspace, JOB);

        assertThat(job.succeeded()).as(job.output()).isTrue();
        // why: the optional steps need the previous run's bundle, which a first run has not (gh is not here either)
        assertThat(job.steps()).allMatch(s -> s.uses() != null || s.exitCode() != null
                || s.name().endsWith("(optional)"));
        assertThat(job.action("actions/setup-java").with().get("java-version"))
                .isEqualTo(String.valueOf(Runtime.version().feature()));
        assertThat(workspace.resolve(job.action("actions/upload-artifact").with().get("path"))).isDirectory();
        assertThat(workspace.resolve(job.action("mikepenz/action-junit-report").with().get("report_paths")))
                .isRegularFile();
        assertThat(Files.readString(workspace.resolveSibling("step-summary.md"))).startsWith("# Conformance summary");
        assertVerdict(workspace.resolve("reports"), "PASS");
        PackagedJarRunnerIT.assertTokenNowhere(workspace.getParent());
    }

    /** Deploys this build's jars to a {@code file:} repository and points the workspace's Maven at it. */
    private static void mavenSettingsWithTeamRepository(Path dir, Path workspace) throws IOException {
        Path repository = Files.createDirectories(dir.resolve("team-repository"));
        Path suiteJar = Processes.existing(System.getProperty("suite.jar"), "suite.jar");
        Processes.Result deploy = Processes.run(dir, Map.of(), Duration.ofMinutes(5), List.of(
                Processes.mvn(), "-B", "-q",
                "org.apache.maven.plugins:maven-deploy-plugin:3.1.4:deploy-file", "-DrepositoryId=team",
                "-Durl=" + repository.toUri(), "-Dfile=" + suiteJar,
                "-DpomFile=" + Processes.existing(System.getProperty("suite.pom"), "suite.pom"),
                "-Dfiles=" + Processes.runnerJar(), "-Dclassifiers=runner", "-Dtypes=jar"));
        assertThat(deploy.exitCode()).as(deploy.output()).isZero();
        Path settings = dir.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <profiles><profile><id>team</id><repositories><repository>
                    <id>team</id><url>%s</url><snapshots><updatePolicy>always</updatePolicy></snapshots>
                  </repository></repositories></profile></profiles>
                  <activeProfiles><activeProfile>team</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository.toUri()));
        Files.createDirectories(workspace.resolve(".mvn"));
        Files.writeString(workspace.resolve(".mvn/maven.config"), "--settings=" + settings + "\n");
    }

    @Test
    void theGitHubJobFailsOnAJarOfAnotherSha256AndStillRunsItsAlwaysSteps() throws IOException {
        Path workspace = Processes.workDir("github-bad-sha").resolve("workspace");
        Files.createDirectories(workspace);
        WorkflowRun.Result job = WorkflowRun.run(workflow(), "conformance",
                githubContext(Map.of("vars.RUNNER_SHA256", "0".repeat(64))), workspace, JOB);

        assertThat(job.succeeded()).as(job.output()).isFalse();
        List<Integer> scripts = job.steps().stream().filter(s -> s.uses() == null).map(WorkflowRun.Step::exitCode)
                .toList();
        // the fetch fails; the optional fetch of the previous bundle and the run are skipped after it; the summary
        // step runs (always); the comparison has no previous bundle to compare with
        assertThat(scripts).as(job.output()).containsExactly(1, null, null, 0, null);
    }

    private static void assertVerdict(Path reports, String verdict) throws IOException {
        JsonNode summary = PackagedJarRunnerIT.summary(reports);
        assertThat(summary.get("exit_code").asInt()).isZero();
        assertThat(PackagedJarRunnerIT.requirement(summary, "ARCH-001").get("verdict").asString()).isEqualTo(verdict);
    }

    private static Map<String, String> githubContext(Map<String, String> more) {
        Map<String, String> context = new LinkedHashMap<>(Map.of("vars.RUNNER_JAR", Processes.runnerJar().toString(),
                "vars.STAGING_API_URL", server.apiBase, "vars.CONFORMANCE_ARGS", ARGS,
                "secrets.STAGING_API_TOKEN", Processes.TOKEN));
        context.putAll(more);
        return context;
    }

    /** The GitLab job under gitlab-ci-local's shell executor, with the token in the environment only. */
    private static Processes.Result gitlabRun(String name, Map<String, String> more) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>(Map.of("SUITE_VERSION", System.getProperty("suite.version"),
                "RUNNER_JAR", Processes.runnerJar().toString(), "STAGING_API_URL", server.apiBase,
                "CONFORMANCE_ARGS", ARGS));
        variables.putAll(more);
        List<String> options = new ArrayList<>(List.of("--force-shell-executor"));
        variables.forEach((k, v) -> options.addAll(List.of("--variable", k + "=" + v)));
        options.add("conformance");
        return gitlabCiLocal(gitlabJob(), name, options, Map.of("CONFORMANCE_TOKEN", Processes.TOKEN));
    }

    private static Path workflow() {
        return Path.of(System.getProperty("examples.dir"), "github-actions", "conformance.yml");
    }

    private static String gitlabJob() throws IOException {
        return Files.readString(Path.of(System.getProperty("examples.dir"), "gitlab-ci", ".gitlab-ci.yml"));
    }

    private static Processes.Result actionValidator(Path workflow) {
        return Processes.run(tools, Map.of(), Duration.ofMinutes(2), List.of(
                tools.resolve("node_modules/.bin/action-validator").toString(), workflow.toString()));
    }

    /** gitlab-ci-local reads .gitlab-ci.yml of a git work tree; the file goes into a fresh one. */
    private static Processes.Result gitlabCiLocal(String yaml, String name, List<String> options,
                                                  Map<String, String> env) throws IOException {
        Path repo = Processes.workDir(name);
        Files.writeString(repo.resolve(".gitlab-ci.yml"), yaml);
        Processes.Result init = Processes.run(repo, Map.of(), Duration.ofMinutes(1), List.of("git", "init", "-q"));
        assertThat(init.exitCode()).as(init.output()).isZero();
        List<String> command = new ArrayList<>(List.of(tools.resolve("node_modules/.bin/gitlab-ci-local").toString()));
        command.addAll(options);
        return Processes.run(repo, env, JOB, command);
    }
}
