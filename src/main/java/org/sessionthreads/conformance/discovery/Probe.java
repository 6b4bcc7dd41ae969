package org.sessionthreads.conformance.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Credentials;
import org.sessionthreads.conformance.client.DiscoveryRequests;
import org.sessionthreads.conformance.client.FixtureHook;
import org.sessionthreads.conformance.config.Dialect;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.fixture.FixtureKind;
import org.sessionthreads.conformance.fixture.ledger.FixtureLedger;

/**
 * Sends discovery's requests and turns each answer into a {@link Finding}. Only harmless requests (docs/settings.md#discovery,
 * "Discovery"): reads, bodies no conforming server acts on, and at most one session, made by the fixture hook
 * when the profile lets the run use the hook, recorded in the fixture ledger and released before the probe ends.
 * Without a hook a pre-provisioned pool entry is only read; without either the event list and stream cannot be
 * told from "unknown session", and are reported UNKNOWN rather than guessed ({@link EventProbe}).
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
            findings.addAll(new EventProbe(profile, requests).probe(session.id(), session.why()));
        }
        findings.add(idempotencyKey());
        return findings;
    }

    /**
     * Not discoverable (only archiving twice would show it), so the finding says where the setting came from, and
     * says so plainly when a profile switched off what the run's dialect documents.
     */
    private Finding idempotencyKey() {
        String key = "capabilities." + Capabilities.IDEMPOTENCY_KEY;
        boolean required = profile.capabilities().idempotencyKey();
        Dialect dialect = profile.readings().dialect();
        String source = profile.effective().sourceOf(key).orElse("default");
        String observed = dialect.documents(key) && !required
                ? "not discoverable (declared-only); the " + dialect.wireName() + " dialect documents it, but " + source
                        + " switches it off, so IDEM-001 and IDEM-002 are DISABLED"
                : "not discoverable: only archiving twice would show it; declared-only: "
                        + (required ? "required" : "off") + " (" + source + ")";
        return new Finding(Capabilities.IDEMPOTENCY_KEY, String.valueOf(required), Presence.UNKNOWN, observed, "");
    }

    private Finding authentication(String capability, Credentials credentials) {
        String declared = "401 with the error envelope (spec)";
        Optional<ApiResponse> answer = Answers.send(() -> requests.listThreadsOfUnknownSession(credentials));
        if (answer.isEmpty()) {
            return new Finding(capability, declared, Presence.UNKNOWN, "no answer", "");
        }
        ApiResponse response = answer.get();
        boolean envelope = "error".equals(response.error().envelopeType()) && response.error().type() != null;
        String observed = response.status() + (envelope ? " with the error envelope (" + response.error().type() + ")"
                : " without the error envelope");
        return new Finding(capability, declared, response.status() == 401 ? Presence.PRESENT : Presence.ABSENT,
                observed, Answers.evidence(response));
    }

    private Finding profileToken() {
        Optional<ApiResponse> answer = Answers.send(() -> requests.listThreadsOfUnknownSession(Credentials.profileToken()));
        if (answer.isEmpty()) {
            return new Finding(Capabilities.TOKEN, "accepted", Presence.UNKNOWN, "no answer", "");
        }
        int status = answer.get().status();
        return new Finding(Capabilities.TOKEN, "accepted", status == 401 || status == 403 ? Presence.ABSENT
                : Presence.PRESENT, status == 401 || status == 403 ? "refused (" + status + "): check the token"
                : "accepted (" + status + " for an unknown session)", Answers.evidence(answer.get()));
    }

    private Finding fixtureHook() {
        String declared = (profile.fixtureStrategies().contains("hook") ? "hook in fixture_strategies"
                : "hook not in fixture_strategies") + ", " + hook.map(h -> "url " + h.url()).orElse("no url");
        if (hook.isEmpty()) {
            return new Finding(Capabilities.FIXTURE_HOOK, declared, Presence.UNKNOWN,
                    "not probed: no fixture hook URL (setting fixtures)", "");
        }
        Optional<ApiResponse> answer = Answers.send(() -> requests.unknownFixtureKind(hook.get().url()));
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
                    "answers 201 even for an unknown kind (released at once)", Answers.evidence(response));
        }
        Presence presence = status == 400 || status == 422 ? Presence.PRESENT
                : status == 404 || status == 405 ? Presence.ABSENT : Presence.UNKNOWN;
        hookRefusal = presence == Presence.PRESENT ? String.valueOf(response.error().message()) : "";
        return new Finding(Capabilities.FIXTURE_HOOK, declared, presence, switch (presence) {
            case PRESENT -> "exists: an unknown kind is refused with " + status;
            case ABSENT -> "absent: " + status + " where the hook would be";
            case UNKNOWN -> "cannot tell: " + status + " for an unknown kind";
        }, Answers.evidence(response));
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
        Optional<ApiResponse> answer = Answers.send(requests::invalidAgent);
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
        return new Finding(Capabilities.PUBLIC_API, declared, presence, observed, Answers.evidence(answer.get()));
    }

    private ProbeSession probeSession(boolean hookPresent) {
        if (hookPresent && profile.fixtureStrategies().contains("hook")) {
            Optional<ApiResponse> made = Answers.send(() -> hook.get().create(FixtureKind.IDLE_CHILD.wireName()));
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
        Answers.send(() -> hook.get().release(session)).filter(r -> r.status() / 100 == 2)
                .ifPresent(r -> ledger.sessionReleased(session, "released by discovery"));
    }

    /** The session the event questions are asked about; closing it releases what discovery made. */
    private record ProbeSession(Optional<String> id, String why, Runnable release) implements AutoCloseable {
        @Override
        public void close() {
            release.run();
        }
    }

}
