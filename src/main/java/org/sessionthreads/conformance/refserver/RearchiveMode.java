package org.sessionthreads.conformance.refserver;

/**
 * How the server answers an archive request for a child that is already archived. The public documents disagree
 * (the Forward API page says 200 with the current thread; a literal reading of the "only idle threads" rule says
 * 409), so the reference server can play either side. It is no option of its own: {@link ServerOptions#rearchive()}
 * derives it from the dialect, {@link Variation#REARCHIVE_CONFLICT} and {@link Fault#FORWARD_REARCHIVE_CONFLICT}.
 */
public enum RearchiveMode {
    /** 200 with the unchanged thread; no new event, {@code archived_at} unchanged. */
    OK,
    /** 409 {@code invalid_request_error}, like any other non-idle thread. */
    CONFLICT
}
