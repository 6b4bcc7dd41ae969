package org.sessionthreads.conformance.explore.model;

/** The kinds of answer the model may allow an archive step. */
public enum Answer {
    /** 200 with the thread just archived (the transition). */
    ARCHIVED(200),
    /** 200 with the already archived thread, unchanged (a re-archive or an idempotent replay). */
    UNCHANGED(200),
    /** 409: the coordinator cannot be archived. */
    CONFLICT_COORDINATOR(409),
    /** 409: the child is not idle (running, or already archived under a reading that refuses re-archives). */
    CONFLICT_NOT_IDLE(409),
    /** 409: the Idempotency-Key was used for another request (error.type not judged). */
    KEY_CONFLICT(409),
    /** 404: session or thread does not exist. */
    NOT_FOUND(404),
    /** 401: the credentials are not the profile's token. */
    UNAUTHORIZED(401);

    private final int status;

    Answer(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
