package org.sessionthreads.conformance.refserver;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Hostile transport behaviours of the reference server: it hangs, drips, floods, redirects or resets. They are
 * not {@link Fault}s: they break no requirement of the catalogue (the mutation score counts only those), they test
 * that the suite stays in control of time and memory. {@code HostileTransportSelfTest} runs the suite against each
 * and checks the verdict it promises (below), the wall time, the summary and that no file holds the token.
 *
 * <p>Switched on with the server option {@value ServerOptions#TRANSPORT_FAULTS}; each is tested with
 * {@code options.has(TransportFault.X)} at the one place where the behaviour lives, {@code ArchiveThreadHandler}.
 */
public enum TransportFault {
    /** Archive requests are accepted and never answered. Verdict: ERROR, the run ends after a few deadlines. */
    ARCHIVE_HANGS,
    /**
     * Archive archives, then sends its answer one byte every {@value #DRIP_MILLIS} ms. Verdict: ERROR (the deadline
     * ends each request), the run ends like {@link #ARCHIVE_HANGS}.
     */
    ARCHIVE_BODY_DRIPS,
    /**
     * Archive archives, then streams a JSON-looking body of {@value #FLOOD_BYTES} bytes (never held in memory).
     * Verdict: FAIL of the archive answer's requirements (the body is cut off at {@code limits.body}).
     */
    ARCHIVE_BODY_FLOOD,
    /**
     * Archive answers 307 with a {@code Location} on another origin (the other loopback name of this server:
     * {@code localhost} for {@code 127.0.0.1} and back). Verdict: FAIL naming the requirement; never followed.
     */
    REDIRECT_TO_OTHER_ORIGIN,
    /** Archive archives, sends half its answer, then resets the connection. Verdict: ERROR, never FAIL. */
    RESET_CONNECTION;

    /** The pause between two bytes of {@link #ARCHIVE_BODY_DRIPS}. */
    public static final long DRIP_MILLIS = 200;
    /** The body size of {@link #ARCHIVE_BODY_FLOOD}: 50 MB. */
    public static final long FLOOD_BYTES = 50L * 1024 * 1024;

    /** The transport fault named {@code name}, ignoring case and accepting {@code -} for {@code _}. */
    public static TransportFault parse(String name) {
        String normalised = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(fault -> fault.name().equals(normalised)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown transport fault '" + name.trim()
                        + "'; known transport faults: " + Arrays.stream(values()).map(Enum::name)
                        .collect(Collectors.joining(", ")) + "."));
    }
}
