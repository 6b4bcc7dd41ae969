package org.sessionthreads.conformance.refserver.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import java.util.Map;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveRejectedException;
import org.sessionthreads.conformance.refserver.lifecycle.ResourceNotFoundException;
import org.sessionthreads.conformance.refserver.lifecycle.ServerFailureException;
import org.sessionthreads.conformance.refserver.store.UnknownEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception a request can end with into an error envelope: the server's own outcomes (not found,
 * archive refused, unknown event id), Javalin's (no route, body too large), the 500 a fault asks for
 * ({@link ServerFailureException}, not logged) and genuine bugs (500 {@code api_error}, logged without request
 * headers). {@link Fault#CONFLICT_AS_BAD_REQUEST} and {@link Fault#FORWARD_NOT_IDLE_WITH_COORDINATOR_CODE} live
 * here.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);


    private final ServerOptions options;
    private final ErrorEnvelope envelope;
    private final RouteTable routes;

    ErrorMapping(ServerOptions options, ErrorEnvelope envelope, RouteTable routes) {
        this.options = options;
        this.envelope = envelope;
        this.routes = routes;
    }

    void install(RoutesConfig config) {
        config.exception(ApiException.class, (e, ctx) -> envelope.write(ctx, e));
        config.exception(ResourceNotFoundException.class,
                (e, ctx) -> envelope.write(ctx, ApiException.notFound(e.getMessage())));
        config.exception(ArchiveRejectedException.class, (e, ctx) -> envelope.write(ctx, conflict(e)));
        config.exception(ServerFailureException.class, (e, ctx) -> envelope.write(ctx, ApiException.internal()));
        config.exception(UnknownEventException.class,
                (e, ctx) -> envelope.write(ctx, ApiException.badRequest(e.getMessage())));
        config.exception(HttpResponseException.class, (e, ctx) -> envelope.write(ctx, fromJavalin(e, ctx)));
        config.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure in {} {}", ctx.method(), ctx.path(), e);
            envelope.write(ctx, ApiException.internal());
        });
    }

    /**
     * The 409 of the server's dialect ({@code ServerDialect#conflictType()}: the archive page's is
     * {@code invalid_request_error}; the CAS export's and the Forward API's {@code conflict_error}), with the
     * Forward page's {@code error.code} where the dialect has them (api-digest §1c).
     */
    private ApiException conflict(ArchiveRejectedException e) {
        int status = options.has(Fault.CONFLICT_AS_BAD_REQUEST) ? 400 : 409;
        String type = options.dialect().conflictType();
        String code = !options.dialect().errorCodes() ? null
                : e.reason() == ArchiveRejectedException.Reason.COORDINATOR
                        || options.has(Fault.FORWARD_NOT_IDLE_WITH_COORDINATOR_CODE)
                        ? "coordinator_thread_not_archivable"
                : "thread_not_idle";
        return new ApiException(status, type, e.getMessage(), Map.of(), code);
    }

    private ApiException fromJavalin(HttpResponseException e, Context ctx) {
        if (e instanceof EndpointNotFound) {
            return routes.allowedAt(ctx.path())
                    .map(allowed -> ApiException.methodNotAllowed(ctx.method().name(), allowed))
                    .orElseGet(() -> ApiException.notFound(
                            "No route matches " + ctx.method() + " " + ctx.path() + "."));
        }

        String message = e.getMessage() == null || e.getMessage().isBlank() ? "Request failed." : e.getMessage();
        return new ApiException(e.getStatus(), ApiException.typeFor(e.getStatus()), message, Map.of());
    }
}
