package org.sessionthreads.conformance.report;

/**
 * What every report format writes from: the run's summary, the suite that produced it, and the exit status.
 *
 * @param status the summary's own ({@link ExitStatus#of}) unless the runner knows better (a usage error found
 *               before the run)
 */
public record RunReport(RunSummary summary, BuildInfo build, ExitStatus status) {

    public static RunReport of(RunSummary summary, BuildInfo build) {
        return new RunReport(summary, build, ExitStatus.of(summary));
    }
}
