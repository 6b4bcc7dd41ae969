package org.sessionthreads.conformance.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.DiscoveryRequests;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.client.TransportException;
import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.config.TargetProfile;

/**
 * The event questions of discovery, asked about one existing session: does the event list answer, does it page
 * with {@code limit}/{@code after_id}, does the stream answer {@code text/event-stream} (closed at once). Only
 * reads. Without a session nothing is sent: for an unknown session a missing route and a missing session both
 * answer 404, so the answer would prove nothing.
 */
final class EventProbe {
    private final TargetProfile profile;
    private final DiscoveryRequests requests;

    EventProbe(TargetProfile profile, DiscoveryRequests requests) {
        this.profile = profile;
        this.requests = requests;
    }

    /** @param session the probe session, if there is one; @param source how it was obtained, for the findings */
    List<Finding> probe(Optional<String> session, String source) {
        String listDeclared = declared(EventChannel.POLLING);
        String streamDeclared = declared(EventChannel.SSE);
        if (session.isEmpty()) {
            String why = "not observable: no session to probe with (" + source + "); for an unknown session "
                    + "a missing route and a missing session both answer 404";
            return List.of(new Finding(Capabilities.EVENT_LIST, listDeclared, Presence.UNKNOWN, why, ""),
                    new Finding(Capabilities.EVENT_PAGING, "limit and after_id", Presence.UNKNOWN, why, ""),
                    new Finding(Capabilities.EVENT_STREAM, streamDeclared, Presence.UNKNOWN, why, ""));
        }
        String id = session.get();
        List<Finding> findings = new ArrayList<>(eventList(id, listDeclared, source));
        findings.add(stream(id, streamDeclared, source));
        return findings;
    }

    private String declared(EventChannel channel) {
        return channel.wireName() + (channel.isOfferedBy(profile) ? " in" : " not in") + " event_channels";
    }

    private List<Finding> eventList(String session, String declared, String source) {
        Optional<ApiResponse> first = Answers.send(() -> requests.events(session, 1, null));
        if (first.isEmpty()) {
            return List.of(new Finding(Capabilities.EVENT_LIST, declared, Presence.UNKNOWN, "no answer", ""),
                    new Finding(Capabilities.EVENT_PAGING, "limit and after_id", Presence.UNKNOWN, "no answer", ""));
        }
        ApiResponse page = first.get();
        int status = page.status();
        Presence presence = status == 200 && page.json().path("data").isArray() ? Presence.PRESENT
                : status == 404 || status == 405 ? Presence.ABSENT : Presence.UNKNOWN;
        Finding list = new Finding(Capabilities.EVENT_LIST, declared, presence, (presence == Presence.PRESENT
                ? "answers a page" : "answers " + status) + " for " + source, Answers.evidence(page));
        if (presence != Presence.PRESENT) {
            return List.of(list, new Finding(Capabilities.EVENT_PAGING, "limit and after_id", Presence.UNKNOWN,
                    "no event list", ""));
        }
        return List.of(list, paging(session, page));
    }

    private Finding paging(String session, ApiResponse first) {
        int size = first.json().path("data").size();
        if (size > 1) {
            return new Finding(Capabilities.EVENT_PAGING, "limit and after_id", Presence.ABSENT,
                    "limit=1 answered " + size + " events", Answers.evidence(first));
        }
        if (size == 0 || !first.hasMore()) {
            return new Finding(Capabilities.EVENT_PAGING, "limit and after_id", Presence.UNKNOWN,
                    "the probe session has " + size + " event(s): paging not observable", Answers.evidence(first));
        }
        String firstId = String.valueOf(first.events().get(0).id());
        Optional<ApiResponse> next = Answers.send(() -> requests.events(session, 1, firstId));
        if (next.isEmpty()) {
            return new Finding(Capabilities.EVENT_PAGING, "limit and after_id", Presence.UNKNOWN, "no answer", "");
        }
        ApiResponse second = next.get();
        List<String> ids = new ArrayList<>();
        second.json().path("data").forEach(event -> ids.add(event.path("id").asString("")));
        boolean pages = second.status() == 200 && ids.size() == 1 && !ids.get(0).equals(firstId);
        return new Finding(Capabilities.EVENT_PAGING, "limit and after_id", pages ? Presence.PRESENT : Presence.ABSENT,
                pages ? "limit=1 gives one event; after_id=<it> gives the next one"
                        : "after_id=" + firstId + " answered " + second.status() + " with " + ids,
                Answers.evidence(first) + "; " + Answers.evidence(second));
    }

    private Finding stream(String session, String declared, String source) {
        Exchange exchange;
        try {
            exchange = requests.openAndCloseStream(session);
        } catch (TransportException e) {
            return new Finding(Capabilities.EVENT_STREAM, declared, Presence.UNKNOWN,
                    "no answer: " + e.getMessage(), "");
        }
        String contentType = exchange.responseHeaders().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("content-type") && !h.getValue().isEmpty())
                .map(h -> h.getValue().get(0)).findFirst().orElse("(none)");
        boolean stream = exchange.status() == 200 && contentType.toLowerCase(Locale.ROOT)
                .startsWith("text/event-stream");
        Presence presence = stream ? Presence.PRESENT
                : exchange.status() == 200 || exchange.status() == 404 || exchange.status() == 405
                || exchange.status() == 406 ? Presence.ABSENT : Presence.UNKNOWN;
        return new Finding(Capabilities.EVENT_STREAM, declared, presence,
                (stream ? "answers text/event-stream" : "answers " + exchange.status() + " " + contentType)
                        + " for " + source + " (closed at once)", exchange.summary());
    }

}
