package org.sessionthreads.conformance.config;

import java.util.Locale;

/**
 * Which reading the suite takes where the public docs disagree. Defaults follow the archive-thread page (the
 * primary source); each alternative is the reading of another documentation set, selectable per profile. See the
 * requirement catalogue for the sources.
 *
 * @param archivedStatus    the status an archived thread reports: "archived" (archive page, Forward) or
 *                          "terminated" (new CAS export)
 * @param conflictErrorType error.type of the 409 answers: "invalid_request_error" (archive page) or
 *                          "conflict_error" (Forward pages)
 * @param rearchive         what re-archiving an archived child may answer
 * @param dialect           the documentation set the run follows (setting {@code dialect}); it chose the defaults
 *                          of the other readings and selects the Session Thread schema
 * @param errorCodes        true: error answers carry the Forward pages' {@code error.code}
 *                          ({@code coordinator_thread_not_archivable}, {@code thread_not_idle}), and the suite
 *                          checks it (setting {@code readings.error_codes})
 */
public record Readings(String archivedStatus, String conflictErrorType, Rearchive rearchive, Dialect dialect,
                       boolean errorCodes) {
    /** {@code readings.conflict_error_type: any}: the 409's error.type is not judged (the CAS page does not show it). */
    public static final String ANY_ERROR_TYPE = "any";

    /** Readings under the archive page's dialect, without error codes. */
    public Readings(String archivedStatus, String conflictErrorType, Rearchive rearchive) {
        this(archivedStatus, conflictErrorType, rearchive, Dialect.DEFAULT, false);
    }

    /** Whether the thread carries {@code role} (not in the CAS export). */
    public boolean threadHasRole() {
        return dialect.shape().role();
    }

    /** Whether an archived thread carries {@code stop_reason {"type":"archive"}} (not in the CAS export). */
    public boolean threadHasStopReason() {
        return dialect.shape().stopReason();
    }

    /** The error.type values a 404 for an unknown session may carry. */
    public java.util.List<String> missingSessionErrorTypes() {
        return dialect.shape().missingSessionErrorTypes();
    }

    /** Whether {@code type} is an acceptable error.type of a 409 under this reading. */
    public boolean acceptsConflictType(String type) {
        return ANY_ERROR_TYPE.equals(conflictErrorType) || conflictErrorType.equals(type);
    }

    /** Accepted answers to archiving a thread that is already archived (the archive page is silent). */
    public enum Rearchive {
        /** 200 with the unchanged thread, or 409: either is conformant. */
        EITHER,
        /** Only 200 with the unchanged thread (Forward page). */
        OK,
        /** Only 409 (literal reading of "status is not idle"). */
        CONFLICT;

        /** The statuses this reading accepts for a re-archive. */
        public java.util.List<Integer> statuses() {
            return switch (this) {
                case EITHER -> java.util.List.of(200, 409);
                case OK -> java.util.List.of(200);
                case CONFLICT -> java.util.List.of(409);
            };
        }

        static Rearchive parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ProfileException("readings.rearchive must be one of either, ok, conflict; got '" + text + "'");
            }
        }
    }
}
