package org.sessionthreads.conformance.discovery;

/** The names of what discovery probes; they are the {@code capability} of a {@link Finding}. */
public final class Capabilities {
    public static final String AUTH_MISSING_TOKEN = "auth.missing_token";
    public static final String AUTH_WRONG_TOKEN = "auth.wrong_token";
    public static final String TOKEN = "auth.profile_token";
    public static final String FIXTURE_HOOK = "fixture_hook";
    public static final String FIXTURE_KINDS = "fixture_hook.kinds";
    public static final String PUBLIC_API = "public_api";
    public static final String EVENT_LIST = "event_list";
    public static final String EVENT_PAGING = "event_list.paging";
    public static final String EVENT_STREAM = "event_stream";
    public static final String IDEMPOTENCY_KEY = "idempotency_key";

    private Capabilities() {
    }
}
