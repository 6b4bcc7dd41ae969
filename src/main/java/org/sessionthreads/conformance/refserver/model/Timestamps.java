package org.sessionthreads.conformance.refserver.model;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one timestamp format of the wire contract: RFC 3339, UTC, exactly three fractional digits and {@code Z}
 * (e.g. {@code 2026-06-15T08:10:00.000Z}). Instants are cut to milliseconds when they are taken, so what is stored
 * is exactly what is sent.
 */
public final class Timestamps {
    private static final DateTimeFormatter WIRE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** The clock's current instant, truncated to milliseconds. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The wire form of {@code instant}, or {@code null} for {@code null}. */
    public static String format(Instant instant) {
        return instant == null ? null : WIRE.format(instant);
    }
}
