package org.sessionthreads.conformance.junit;

import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;

import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfigurationStrategy;

import org.sessionthreads.conformance.config.ProfileException;
import org.sessionthreads.conformance.config.ProfileLoader;

/**
 * JUnit's parallelism for the scenarios, taken from the profile's {@code concurrency} setting (profile file,
 * environment, system property or configuration parameter, like every setting): that many scenario invocations
 * run at once; 1 runs them one after another. Configured by {@code SuiteConfiguration}.
 *
 * <p>JUnit hands a strategy only the configuration parameters under {@code junit.jupiter.execution.parallel.config.}:
 * as a JUnit configuration parameter the setting is therefore spelled
 * {@code junit.jupiter.execution.parallel.config.conformance.concurrency} there (the same goes for {@code
 * conformance.profile}), and a launcher passes both spellings ({@code SuiteConfiguration.concurrency(n)}). The
 * profile file, {@code CONFORMANCE_CONCURRENCY} and {@code -Dconformance.concurrency} reach both as they are.
 *
 * <p>The pool never grows beyond {@code concurrency} threads: JUnit's own fixed strategy lets the fork-join pool
 * add compensation threads when a container waits for its children, which would run more scenarios than asked
 * (at 1, more than one). A container waiting for its children helps run them instead. A profile that cannot be loaded gives 1; the
 * run's start then reports why, as one ERROR.
 */
public final class ConcurrencyStrategy implements ParallelExecutionConfigurationStrategy {

    @Override
    public ParallelExecutionConfiguration createConfiguration(ConfigurationParameters parameters) {
        int concurrency;
        try {
            concurrency = ProfileLoader.fromSystemAnd(parameters::get).load().concurrency();
        } catch (ProfileException | IllegalArgumentException e) {
            concurrency = 1;
        }
        return new Configuration(concurrency);
    }

    /** Parallelism {@code n}, and never more than {@code n} threads. */
    private record Configuration(int n) implements ParallelExecutionConfiguration {
        @Override
        public int getParallelism() {
            return n;
        }

        @Override
        public int getMinimumRunnable() {
            return n;
        }

        @Override
        public int getMaxPoolSize() {
            return n; // why: no compensation threads, so n is a hard cap (a joining thread helps instead)
        }

        @Override
        public int getCorePoolSize() {
            return n;
        }

        @Override
        public int getKeepAliveSeconds() {
            return 30;
        }

        @Override
        public Predicate<? super ForkJoinPool> getSaturatePredicate() {
            return pool -> true;
        }
    }
}
