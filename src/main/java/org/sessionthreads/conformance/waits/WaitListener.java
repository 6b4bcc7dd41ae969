package org.sessionthreads.conformance.waits;

import java.util.List;

/** Receives the trace of each finished wait: one line per poll, then how it ended. Must not throw. */
@FunctionalInterface
public interface WaitListener {
    void waited(String alias, List<String> polls);
}
