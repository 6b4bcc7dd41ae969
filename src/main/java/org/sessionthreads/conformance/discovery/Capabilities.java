package org.sessionthreads.conformance.discovery;

import org.sessionthreads.conformance.config.EventChannel;

/**
 * The names of what discovery probes; they are the {@code capability} of a {@link Finding}. An event channel's is
 * named by its {@link EventChannel#capability()}.
 */
public final class Capabilities {
    public static final String AUTH_MISSING_TOKEN = "auth.missing_token";
    public static final String AUTH_WRONG_TOKEN = "auth.wrong_token";
    public static final String TOKEN = "auth.profile_token";
    public static final String FIXTURE_HOOK = "fixture_hook";
    public static final String FIXTURE_KINDS = "fixture_hook.kinds";
    public static final String PUBLIC_API = "public_api";
    public static final String EVENT_LIST = EventChannel.POLLING.capability();
    public static final String EVENT_PAGING = "event_list.paging";
    public static final String EVENT_STREAM = EventChannel.SSE.capability();
    public static final String IDEMPOTENCY_KEY = "idempotency_key";

    private Capabilities() {
    }
}
