package org.sessionthreads.conformance.client.transport;

import java.util.function.Supplier;

import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.impl.client.DefaultHttpClient;

/**
 * The Apache HttpClient of one request (rest-assured builds one per request through
 * {@code HttpClientConfig.httpClientFactory}), or of the few requests a scenario sends on one kept-alive connection
 * ({@code ApiClient.onOneConnection}): it attaches each request's connection to that request's {@link RequestGuard}
 * (the supplier gives the guard of the request being sent) as the request goes out, and bounds the answer body to
 * {@code bodyLimit} bytes ({@link BoundedEntity}).
 *
 * <p>The last request interceptor records the headers the request goes out with ({@link RequestGuard#sentHeaders}),
 * after every other interceptor (rest-assured's included) has added its own: what reports show is what was sent.
 *
 * <p>The bounding interceptor is kept last, after the ones rest-assured adds for gzip/deflate, so the limit applies
 * to the decoded body: a small compressed body cannot unpack into gigabytes.
 */
public final class GuardedHttpClient extends DefaultHttpClient {
    private final HttpResponseInterceptor bounding;
    private final HttpRequestInterceptor recording;

    public GuardedHttpClient(Supplier<RequestGuard> guard, long bodyLimit) {
        super.addRequestInterceptor((request, context) -> guard.get().attach(request, context));
        this.recording = (request, context) -> guard.get().sent(request);
        super.addRequestInterceptor(recording);
        this.bounding = (response, context) -> {
            if (response.getEntity() != null) {
                response.setEntity(new BoundedEntity(response.getEntity(), bodyLimit, guard.get()));
            }
        };
        super.addResponseInterceptor(bounding);
    }

    @Override
    public synchronized void addRequestInterceptor(HttpRequestInterceptor interceptor) {
        if (recording == null) { // why: called before the constructor finished, if ever
            super.addRequestInterceptor(interceptor);
        } else {
            super.addRequestInterceptor(interceptor, Math.max(0, getRequestInterceptorCount() - 1));
        }
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
