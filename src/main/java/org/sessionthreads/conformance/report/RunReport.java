package org.sessionthreads.conformance.report;

import org.sessionthreads.conformance.report.har.ExchangeArchive;

/**
 * What every report format writes from: the run's summary, the suite that produced it, the exit status and the
 * run's exchanges.
 *
 * @param status    the summary's own ({@link ExitStatus#of}) unless the runner knows better (a usage error found
 *                  before the run)
 * @param exchanges every exchange of the run ({@code exchanges.har}); empty for a run that never started
 */
public record RunReport(RunSummary summary, BuildInfo build, ExitStatus status, ExchangeArchive exchanges) {

    public RunReport(RunSummary summary, BuildInfo build, ExitStatus status) {
        this(summary, build, status, ExchangeArchive.none());
    }

    public static RunReport of(RunSummary summary, BuildInfo build) {
        return new RunReport(summary, build, ExitStatus.of(summary));
    }
}
