package org.sessionthreads.conformance.client.transport;

import java.util.function.Supplier;

import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.auth.AuthSchemeRegistry;
import org.apache.http.client.UserTokenHandler;
import org.apache.http.client.protocol.RequestClientConnControl;
import org.apache.http.client.protocol.RequestDefaultHeaders;
import org.apache.http.conn.ClientConnectionManager;
import org.apache.http.conn.scheme.SchemeRegistry;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.client.NoopUserTokenHandler;
import org.apache.http.impl.conn.BasicClientConnectionManager;
import org.apache.http.impl.conn.SchemeRegistryFactory;
import org.apache.http.params.HttpParams;
import org.apache.http.params.SyncBasicHttpParams;
import org.apache.http.protocol.BasicHttpProcessor;
import org.apache.http.protocol.RequestContent;
import org.apache.http.protocol.RequestExpectContinue;
import org.apache.http.protocol.RequestTargetHost;
import org.apache.http.protocol.RequestUserAgent;

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
 * request paid both every time. The registry of authentication schemes, a read-only lookup, is built once too.
 *
 * <p>The suite authenticates with headers of its own and never gives the client credentials, so the client leaves out
 * what only credentials feed: the three authentication interceptors ({@code RequestAuthCache},
 * {@code RequestTargetAuthentication}, {@code RequestProxyAuthentication}: no cached or challenged scheme, nothing to
 * add) and the user-token lookup (an authenticated principal or a TLS client certificate, neither of which the
 * suite has). A 401 still comes back as the answer: with no credentials a challenge is never answered. It leaves out
 * the two cookie interceptors too: rest-assured sets the cookie policy {@code ignoreCookies} on every request
 * ({@code HttpClientConfig}'s defaults), under which they keep and send nothing, so the suite never sends a cookie
 * back, not even on one kept-alive connection. Every interceptor that writes what goes on the wire (default headers,
 * content, host, connection, user agent, expect) stays, in {@link DefaultHttpClient}'s order. In
 * {@code RequestCostBenchmark}'s profile the Apache client's share of a request went from about 46 % to 26 %; in a
 * mutation campaign it was 8 % to begin with (docs/benchmarks.md).
 */
public final class GuardedHttpClient extends DefaultHttpClient {
    private static final HttpParams DEFAULT_PARAMS = defaultParams();
    /** Thread-safe (its schemes are kept in a concurrent map, and the socket factories are stateless). */
    private static final SchemeRegistry DEFAULT_SCHEMES = SchemeRegistryFactory.createDefault();
    private static final AuthSchemeRegistry AUTH_SCHEMES = new DefaultHttpClient().getAuthSchemes();
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
    protected AuthSchemeRegistry createAuthSchemeRegistry() {
        return AUTH_SCHEMES;
    }

    /** {@link DefaultHttpClient}'s interceptors that write the request, in its order (see above for the others). */
    @Override
    protected BasicHttpProcessor createHttpProcessor() {
        BasicHttpProcessor processor = new BasicHttpProcessor();
        processor.addInterceptor(new RequestDefaultHeaders());
        processor.addInterceptor(new RequestContent());
        processor.addInterceptor(new RequestTargetHost());
        processor.addInterceptor(new RequestClientConnControl());
        processor.addInterceptor(new RequestUserAgent());
        processor.addInterceptor(new RequestExpectContinue());
        return processor;
    }

    @Override
    protected UserTokenHandler createUserTokenHandler() {
        return NoopUserTokenHandler.INSTANCE;
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
