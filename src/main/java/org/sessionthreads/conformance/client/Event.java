package org.sessionthreads.conformance.client;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Read-only view of one session event (any type). Accessors return null for absent fields. */
public final class Event {
    private final JsonNode json;

    Event(JsonNode json) {
        this.json = json;
    }

    /** The event in {@code json} (e.g. a stream message's {@code data:}); a text that is not JSON has no fields. */
    public static Event parse(String json) {
        return new Event(JsonBody.parse(json));
    }

    public String id() {
        return JsonBody.text(json, "id");
    }

    public String type() {
        return JsonBody.text(json, "type");
    }

    public String sessionThreadId() {
        return JsonBody.text(json, "session_thread_id");
    }

    /** The sending thread of an {@code agent.thread_message_*} event (api-digest §4a). */
    public String fromSessionThreadId() {
        return JsonBody.text(json, "from_session_thread_id");
    }

    /** The receiving thread of an {@code agent.thread_message_*} event (api-digest §4a). */
    public String toSessionThreadId() {
        return JsonBody.text(json, "to_session_thread_id");
    }

    public String stopReasonType() {
        return JsonBody.text(json, "stop_reason", "type");
    }

    public String toolUseId() {
        return JsonBody.text(json, "tool_use_id");
    }

    /**
     * The text of {@code content}: a plain string (older event shape) or the concatenated {@code text} of its
     * blocks (newer shape); empty when there is no content.
     */
    public String text() {
        JsonNode content = json.path("content");
        if (content.isString()) {
            return content.asString();
        }
        List<String> parts = new ArrayList<>();
        content.forEach(block -> {
            if (block.path("text").isString()) {
                parts.add(block.path("text").asString());
            }
        });
        return String.join("", parts);
    }

    public JsonNode json() {
        return json;
    }

    /** {@code session.thread_status_idle evt_… (thread sthr_…)} for diagnostics. */
    public String brief() {
        return type() + " " + id() + (sessionThreadId() == null ? "" : " (thread " + sessionThreadId() + ")");
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
