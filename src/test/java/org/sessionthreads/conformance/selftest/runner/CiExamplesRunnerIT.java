package org.sessionthreads.conformance.selftest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CI examples pass real linters, installed here from the npm registry at pinned versions (CI starts from a
 * machine with only a JDK and Maven; .ci/run installs Node.js and npm when they are missing):
 * {@code @action-validator/cli} validates the GitHub workflow against the published workflow schema, and
 * {@code gitlab-ci-local --list} validates the GitLab job against GitLab's CI schema. Each linter is also shown a
 * broken copy and must reject it, so a pass means something.
 */
class CiExamplesRunnerIT {
    static final String ACTION_VALIDATOR = "@action-validator/cli@0.6.0";
    // why 4.72.0: later releases need Node.js 22 (Set.prototype.union); this one runs on the machine's Node.js 20
    static final String GITLAB_CI_LOCAL = "gitlab-ci-local@4.72.0";
    private static Path tools;

    @BeforeAll
    static void installLinters() {
        tools = Processes.workDir("linters");
        Processes.Result npm = Processes.run(tools, Map.of(), Duration.ofMinutes(5), List.of("npm", "install",
                "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", tools.toString(), ACTION_VALIDATOR,
                GITLAB_CI_LOCAL));
        assertThat(npm.exitCode()).as(npm.output()).isZero();
    }

    @Test
    void theGitHubWorkflowPassesActionValidator() throws IOException {
        Path workflow = Path.of(System.getProperty("examples.dir"), "github-actions", "conformance.yml");
        Processes.Result ok = actionValidator(workflow);
        assertThat(ok.exitCode()).as(ok.output()).isZero();

        Path broken = Processes.workDir("linters").resolve("broken-workflow.yml");
        Files.writeString(broken, Files.readString(workflow).replace("if: always()", "iff: always()"));
        Processes.Result rejected = actionValidator(broken);
        assertThat(rejected.exitCode()).as(rejected.output()).isNotZero();
        assertThat(rejected.output()).contains("iff");
    }

    @Test
    void theGitLabJobPassesGitlabCiLocalSchemaValidation() throws IOException {
        Path job = Path.of(System.getProperty("examples.dir"), "gitlab-ci", ".gitlab-ci.yml");
        Processes.Result ok = gitlabCiLocal(Files.readString(job), "gitlab-ok");
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("json schema validated").contains("conformance");

        Processes.Result rejected = gitlabCiLocal(Files.readString(job).replace("when: always", "when: sometimes"),
                "gitlab-broken");
        assertThat(rejected.exitCode()).as(rejected.output()).isNotZero();
        assertThat(rejected.output()).contains("sometimes");
    }

    private static Processes.Result actionValidator(Path workflow) {
        return Processes.run(tools, Map.of(), Duration.ofMinutes(2), List.of(
                tools.resolve("node_modules/.bin/action-validator").toString(), workflow.toString()));
    }

    /** gitlab-ci-local reads .gitlab-ci.yml of a git work tree; the file goes into a fresh one. */
    private static Processes.Result gitlabCiLocal(String yaml, String name) throws IOException {
        Path repo = Processes.workDir(name);
        Files.writeString(repo.resolve(".gitlab-ci.yml"), yaml);
        Processes.Result init = Processes.run(repo, Map.of(), Duration.ofMinutes(1), List.of("git", "init", "-q"));
        assertThat(init.exitCode()).as(init.output()).isZero();
        return Processes.run(repo, Map.of(), Duration.ofMinutes(2), List.of(
                tools.resolve("node_modules/.bin/gitlab-ci-local").toString(), "--list"));
    }
}
