package org.sessionthreads.conformance.selftest.explore;

import java.util.Map;

import org.sessionthreads.conformance.refserver.Fault;

/** The self-test's exploration runs: exploration alone (scenarios and audit off) against one embedded target. */
final class ExplorationCampaign {
    /**
     * Exploration on at its default depth; a wait step lasts {@code audit.settle}, which must outlast the faults that
     * act late ({@link Fault#LATER_MILLIS}, the longest of those that act within a settle time).
     */
    static final Map<String, String> SETTINGS = Map.of("explore.enabled", "true",
            "audit.settle", (Fault.LATER_MILLIS + 500) + "ms");

    private ExplorationCampaign() {
    }
}
