package org.sessionthreads.conformance.junit;

import java.util.Optional;

import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.engine.support.store.NamespacedHierarchicalStore;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import org.sessionthreads.conformance.report.RunSummary;

/**
 * Gives every launcher session its {@link RequirementLedger} (registered with ServiceLoader as a launcher session
 * listener). The ledger and the extensions share the session's store: each test plan execution gets a fresh
 * {@link RunRecord} there, and the ledger leaves the {@link RunSummary} it wrote beside it for whoever opened the
 * session (the runner's exit code comes from it).
 */
public final class RunRecordSession implements LauncherSessionListener {
    private static final Namespace NAMESPACE = Namespace.create(RunRecord.namespace());

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        session.getLauncher().registerTestExecutionListeners(new RequirementLedger(session.getStore()));
    }

    /** The summary the last run of {@code session} wrote, if any. */
    public static Optional<RunSummary> summary(LauncherSession session) {
        return Optional.ofNullable(session.getStore().get(NAMESPACE, RunSummary.class, RunSummary.class));
    }

    /** Puts a fresh record for a new test plan execution into {@code store}. */
    static RunRecord freshRecord(NamespacedHierarchicalStore<Namespace> store) {
        RunRecord record = new RunRecord();
        store.put(NAMESPACE, RunRecord.class, record);
        store.remove(NAMESPACE, RunSummary.class);
        return record;
    }

    /** Leaves the summary of the run in {@code store}; a store already closed (JVM shutdown) keeps nothing. */
    static void keep(NamespacedHierarchicalStore<Namespace> store, RunSummary summary) {
        if (!store.isClosed()) {
            store.put(NAMESPACE, RunSummary.class, summary);
        }
    }
}
