package org.sessionthreads.conformance.client.transport;

import java.util.function.Supplier;

import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.conn.ClientConnectionManager;
import org.apache.http.conn.scheme.SchemeRegistry;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.conn.BasicClientConnectionManager;
import org.apache.http.impl.conn.SchemeRegistryFactory;
import org.apache.http.params.HttpParams;
import org.apache.http.params.SyncBasicHttpParams;

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
 *
 * <p>What every client starts from is built once per JVM: the default parameters ({@link
 * DefaultHttpClient#setDefaultHttpParams}, whose {@code User-Agent} reads a version resource from the class path) and
 * the default scheme registry (whose HTTPS scheme builds an SSL context from the JVM's defaults); each client gets its
 * own copy of the parameters, which rest-assured then sets per request, and its own connection manager. A client per
 * request paid both every time.
 */
public final class GuardedHttpClient extends DefaultHttpClient {
    private static final HttpParams DEFAULT_PARAMS = defaultParams();
    /** Thread-safe (its schemes are kept in a concurrent map, and the socket factories are stateless). */
    private static final SchemeRegistry DEFAULT_SCHEMES = SchemeRegistryFactory.createDefault();
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

    private static HttpParams defaultParams() {
        HttpParams params = new SyncBasicHttpParams();
        DefaultHttpClient.setDefaultHttpParams(params);
        return params;
    }

    @Override
    protected HttpParams createHttpParams() {
        return DEFAULT_PARAMS.copy();
    }

    @Override
    protected ClientConnectionManager createClientConnectionManager() {
        return new BasicClientConnectionManager(DEFAULT_SCHEMES);
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
