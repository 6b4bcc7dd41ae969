/**
 * Exploration: an executable model of the archive page and the documented thread, event, mailbox and coordinator
 * rules; every short sequence of operations from each fixture kind checked against it, concurrent histories checked
 * for linearizability, and failures shrunk to a minimal sequence and confirmed on fresh fixtures (docs/explore.md).
 */
package org.sessionthreads.conformance.explore;
