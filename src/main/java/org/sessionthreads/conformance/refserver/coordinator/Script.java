package org.sessionthreads.conformance.refserver.coordinator;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.fixtures.FixtureKind;

/**
 * What the scripted coordinator makes of a {@code user.message}: the first command of its grammar found in the
 * text (case-insensitive, anywhere, so a prompt may wrap it in prose), tried in this order:
 * <ul>
 *   <li>{@code delegate with pending message [after N ms]} → {@code child_with_pending_message} (N ≥ 300; without
 *       it, the server's {@code deliver_after_ms});</li>
 *   <li>{@code delegate and wait} → {@code waiting_coordinator};</li>
 *   <li>{@code delegate running} → {@code running_child};</li>
 *   <li>{@code delegate idle} → {@code idle_child}.</li>
 * </ul>
 *
 * @param deliverAfter the delay of the pending message ({@code child_with_pending_message} only), or null for the
 *                     server's default
 */
public record Script(FixtureKind kind, Duration deliverAfter) {
    /** The grammar in one line, for error messages and docs/reference-server.md. */
    public static final String GRAMMAR = "'delegate idle', 'delegate running', 'delegate and wait', "
            + "'delegate with pending message [after N ms]' (N >= " + ServerOptions.MIN_DELIVER_AFTER_MS + ")";

    private static final Pattern PENDING = Pattern.compile("delegate\\s+with\\s+pending\\s+message"
            + "(?:\\s+after\\s+(\\d{1,9})\\s*ms)?");
    private static final Pattern WAIT = Pattern.compile("delegate\\s+and\\s+wait");
    private static final Pattern RUNNING = Pattern.compile("delegate\\s+running");
    private static final Pattern IDLE = Pattern.compile("delegate\\s+idle");

    /**
     * The script {@code text} asks for; empty when it contains no command.
     *
     * @throws IllegalArgumentException when the pending message's delay is below the minimum
     */
    public static Optional<Script> parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher pending = PENDING.matcher(lower);
        if (pending.find()) {
            Duration delay = pending.group(1) == null ? null : Duration.ofMillis(Long.parseLong(pending.group(1)));
            if (delay != null && delay.toMillis() < ServerOptions.MIN_DELIVER_AFTER_MS) {
                throw new IllegalArgumentException("The pending message must be due after at least "
                        + ServerOptions.MIN_DELIVER_AFTER_MS + " ms, got " + delay.toMillis() + " ms.");
            }
            return Optional.of(new Script(FixtureKind.CHILD_WITH_PENDING_MESSAGE, delay));
        }
        if (WAIT.matcher(lower).find()) {
            return Optional.of(new Script(FixtureKind.WAITING_COORDINATOR, null));
        }
        if (RUNNING.matcher(lower).find()) {
            return Optional.of(new Script(FixtureKind.RUNNING_CHILD, null));
        }
        return IDLE.matcher(lower).find() ? Optional.of(new Script(FixtureKind.IDLE_CHILD, null)) : Optional.empty();
    }
}
