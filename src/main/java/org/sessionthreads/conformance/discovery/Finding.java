package org.sessionthreads.conformance.discovery;

/**
 * One thing discovery learnt about the target.
 *
 * @param capability what was probed, e.g. {@code event_stream} (see {@link Capabilities})
 * @param declared   what the profile says about it, in words
 * @param presence   what the probe concluded
 * @param observed   what the target answered, in words
 * @param evidence   the exchange(s) behind it, as {@code Exchange.summary()} lines (already redacted)
 */
public record Finding(String capability, String declared, Presence presence, String observed, String evidence) {

    /** One console line. */
    public String line() {
        return capability + ": " + presence + " — " + observed + " (declared: " + declared + ")"
                + (evidence.isEmpty() ? "" : " [" + evidence + "]");
    }
}
