package org.sessionthreads.conformance.client.transport;

import org.apache.http.HttpResponseInterceptor;
import org.apache.http.impl.client.DefaultHttpClient;

/**
 * The Apache HttpClient of one request (rest-assured builds one per request through
 * {@code HttpClientConfig.httpClientFactory}): it attaches the request's connection to its {@link RequestGuard}
 * as the request goes out, and bounds the answer body to {@code bodyLimit} bytes ({@link BoundedEntity}).
 *
 * <p>The bounding interceptor is kept last, after the ones rest-assured adds for gzip/deflate, so the limit applies
 * to the decoded body: a small compressed body cannot unpack into gigabytes.
 */
public final class GuardedHttpClient extends DefaultHttpClient {
    private final HttpResponseInterceptor bounding;

    public GuardedHttpClient(RequestGuard guard, long bodyLimit) {
        super.addRequestInterceptor((request, context) -> guard.attach(request, context));
        this.bounding = (response, context) -> {
            if (response.getEntity() != null) {
                response.setEntity(new BoundedEntity(response.getEntity(), bodyLimit, guard));
            }
        };
        super.addResponseInterceptor(bounding);
    }

    @Override
    public synchronized void addResponseInterceptor(HttpResponseInterceptor interceptor) {
        if (bounding == null) { // why: called before the constructor finished, if ever
            super.addResponseInterceptor(interceptor);
        } else {
            super.addResponseInterceptor(interceptor, Math.max(0, getResponseInterceptorCount() - 1));
        }
    }
}
