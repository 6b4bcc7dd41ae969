package org.sessionthreads.conformance.refserver.http;

import java.util.Collection;
import java.util.Map;

/**
 * An error answer: HTTP status, the envelope's {@code error.type} and {@code error.message}, and extra response
 * headers ({@code WWW-Authenticate}, {@code Allow}). Thrown by handlers, written by {@link ErrorEnvelope}.
 */
public final class ApiException extends RuntimeException {
    public static final String INVALID_REQUEST = "invalid_request_error";
    public static final String AUTHENTICATION = "authentication_error";
    public static final String NOT_FOUND = "not_found_error";
    public static final String API_ERROR = "api_error";

    private final int status;
    private final String type;
    private final Map<String, String> headers;
    private final String code;

    public ApiException(int status, String type, String message, Map<String, String> headers) {
        this(status, type, message, headers, null);
    }

    /** @param code the Forward pages' {@code error.code}, or null for none */
    public ApiException(int status, String type, String message, Map<String, String> headers, String code) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.headers = Map.copyOf(headers);
        this.code = code;
    }

    /** The {@code error.code} this answer carries, or null. */
    public String code() {
        return code;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, INVALID_REQUEST, message, Map.of());
    }

    public static ApiException unauthorized() {
        return new ApiException(401, AUTHENTICATION, "Invalid API key or token.", Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, NOT_FOUND, message, Map.of());
    }

    public static ApiException methodNotAllowed(String method, Collection<String> allowed) {
        String allow = String.join(", ", allowed);
        return new ApiException(405, INVALID_REQUEST, "Method " + method + " is not allowed here; allowed: "
                + allow + ".", Map.of("Allow", allow));
    }

    public static ApiException internal() {
        return new ApiException(500, API_ERROR, "Internal server error.", Map.of());
    }

    /** The envelope type the contract uses for {@code status} when nothing more specific applies. */
    public static String typeFor(int status) {
        if (status == 401) {
            return AUTHENTICATION;
        }
        if (status == 404) {
            return NOT_FOUND;
        }
        return status >= 500 ? API_ERROR : INVALID_REQUEST;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
