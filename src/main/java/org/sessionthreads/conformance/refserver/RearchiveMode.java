package org.sessionthreads.conformance.refserver;

import java.util.Locale;

/**
 * How the server answers an archive request for a child that is already archived. The public documents disagree
 * (the Forward API page says 200 with the current thread; a literal reading of the "only idle threads" rule says
 * 409), so the reference server can play either side.
 */
public enum RearchiveMode {
    /** 200 with the unchanged thread; no new event, {@code archived_at} unchanged. */
    OK,
    /** 409 {@code invalid_request_error}, like any other non-idle thread. */
    CONFLICT;

    /** @throws IllegalArgumentException for anything but {@code ok} or {@code conflict} (any case) */
    public static RearchiveMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown rearchive mode '" + value.trim() + "'; use ok or conflict.");
        }
    }
}
