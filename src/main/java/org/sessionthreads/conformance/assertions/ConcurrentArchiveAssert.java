package org.sessionthreads.conformance.assertions;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.assertj.core.api.AbstractAssert;

import org.sessionthreads.conformance.client.ApiResponse;

/** Assertions on the answers to simultaneous archive requests for one thread. */
public final class ConcurrentArchiveAssert extends AbstractAssert<ConcurrentArchiveAssert, List<ApiResponse>> {

    ConcurrentArchiveAssert(List<ApiResponse> actual) {
        super(actual, ConcurrentArchiveAssert.class);
    }

    /**
     * Every answer is 200 or 409, at least one is 200, and every 200 carries the same archived_at (a second
     * transition would stamp a second time).
     */
    public ConcurrentArchiveAssert transitionedOnce() {
        List<ApiResponse> unexpected = actual.stream().filter(r -> r.status() != 200 && r.status() != 409).toList();
        if (!unexpected.isEmpty()) {
            failWithMessage("Expecting every simultaneous archive to answer 200 or 409 but got:%n  %s",
                    summaries(unexpected));
        }
        List<ApiResponse> ok = actual.stream().filter(r -> r.status() == 200).toList();
        if (ok.isEmpty()) {
            failWithMessage("Expecting one simultaneous archive to succeed but all answered 409:%n  %s",
                    summaries(actual));
        }
        Set<String> stamps = ok.stream().map(r -> String.valueOf(r.thread().archivedAt())).collect(Collectors.toSet());
        if (stamps.size() > 1) {
            failWithMessage("Expecting one transition (one archived_at) but the 200 answers carry %s:%n  %s",
                    stamps, summaries(ok));
        }
        return this;
    }

    private static String summaries(List<ApiResponse> responses) {
        return responses.stream().map(r -> r.exchange().summary()).collect(Collectors.joining("\n  "));
    }
}
