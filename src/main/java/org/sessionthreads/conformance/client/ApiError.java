package org.sessionthreads.conformance.client;

import tools.jackson.databind.JsonNode;

/**
 * The error envelope of a non-2xx answer, {@code {"type":"error","error":{"type","message"},"request_id"}}.
 * Fields are null when the body did not carry them; {@code code} is the Forward pages' {@code error.code}.
 */
public record ApiError(int status, String envelopeType, String type, String message, String requestId,
                       String code) {
    public ApiError(int status, String envelopeType, String type, String message, String requestId) {
        this(status, envelopeType, type, message, requestId, null);
    }

    static ApiError from(int status, JsonNode body) {
        return new ApiError(status, JsonBody.text(body, "type"), JsonBody.text(body, "error", "type"),
                JsonBody.text(body, "error", "message"), JsonBody.text(body, "request_id"),
                JsonBody.text(body, "error", "code"));
    }
}
