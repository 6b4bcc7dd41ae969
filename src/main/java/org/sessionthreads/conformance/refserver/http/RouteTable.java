package org.sessionthreads.conformance.refserver.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Collects routes per path and registers them, plus a 405 handler (with an {@code Allow} header) for every other
 * standard method on a known path, so that a wrong method gets 405 and an unknown path 404, both as envelopes.
 * {@code HEAD} is answered 405 too: Javalin would otherwise answer it on its own, and a {@code HEAD} of an event
 * stream would never end. Non-standard methods end as "no route"; {@link #allowedAt} lets the error mapping
 * still answer them 405.
 */
final class RouteTable {
    private static final List<HandlerType> METHODS = List.of(
            HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE,
            HandlerType.HEAD, HandlerType.OPTIONS, HandlerType.TRACE);

    private final Map<String, Map<HandlerType, Handler>> paths = new LinkedHashMap<>();
    private final Map<Pattern, List<String>> allowed = new LinkedHashMap<>();

    RouteTable add(HandlerType method, String path, Handler handler) {
        paths.computeIfAbsent(path, ignored -> new LinkedHashMap<>()).put(method, handler);
        return this;
    }

    void registerOn(RoutesConfig routes) {
        paths.forEach((path, handlers) -> {
            handlers.forEach((method, handler) -> routes.addHttpHandler(method, path, handler));
            List<String> methods = handlers.keySet().stream().map(HandlerType::name).toList();
            allowed.put(Pattern.compile(path.replaceAll("\\{[^/]+}", "[^/]+")), methods);
            METHODS.stream().filter(method -> !handlers.containsKey(method)).forEach(method ->
                    routes.addHttpHandler(method, path, ctx -> {
                        throw ApiException.methodNotAllowed(method.name(), methods);
                    }));
        });
    }

    /** The methods a known path allows, or empty for a path no route matches. */
    Optional<List<String>> allowedAt(String path) {
        return allowed.entrySet().stream().filter(entry -> entry.getKey().matcher(path).matches())
                .map(Map.Entry::getValue).findFirst();
    }
}
