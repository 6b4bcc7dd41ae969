package org.sessionthreads.conformance.explore.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sessionthreads.conformance.client.ApiError;
import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.SessionThread;
import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.explore.Violation;
import org.sessionthreads.conformance.schema.SchemaRegistry;
import org.sessionthreads.conformance.schema.Schemas;

/**
 * Judges one archive answer against what the model allowed: its status among the allowed answers, and for that
 * answer its body (the archived thread of the dialect's schema, the error envelope with the reading's error.type).
 * Returns the answer the target gave, when the model allows it, so the sequence can follow the model's state.
 */
public final class AnswerRules {
    private final Readings readings;

    public AnswerRules(Readings readings) {
        this.readings = readings;
    }

    /** The judged answer: which allowed answer it was (empty when none) and the rules it broke. */
    public record Judged(Optional<Answer> answer, List<Violation> violations) {
    }

    /**
     * @param archived the child's first accepted archive answer so far (null before), which a re-archive must repeat
     * @param stored   the child as the last observation read it (null when unread)
     * @param expected the thread id and session id the step named
     */
    public Judged judge(Expectation expectation, ApiResponse response, SessionThread archived, SessionThread stored,
                        String expectedThread, String expectedSession) {
        List<Violation> violations = new ArrayList<>();
        String requirement = expectation.answerRequirement();
        Optional<Answer> answer = expectation.allowed().keySet().stream()
                .filter(a -> a.status() == response.status()).findFirst();
        if (answer.isEmpty()) {
            violations.add(violation(requirement, "archive.answer.status", "status in " + expectation.statuses()
                    + " (" + expectation.allowed().keySet() + ")", response.status() + " " + response.excerpt(),
                    response));
            return new Judged(answer, violations);
        }
        if (response.status() == 200) {
            thread(response, requirement, expectedThread, expectedSession, violations);
            if (answer.get() == Answer.UNCHANGED && archived != null) {
                unchanged(response.thread(), archived, stored, requirement, response, violations);
            }
        } else {
            error(answer.get(), response, requirement, violations, expectation.step());
        }
        return new Judged(answer, violations);
    }

    private void thread(ApiResponse response, String requirement, String threadId, String sessionId,
                        List<Violation> violations) {
        if (!Fields.isJson(response.header("Content-Type"))) {
            violations.add(violation("WIRE-001", "answer.json.labelled", "Content-Type application/json",
                    String.valueOf(response.header("Content-Type")), response));
        }
        var schema = Schemas.sessionThread(readings.dialect());
        var problems = SchemaRegistry.shared().validate(schema, response.body());
        String schemaRequirement = "ARCH-001".equals(requirement) ? "ARCH-001" : requirement;
        if (!problems.isEmpty()) {
            violations.add(violation(schemaRequirement, "archive.answer.schema", "a body that meets " + schema,
                    problems.get(0) + " (" + problems.size() + " problems)", response));
            return;
        }
        SessionThread thread = response.thread();
        boolean sameIds = threadId.equals(thread.id()) && sessionId.equals(thread.sessionId())
                && (!readings.threadHasRole() || "child".equals(thread.role()));
        if (!sameIds) {
            violations.add(violation(schemaRequirement, "archive.answer.thread", "the named child " + threadId
                    + " of " + sessionId + (readings.threadHasRole() ? ", role child" : ""), "id " + thread.id()
                    + ", session_id " + thread.sessionId() + ", role " + thread.role(), response));
        }
        boolean stopReason = !readings.threadHasStopReason() || "archive".equals(thread.stopReasonType());
        if (!readings.archivedStatus().equals(thread.status()) || !stopReason) {
            violations.add(violation("ARCH-001".equals(requirement) ? "ARCH-002" : requirement,
                    "archive.answer.archived", "status " + readings.archivedStatus()
                            + (readings.threadHasStopReason() ? ", stop_reason archive" : ""),
                    Fields.brief(thread), response));
        }
        var archivedAt = Fields.instant(thread.archivedAt());
        var createdAt = Fields.instant(thread.createdAt());
        if (archivedAt.isEmpty() || createdAt.isPresent() && archivedAt.get().isBefore(createdAt.get())) {
            violations.add(violation("ARCH-001".equals(requirement) ? "ARCH-003" : requirement,
                    "archive.answer.archived_at", "archived_at set, not before created_at " + thread.createdAt(),
                    "archived_at " + thread.archivedAt(), response));
        }
    }

    private static void unchanged(SessionThread answer, SessionThread archived, SessionThread stored,
                                  String requirement, ApiResponse response, List<Violation> violations) {
        boolean same = Fields.sameInstant(archived.archivedAt(), answer.archivedAt())
                && (stored == null || Fields.sameInstant(stored.updatedAt(), answer.updatedAt()));
        if (!same) {
            violations.add(violation(requirement, "rearchive.unchanged", "the thread as archived ("
                    + Fields.brief(archived) + ") and as stored (updated_at "
                    + (stored == null ? "?" : stored.updatedAt()) + ")", Fields.brief(answer), response));
        }
    }

    private void error(Answer answer, ApiResponse response, String requirement, List<Violation> violations,
                       Step step) {
        var problems = SchemaRegistry.shared().validate(Schemas.ERROR_ENVELOPE, response.body());
        if (!problems.isEmpty()) {
            violations.add(violation(requirement, "archive.answer.envelope", "the error envelope",
                    problems.get(0) + ": " + response.excerpt(), response));
            return;
        }
        ApiError error = response.error();
        List<String> types = switch (answer) {
            case UNAUTHORIZED -> List.of("authentication_error");
            case NOT_FOUND -> step instanceof Step.Archive a && a.target() == Target.UNKNOWN_SESSION
                    ? notFoundTypes() : List.of("not_found_error");
            case CONFLICT_COORDINATOR, CONFLICT_NOT_IDLE -> readings.acceptsConflictType(error.type())
                    ? List.of(error.type()) : List.of(readings.conflictErrorType());
            default -> List.of(error.type());
        };
        if (!types.contains(error.type())) {
            violations.add(violation(requirement, "archive.answer.error_type", "error.type in " + types,
                    "error.type " + error.type(), response));
        }
        String code = answer == Answer.CONFLICT_COORDINATOR ? "coordinator_thread_not_archivable"
                : answer == Answer.CONFLICT_NOT_IDLE ? "thread_not_idle" : null;
        if (readings.errorCodes() && code != null && !code.equals(error.code())) {
            violations.add(violation(requirement, "archive.answer.error_code", "error.code " + code,
                    "error.code " + error.code(), response));
        }
    }

    /**
     * A 404 for an unknown session: the dialect's readings of a missing session's error type (the Forward pages'
     * session row says {@code not_found}) besides {@code not_found_error}; every other 404 (a thread missing or not
     * in the session) is {@code not_found_error}, as the scenarios of NF-001 hold it.
     */
    private List<String> notFoundTypes() {
        List<String> types = new ArrayList<>(readings.missingSessionErrorTypes());
        if (!types.contains("not_found_error")) {
            types.add("not_found_error");
        }
        return types;
    }

    static Violation violation(String requirement, String rule, String allowed, String observed,
                               ApiResponse response) {
        return new Violation(requirement, rule, allowed, observed, List.of(response.exchange()));
    }
}
