package org.sessionthreads.conformance.junit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.config.Dialect;
import org.sessionthreads.conformance.report.BuildInfo;
import org.sessionthreads.conformance.report.RunSummary;
import org.sessionthreads.conformance.report.ScenarioOutcome;

/** The run's {@link RunSummary}, assembled once from its {@link RunRecord}, its tally and its outcomes. */
final class RunAssembly {
    private final RunRecord record;
    private final RunTally tally;

    RunAssembly(RunRecord record, RunTally tally) {
        this.record = record;
        this.tally = tally;
    }

    /**
     * @param problems      run-level problems of the ledger's own (the run was interrupted)
     * @param classFailures scenario classes and templates that failed before their scenarios
     */
    RunSummary summary(List<ScenarioOutcome> outcomes, List<ScenarioOutcome> audit, Instant startedAt,
                       List<String> problems, List<String> classFailures) {
        List<RunSummary.Setting> settings = record.started().map(RunRecord.Started::settings).orElse(List.of());
        // why: the levels in the summary are the dialect's (a requirement may be a SHOULD under one dialect)
        String dialect = settings.stream().filter(s -> s.key().equals("dialect")).map(RunSummary.Setting::value)
                .findFirst().orElse(Dialect.DEFAULT.wireName());
        RunSummary.Run run = new RunSummary.Run(
                record.started().map(RunRecord.Started::profile).orElse("(run did not start)"),
                record.started().map(RunRecord.Started::target).orElse("(no target)"),
                record.started().map(RunRecord.Started::targetUrl).orElse(""), startedAt, Instant.now());
        Optional<RunSummary.AuditSection> auditSection = audit.isEmpty() && record.auditScope().isEmpty()
                ? Optional.empty() : Optional.of(new RunSummary.AuditSection(
                        record.auditScope().orElse("(the audit did not run)"), audit));
        RunSummary.Facts facts = new RunSummary.Facts(record.fixtures(), settings, record.discovery(), auditSection,
                record.requests(), tally.measurements().withFindings(record.findings()))
                .withExploration(record.exploration().map(e -> ExplorationSections.of(e, settings)));
        RunSummary base = RunSummary.of(RequirementCatalogue.load().forDialect(dialect), outcomes, run,
                tally.tokenAnswers(), tally.tokenRefused(), facts).withProblems(problems);
        // why: a run that could not start names the one line every scenario would have errored with, once
        RunSummary summary = record.startFailure().map(failure -> base.withProblem("the run could not start: "
                + failure)).orElseGet(() -> base.withProblems(classFailures));
        return summary;
    }

    /** The Allure Environment panel: suite version and commit, then what the run published (redacted). */
    static Map<String, String> environment(RunRecord record, BuildInfo build) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("suite.version", build.version());
        environment.put("suite.commit", build.commit());
        Map<String, String> published = record.started().map(RunRecord.Started::environment).orElse(Map.of());
        if (published.isEmpty()) {
            environment.put("profile", "(run did not start)");
        }
        environment.putAll(published);
        return environment;
    }
}
