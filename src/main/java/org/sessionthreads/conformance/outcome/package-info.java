/**
 * The outcomes a scenario can end in besides passing, as types: whoever decides a verdict reads the type, never the
 * message. Each type extends the JUnit (opentest4j) class whose status it must produce, so Failsafe, the console
 * and the JUnit XML stay truthful: aborts are "skipped", assertion errors "failed".
 *
 * <ul>
 *   <li>{@link Untestable}: no fixture strategy could put the target into the needed state (skipped);</li>
 *   <li>{@link UntestableInCertify}: the same in certify mode, where it fails the run (failed);</li>
 *   <li>{@link Waived}: the requirement failed and a valid waiver covers it (skipped);</li>
 *   <li>{@link ShouldNotMet}: a SHOULD requirement failed on a profile that does not gate on it (skipped);</li>
 *   <li>{@link RequirementNotMet}: a requirement failed and counts (failed).</li>
 * </ul>
 * Any other abort is DISABLED; any other exception is ERROR.
 */
package org.sessionthreads.conformance.outcome;
