package org.sessionthreads.conformance.junit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.sessionthreads.conformance.events.EventTimings;
import org.sessionthreads.conformance.report.Measurements;

/** The run's totals over its finished scenarios' records: token answers, event samples, race interleavings. */
final class RunTally {
    private final AtomicLong tokenAnswers = new AtomicLong();
    private final AtomicLong tokenRefused = new AtomicLong();
    private final List<EventTimings.Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final List<RunMeasurements.ScenarioInterleavings> races = Collections.synchronizedList(new ArrayList<>());

    /** Adds the record of the finished scenario {@code scenario} of {@code requirement}. */
    void add(String requirement, String scenario, ScenarioRecord record) {
        tokenAnswers.addAndGet(record.tokenAnswers());
        tokenRefused.addAndGet(record.tokenRefused());
        samples.addAll(record.samples());
        if (!record.interleavings().isEmpty()) {
            races.add(new RunMeasurements.ScenarioInterleavings(requirement, scenario, record.interleavings()));
        }
    }

    long tokenAnswers() {
        return tokenAnswers.get();
    }

    long tokenRefused() {
        return tokenRefused.get();
    }

    /** Event latency per channel and interleavings per race, merged. */
    Measurements measurements() {
        synchronized (samples) {
            synchronized (races) {
                return RunMeasurements.of(List.copyOf(samples), List.copyOf(races));
            }
        }
    }
}
