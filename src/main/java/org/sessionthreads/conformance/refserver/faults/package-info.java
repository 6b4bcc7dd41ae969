/**
 * The faulty collaborators of the reference server: each {@code Fault} that names a collaborator it substitutes
 * ({@code Fault.seam()}) is applied here, by {@link org.sessionthreads.conformance.refserver.faults.FaultInjection},
 * as a decorated or replaced collaborator. The conformant collaborators, and the behaviour they make up, live in
 * {@code lifecycle} and {@code http}, free of faults.
 */
package org.sessionthreads.conformance.refserver.faults;
