package org.sessionthreads.conformance.catalogue;

/** How binding a requirement is: a MUST that is not met fails the run; a SHOULD is a warning unless strict. */
public enum Level {
    MUST,
    SHOULD
}
