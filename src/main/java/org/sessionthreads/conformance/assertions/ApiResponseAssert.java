package org.sessionthreads.conformance.assertions;

import java.util.List;

import org.assertj.core.api.AbstractAssert;

import org.sessionthreads.conformance.client.ApiError;
import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.SessionThread;
import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.schema.DialectGuess;
import org.sessionthreads.conformance.schema.SchemaRef;
import org.sessionthreads.conformance.schema.SchemaRegistry;
import org.sessionthreads.conformance.schema.SchemaViolation;
import org.sessionthreads.conformance.schema.Schemas;

/** Assertions on one answer of the target: status, schema, error envelope. */
public final class ApiResponseAssert extends AbstractAssert<ApiResponseAssert, ApiResponse> {
    ApiResponseAssert(ApiResponse actual) {
        super(actual, ApiResponseAssert.class);
    }

    public ApiResponseAssert hasStatus(int expected) {
        if (actual.status() != expected) {
            failWithMessage("Expecting status %d but was %d%n  %s%n  body: %s", expected, actual.status(),
                    actual.exchange().summary(), excerpt());
        }
        return this;
    }

    /** Passes when the status is one of {@code expected}. */
    public ApiResponseAssert hasStatusIn(List<Integer> expected) {
        if (!expected.contains(actual.status())) {
            failWithMessage("Expecting status in %s but was %d%n  %s%n  body: %s", expected, actual.status(),
                    actual.exchange().summary(), excerpt());
        }
        return this;
    }

    /**
     * The body validates against {@code schema} (one of {@link Schemas}). A body that is not UTF-8 fails first,
     * naming the byte: JSON is UTF-8 (RFC 8259 §8.1), and a leniently decoded body must not pass.
     */
    public ApiResponseAssert conformsTo(SchemaRef schema) {
        if (!actual.utf8Problem().isEmpty()) {
            failWithMessage("Expecting the body to conform to %s but it is not UTF-8 JSON: %s%n  %s%n  body: %s",
                    schema, actual.utf8Problem(), actual.exchange().summary(), excerpt());
        }
        List<SchemaViolation> violations = SchemaRegistry.shared().validate(schema, actual.body());
        if (!violations.isEmpty() && schema.equals(Schemas.sessionThread(actual.dialect()))) {
            // why: a server of another dialect fails nearly every required field; one line says what to change
            DialectGuess.mismatch(actual.body(), actual.dialect()).ifPresent(guess -> failWithMessage(
                    "Expecting the body to conform to %s (dialect %s) but %s%n  (%d schema violations, first: %s)"
                            + "%n  %s%n  body: %s", schema, actual.dialect().wireName(), guess.advice(),
                    violations.size(), violations.get(0), actual.exchange().summary(), excerpt()));
        }
        if (!violations.isEmpty()) {
            failWithMessage("Expecting the body to conform to %s but:%n  %s%n  %s%n  body: %s", schema,
                    String.join("\n  ", violations.stream().map(SchemaViolation::toString).toList()),
                    actual.exchange().summary(), excerpt());
        }
        return this;
    }

    /**
     * A 409 refusal under {@code readings}: the error envelope, the reading's error.type (not judged under
     * {@code conflict_error_type: any}) and, with {@code readings.error_codes}, {@code error.code == code}.
     */
    public ApiResponseAssert isConflict(Readings readings, String code) {
        hasStatus(409).conformsTo(Schemas.ERROR_ENVELOPE);
        ApiError error = actual.error();
        String hint = DialectGuess.conflictMismatch(actual.body(), readings.dialect())
                .map(g -> "\n  " + g.advice()).orElse("");
        if (!readings.acceptsConflictType(error.type())) {
            failWithMessage("Expecting error.type \"%s\" but was \"%s\" (message: %s)%s%n  %s",
                    readings.conflictErrorType(), error.type(), error.message(), hint, actual.exchange().summary());
        }
        if (readings.errorCodes() && !code.equals(error.code())) {
            failWithMessage("Expecting error.code \"%s\" (readings.error_codes, dialect %s) but was %s%s%n  %s", code,
                    readings.dialect().wireName(), error.code() == null ? "absent" : "\"" + error.code() + "\"",
                    hint, actual.exchange().summary());
        }
        return this;
    }

    /** Status {@code status}, the documented error envelope, and an error.type among {@code types}. */
    public ApiResponseAssert isErrorOfType(int status, List<String> types) {
        hasStatus(status).conformsTo(Schemas.ERROR_ENVELOPE);
        ApiError error = actual.error();
        if (!types.contains(error.type())) {
            failWithMessage("Expecting error.type in %s but was \"%s\" (message: %s)%n  %s", types, error.type(),
                    error.message(), actual.exchange().summary());
        }
        return this;
    }

    /** Status {@code status}, a body in the documented error envelope, and {@code error.type == type}. */
    public ApiResponseAssert isError(int status, String type) {
        hasStatus(status).conformsTo(Schemas.ERROR_ENVELOPE);
        ApiError error = actual.error();
        if (!type.equals(error.type())) {
            failWithMessage("Expecting error.type \"%s\" but was \"%s\" (message: %s)%n  %s", type, error.type(),
                    error.message(), actual.exchange().summary());
        }
        return this;
    }

    /**
     * An acceptable answer to archiving an already archived thread under {@code readings}: 200 with the thread as
     * it was archived and as it was stored before this request ({@code stored}: updated_at included, a no-op
     * touches nothing), or 409 in the error envelope.
     */
    public ApiResponseAssert isReArchiveAnswer(Readings readings, SessionThread archived, SessionThread stored) {
        hasStatusIn(readings.rearchive().statuses());
        if (actual.status() == 200) {
            thread().hasSameFinalStateAs(archived).isUnchangedSince(stored);
        } else {
            isConflict(readings, "thread_not_idle");
        }
        return this;
    }

    /**
     * The answer is labelled as JSON: its {@code Content-Type} media type (parameters such as {@code charset}
     * ignored, case-insensitive) is {@code application/json} or a structured {@code +json} type such as
     * {@code application/problem+json}.
     */
    public ApiResponseAssert isLabelledJson() {
        String contentType = actual.header("Content-Type");
        if (!MediaTypes.isJson(contentType)) {
            failWithMessage("Expecting Content-Type application/json (or application/*+json) but was %s%n  %s%n"
                    + "  body: %s", contentType == null ? "absent" : "\"" + contentType + "\"",
                    actual.exchange().summary(), excerpt());
        }
        return this;
    }

    /** Continues with assertions on the body as a Session Thread (after checking it is one). */
    public ThreadAssert thread() {
        conformsTo(Schemas.sessionThread(actual.dialect()));
        // why: a thread of another dialect may meet this schema and differ only in values (status terminated)
        String hint = DialectGuess.mismatch(actual.body(), actual.dialect()).map(g -> g.advice() + "\n  ")
                .orElse("");
        return new ThreadAssert(actual.thread(), hint + actual.exchange().summary());
    }

    /** The first characters of the body, escaped, with its size (never the whole of a giant body). */
    private String excerpt() {
        return actual.excerpt();
    }
}
