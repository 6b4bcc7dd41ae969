package org.sessionthreads.conformance.explore.model;

/** What the model distinguishes in a child's status: idle (archivable), running (not idle), archived. */
public enum ChildStatus {
    IDLE, RUNNING, ARCHIVED
}
