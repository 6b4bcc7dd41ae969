package org.sessionthreads.conformance.refserver.model;

import java.util.Map;

/**
 * Why a thread stopped: {@code end_turn} when it went idle, {@code archive} when it was archived. A running or
 * blocked thread has no stop reason ({@code null} on the wire).
 */
public enum StopReason {
    END_TURN("end_turn"),
    ARCHIVE("archive");

    private final String wireName;

    StopReason(String wireName) {
        this.wireName = wireName;
    }

    /** The wire object, e.g. {@code {"type":"archive"}}. */
    public Map<String, Object> toWire() {
        return Map.of("type", wireName);
    }
}
