package org.sessionthreads.conformance.selftest.explore;

/**
 * How much of exploration's self-tests a build runs: by default a small representative set of each test (CI's
 * budget), with {@code -Dexplore.selftest=all} every fault, variation and dialect of the views oracle and the
 * concurrent histories. The campaign has its own property ({@link ExplorationCampaignTest}).
 */
final class SelfTestScope {
    /** The system property that widens the self-tests to their full sets. */
    static final String PROPERTY = "explore.selftest";

    private SelfTestScope() {
    }

    static boolean full() {
        return "all".equals(System.getProperty(PROPERTY, ""));
    }
}
