package org.sessionthreads.conformance.refserver.lifecycle;

import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.store.Session;

/** A thread together with the session that owns it (not always the session of the request, under a fault). */
public record ThreadLocation(Session session, SessionThread thread) {
}
