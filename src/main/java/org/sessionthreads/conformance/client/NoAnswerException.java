package org.sessionthreads.conformance.client;

/**
 * A request that got no answer at all: its deadline ({@code timeouts.request}) passed, or the connection was
 * refused. Only these count towards "the target stopped answering" ({@link TargetHealth}); a reset in the middle
 * of an answer is a plain {@link TransportException}.
 */
public class NoAnswerException extends TransportException {
    /** Why there was no answer. */
    public enum Kind { DEADLINE, REFUSED }

    private final Kind kind;
    private final String request;
    private final String why;

    /**
     * @param request the request, redacted, e.g. {@code POST http://…/archive}
     * @param why     e.g. {@code deadline 30 s exceeded}
     */
    public NoAnswerException(Kind kind, String request, String why, Throwable cause) {
        super("no answer from " + request + ": " + why, cause);
        this.kind = kind;
        this.request = request;
        this.why = why;
    }

    /** {@code POST http://…/archive: deadline 30 s exceeded}: the request and why it got no answer. */
    public String requestAndWhy() {
        return request + ": " + why;
    }

    public Kind kind() {
        return kind;
    }
}
