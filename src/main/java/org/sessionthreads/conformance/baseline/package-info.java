/**
 * Results that outlive the run: a baseline of known failures written from a results bundle ({@link Baseline},
 * {@link BaselineFile}), a run's comparison with it ({@link BaselineComparison}, applied to the summary by
 * {@link BaselineGate}), and the difference of two bundles ({@link RunDiff}). Everything is compared through
 * {@link RunSnapshot}, made alike from a finished run's summary and from a bundle's {@code summary.json}, and a
 * failure is matched by its {@link FailureSignature}: typed fields only, never a message.
 */
package org.sessionthreads.conformance.baseline;
