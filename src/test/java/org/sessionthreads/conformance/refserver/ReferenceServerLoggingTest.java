package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReferenceServerLoggingTest {

    @Test
    void should_never_log_the_token() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            exerciseEverything();
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(RefClient.TOKEN);
    }

    private static void exerciseEverything() {
        try (ReferenceServer server = RefClient.start(RefClient.options().withFault(Fault.REJECTED_REQUEST_MUTATES))) {
            RefClient client = new RefClient(server);
            JsonNode fixture = client.fixture("waiting_coordinator");
            String thread = "/v1/sessions/" + fixture.get("session_id").asString() + "/threads/"
                    + fixture.get("thread_id").asString();
            client.send("POST", thread + "/archive", null, "Authorization", "Bearer " + RefClient.TOKEN + "-no");
            client.send("GET", "/v1/sessions/%zz/threads?token=" + RefClient.TOKEN, null,
                    "Authorization", RefClient.BEARER);
            client.send("PUT", thread, "{}", "Authorization", RefClient.BEARER, "x-api-key", RefClient.TOKEN);
            client.archive(fixture);
            client.get(thread + "/events?limit=0");
        }
    }
}
