package org.sessionthreads.conformance.runner;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

import org.sessionthreads.conformance.report.BuildInfo;

/** {@code version}: the suite's version and commit, the same that summary.json records. */
@Command(name = "version", description = "Print the suite's version and commit.")
final class VersionCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        for (String line : new Provider().getVersion()) {
            System.out.println(line);
        }
        return 0;
    }

    static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo build = BuildInfo.load();
            return new String[] {"thread-archive-conformance " + build.version() + " (commit " + build.commit() + ")",
                    "Java " + Runtime.version()};
        }
    }
}
