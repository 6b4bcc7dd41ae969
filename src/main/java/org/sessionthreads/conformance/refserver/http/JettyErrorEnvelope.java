package org.sessionthreads.conformance.refserver.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (unparseable URIs, bad headers, errors outside Javalin's handlers) in the same envelope
 * as everything else, instead of Jetty's HTML page. Installed on the server and on the servlet context.
 *
 * <p>A request Jetty rejects while reading its request line (e.g. {@code /v1/sessions/%zz/threads}) has no headers
 * yet, so its {@code request_id} is always a generated one.
 */
public final class JettyErrorEnvelope extends ErrorHandler {
    private final ErrorEnvelope envelope;

    public JettyErrorEnvelope(ErrorEnvelope envelope) {
        this.envelope = envelope;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = statusOf(request, response);
        String requestId = RequestIds.fromHeader(request.getHeaders().get(RequestIds.HEADER));
        byte[] body = envelope.body(status, ApiException.typeFor(status), messageOf(request, status), requestId);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Json.CONTENT_TYPE);
        response.getHeaders().put(RequestIds.HEADER, requestId);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = RequestIds.fromHeader(null);
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Json.CONTENT_TYPE));
        fields.put(RequestIds.HEADER, requestId);
        String message = describe(status, reason);
        return ByteBuffer.wrap(envelope.body(status, ApiException.typeFor(status), message, requestId));
    }

    private static int statusOf(Request request, Response response) {
        Object attribute = request.getAttribute(ERROR_STATUS);
        int status = attribute instanceof Integer code ? code : response.getStatus();
        return status >= 400 ? status : 500;
    }

    private static String messageOf(Request request, int status) {
        Object message = request.getAttribute(ERROR_MESSAGE);
        return describe(status, message == null ? null : message.toString());
    }

    /** Jetty's reason phrase is shown for client errors only; a 5xx never reveals internals. */
    private static String describe(int status, String reason) {
        String standard = HttpStatus.getMessage(status);
        boolean plain = status >= 500 || reason == null || reason.isBlank() || reason.equals(standard);
        return plain ? standard + "." : standard + ": " + reason + ".";
    }
}
