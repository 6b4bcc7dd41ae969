package org.sessionthreads.conformance.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Credentials;
import org.sessionthreads.conformance.client.DiscoveryRequests;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.client.FixtureHook;
import org.sessionthreads.conformance.client.TransportException;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.fixture.FixtureKind;
import org.sessionthreads.conformance.fixture.ledger.FixtureLedger;

/**
 * Sends discovery's requests and turns each answer into a {@link Finding}. Only harmless requests (README,
 * "Discovery"): reads, bodies no conforming server acts on, and at most one session, made by the fixture hook
 * when the profile lets the run use the hook, recorded in the fixture ledger and released before the probe ends.
 * Without a hook a pre-provisioned pool entry is only read; without either the event list and stream cannot be
 * told from "unknown session", and are reported UNKNOWN rather than guessed.
 */
final class Probe {
    /** The ledger's strategy name for the one session discovery makes. */
    static final String LEDGER_STRATEGY = "discovery";
    private final TargetProfile profile;
    private final DiscoveryRequests requests;
    private final Optional<FixtureHook> hook;
    private final FixtureLedger ledger;
    /** The message of the hook's refusal of an unknown kind: it may name the kinds the hook offers. */
    private String hookRefusal = "";

    Probe(TargetProfile profile, DiscoveryRequests requests, Optional<FixtureHook> hook, FixtureLedger ledger) {
        this.profile = profile;
        this.requests = requests;
        this.hook = hook;
        this.ledger = ledger;
    }

    List<Finding> run() {
        List<Finding> findings = new ArrayList<>();
        findings.add(authentication(Capabilities.AUTH_MISSING_TOKEN, Credentials.none()));
        findings.add(authentication(Capabilities.AUTH_WRONG_TOKEN,
                Credentials.authorization(DiscoveryRequests.WRONG_TOKEN)));
        findings.add(profileToken());
        Finding hookFinding = fixtureHook();
        findings.add(hookFinding);
        findings.add(fixtureKinds(hookFinding));
        findings.add(publicApi());
        try (ProbeSession session = probeSession(hookFinding.presence() == Presence.PRESENT)) {
            findings.addAll(events(session));
        }
        findings.add(new Finding(Capabilities.IDEMPOTENCY_KEY, String.valueOf(profile.capabilities().idempotencyKey()),
                Presence.UNKNOWN, "not discoverable: only archiving twice would show it; declared-only", ""));
        return findings;
    }

    private Finding authentication(String capability, Credentials credentials) {
        String declared = "401 with the error envelope (spec)";
        Optional<ApiResponse> answer = send(() -> requests.listThreadsOfUnknownSession(credentials));
        if (answer.isEmpty()) {
            return new Finding(capability, declared, Presence.UNKNOWN, "no answer", "");
        }
        ApiResponse response = answer.get();
        boolean envelope = "error".equals(response.error().envelopeType()) && response.error().type() != null;
        String observed = response.status() + (envelope ? " with the error envelope (" + response.error().type() + ")"
                : " without the error envelope");
        return new Finding(capability, declared, response.status() == 401 ? Presence.PRESENT : Presence.ABSENT,
                observed, evidence(response));
    }

    private Finding profileToken() {
        Optional<ApiResponse> answer = send(() -> requests.listThreadsOfUnknownSession(Credentials.profileToken()));
        if (answer.isEmpty()) {
            return new Finding(Capabilities.TOKEN, "accepted", Presence.UNKNOWN, "no answer", "");
        }
        int status = answer.get().status();
        return new Finding(Capabilities.TOKEN, "accepted", status == 401 || status == 403 ? Presence.ABSENT
                : Presence.PRESENT, status == 401 || status == 403 ? "refused (" + status + "): check the token"
                : "accepted (" + status + " for an unknown session)", evidence(answer.get()));
    }

    private Finding fixtureHook() {
        String declared = (profile.fixtureStrategies().contains("hook") ? "hook in fixture_strategies"
                : "hook not in fixture_strategies") + ", " + hook.map(h -> "url " + h.url()).orElse("no url");
        if (hook.isEmpty()) {
            return new Finding(Capabilities.FIXTURE_HOOK, declared, Presence.UNKNOWN,
                    "not probed: no fixture hook URL (setting fixtures)", "");
        }
        Optional<ApiResponse> answer = send(() -> requests.unknownFixtureKind(hook.get().url()));
        if (answer.isEmpty()) {
            return new Finding(Capabilities.FIXTURE_HOOK, declared, Presence.ABSENT,
                    "no answer from " + hook.get().url(), "");
        }
        ApiResponse response = answer.get();
        int status = response.status();
        if (status == 201) { // why: a hook that made something of a kind it cannot know; give it back at once
            String session = response.json().path("session_id").asString("");
            if (!session.isEmpty()) {
                ledger.sessionCreated(LEDGER_STRATEGY, DiscoveryRequests.UNKNOWN_KIND, session, null);
                release(session);
            }
            return new Finding(Capabilities.FIXTURE_HOOK, declared, Presence.PRESENT,
                    "answers 201 even for an unknown kind (released at once)", evidence(response));
        }
        Presence presence = status == 400 || status == 422 ? Presence.PRESENT
                : status == 404 || status == 405 ? Presence.ABSENT : Presence.UNKNOWN;
        hookRefusal = presence == Presence.PRESENT ? String.valueOf(response.error().message()) : "";
        return new Finding(Capabilities.FIXTURE_HOOK, declared, presence, switch (presence) {
            case PRESENT -> "exists: an unknown kind is refused with " + status;
            case ABSENT -> "absent: " + status + " where the hook would be";
            case UNKNOWN -> "cannot tell: " + status + " for an unknown kind";
        }, evidence(response));
    }

    /** The kinds only when the hook's refusal names them; nothing is created to find out. */
    private Finding fixtureKinds(Finding hookFinding) {
        String declared = "the kinds the scenarios ask for: " + Arrays.stream(FixtureKind.values())
                .map(FixtureKind::wireName).toList();
        if (hookFinding.presence() != Presence.PRESENT) {
            return new Finding(Capabilities.FIXTURE_KINDS, declared, Presence.UNKNOWN, "no hook to ask", "");
        }
        List<String> named = Arrays.stream(FixtureKind.values()).map(FixtureKind::wireName)
                .filter(hookRefusal::contains).toList();
        return named.isEmpty()
                ? new Finding(Capabilities.FIXTURE_KINDS, declared, Presence.UNKNOWN,
                "not learnt: the hook's refusal names no kind, and discovery creates nothing to find out", "")
                : new Finding(Capabilities.FIXTURE_KINDS, declared, Presence.PRESENT,
                "named in the hook's refusal of an unknown kind: " + named, hookFinding.evidence());
    }

    private Finding publicApi() {
        String declared = profile.fixtureStrategies().contains("api") ? "api in fixture_strategies"
                : "api not in fixture_strategies";
        Optional<ApiResponse> answer = send(requests::invalidAgent);
        if (answer.isEmpty()) {
            return new Finding(Capabilities.PUBLIC_API, declared, Presence.UNKNOWN, "no answer", "");
        }
        int status = answer.get().status();
        Presence presence = status == 400 || status == 422 ? Presence.PRESENT
                : status == 404 || status == 405 ? Presence.ABSENT : Presence.UNKNOWN;
        String observed = switch (presence) {
            case PRESENT -> "POST /agents exists: an invalid body is refused with " + status;
            case ABSENT -> "POST /agents answers " + status;
            case UNKNOWN -> status / 100 == 2 ? "POST /agents accepted a JSON array (" + status
                    + "): an agent may have been made (agents have no documented delete)"
                    : "cannot tell: POST /agents answers " + status;
        };
        return new Finding(Capabilities.PUBLIC_API, declared, presence, observed, evidence(answer.get()));
    }

    private List<Finding> events(ProbeSession session) {
        String listDeclared = profile.capabilities().eventChannels().contains("polling") ? "polling in event_channels"
                : "polling not in event_channels";
        String streamDeclared = profile.capabilities().eventChannels().contains("sse") ? "sse in event_channels"
                : "sse not in event_channels";
        if (session.id().isEmpty()) {
            String why = "not observable: no session to probe with (" + session.why() + "); for an unknown session "
                    + "a missing route and a missing session both answer 404";
            return List.of(new Finding(Capabilities.EVENT_LIST, listDeclared, Presence.UNKNOWN, why, ""),
                    new Finding(Capabilities.EVENT_PAGING, "limit and after_id", Presence.UNKNOWN, why, ""),
                    new Finding(Capabilities.EVENT_STREAM, streamDeclared, Presence.UNKNOWN, why, ""));
        }
        String id = session.id().get();
        List<Finding> findings = new ArrayList<>(eventList(id, listDeclared, session.why()));
        findings.add(stream(id, streamDeclared, session.why()));
        return findings;
    }

    private List<Finding> eventList(String session, String declared, String source) {
        Optional<ApiResponse> first = send(() -> requests.events(session, 1, null));
        if (first.isEmpty()) {
            return List.of(new Finding(Capabilities.EVENT_LIST, declared, Presence.UNKNOWN, "no answer", ""),
                    new Finding(Capabilities.EVENT_PAGING, "limit and after_id", Presence.UNKNOWN, "no answer", ""));
        }
        ApiResponse page = first.get();
        int status = page.status();
        Presence presence = status == 200 && page.json().path("data").isArray() ? Presence.PRESENT
                : status == 404 || status == 405 ? Presence.ABSENT : Presence.UNKNOWN;
        Finding list = new Finding(Capabilities.EVENT_LIST, declared, presence, (presence == Presence.PRESENT
                ? "answers a page" : "answers " + status) + " for " + source, evidence(page));
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
                    "limit=1 answered " + size + " events", evidence(first));
        }
        if (size == 0 || !first.hasMore()) {
            return new Finding(Capabilities.EVENT_PAGING, "limit and after_id", Presence.UNKNOWN,
                    "the probe session has " + size + " event(s): paging not observable", evidence(first));
        }
        String firstId = String.valueOf(first.events().get(0).id());
        Optional<ApiResponse> next = send(() -> requests.events(session, 1, firstId));
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
                evidence(first) + "; " + evidence(second));
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
        boolean stream = exchange.status() == 200 && contentType.toLowerCase(java.util.Locale.ROOT)
                .startsWith("text/event-stream");
        Presence presence = stream ? Presence.PRESENT
                : exchange.status() == 200 || exchange.status() == 404 || exchange.status() == 405
                || exchange.status() == 406 ? Presence.ABSENT : Presence.UNKNOWN;
        return new Finding(Capabilities.EVENT_STREAM, declared, presence,
                (stream ? "answers text/event-stream" : "answers " + exchange.status() + " " + contentType)
                        + " for " + source + " (closed at once)", exchange.summary());
    }

    private ProbeSession probeSession(boolean hookPresent) {
        if (hookPresent && profile.fixtureStrategies().contains("hook")) {
            Optional<ApiResponse> made = send(() -> hook.get().create(FixtureKind.IDLE_CHILD.wireName()));
            String session = made.filter(r -> r.status() == 201).map(r -> r.json().path("session_id").asString(""))
                    .filter(id -> !id.isEmpty()).orElse(null);
            if (session != null) {
                ledger.sessionCreated(LEDGER_STRATEGY, FixtureKind.IDLE_CHILD.wireName(), session,
                        made.get().json().path("thread_id").asString(null));
                return new ProbeSession(Optional.of(session), "an idle_child session from the hook, released after",
                        () -> release(session));
            }
        }
        for (FixtureKind kind : FixtureKind.values()) {
            List<String> pool = profile.fixtureSettings().pool(kind.wireName());
            if (!pool.isEmpty() && pool.get(0).startsWith("sess_")) {
                String session = pool.get(0).split("/")[0];
                return new ProbeSession(Optional.of(session), "pre-provisioned session " + session + ", only read",
                        () -> { });
            }
        }
        return new ProbeSession(Optional.empty(), hookPresent ? "hook not in fixture_strategies, no pool entry"
                : "no fixture hook, no pool entry", () -> { });
    }

    private void release(String session) {
        send(() -> hook.get().release(session)).filter(r -> r.status() / 100 == 2)
                .ifPresent(r -> ledger.sessionReleased(session, "released by discovery"));
    }

    private static Optional<ApiResponse> send(java.util.function.Supplier<ApiResponse> request) {
        try {
            return Optional.of(request.get());
        } catch (TransportException e) {
            return Optional.empty();
        }
    }

    private static String evidence(ApiResponse response) {
        return response.exchange().summary();
    }

    /** The session the event questions are asked about; closing it releases what discovery made. */
    private record ProbeSession(Optional<String> id, String why, Runnable release) implements AutoCloseable {
        @Override
        public void close() {
            release.run();
        }
    }

}
