package org.sessionthreads.conformance.client;

import java.util.UUID;

/**
 * How a request is sent besides its method, path and body: the credentials, and an {@code Idempotency-Key}
 * (Forward API, api-digest §1c/§3c) when not null. Copy-on-write: the {@code with…} methods return new options.
 *
 * <pre>{@code
 * RequestOptions once = RequestOptions.idempotent();        // profile token + "Idempotency-Key: conformance-…"
 * threads.archive(child.thread(), once);                     // the first archive
 * threads.archive(child.thread(), once);                     // the same logical attempt, retried
 * }</pre>
 */
public record RequestOptions(Credentials credentials, String idempotencyKey) {

    /** The profile's token, no idempotency key: what every request sends unless told otherwise. */
    public static RequestOptions defaults() {
        return new RequestOptions(Credentials.profileToken(), null);
    }

    /** The profile's token and a fresh, unique idempotency key ({@code conformance-<uuid>}). */
    public static RequestOptions idempotent() {
        return defaults().withIdempotencyKey("conformance-" + UUID.randomUUID());
    }

    public RequestOptions withCredentials(Credentials newCredentials) {
        return new RequestOptions(newCredentials, idempotencyKey);
    }

    public RequestOptions withIdempotencyKey(String key) {
        return new RequestOptions(credentials, key);
    }
}
