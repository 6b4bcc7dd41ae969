package org.sessionthreads.conformance.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sessionthreads.conformance.assertions.ConformanceAssertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.BodyText;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Secret;
import org.sessionthreads.conformance.schema.Schemas;

/**
 * Hostile answer bodies end as a failed assertion (FAIL) that quotes the first characters, escaped, and never as a
 * pass, a crash or a giant message; the exchange the reports see keeps at most {@link BodyText#REPORT_LIMIT}
 * characters. Each body is served over HTTP, through the suite's real client.
 */
class HostileBodiesTest {
    private static final String VALID_THREAD = "{\"id\":\"sthr_1\",\"type\":\"session_thread\",\"session_id\":\"sess_1\","
            + "\"role\":\"child\",\"status\":\"archived\",\"stop_reason\":{\"type\":\"archive\"}}";
    private static final int MESSAGE_BOUND = 2_000;
    private final Secret token = Secret.of("tok-hostile-bodies-123456");
    private final ServedAnswers served = new ServedAnswers(token);
    private final List<Exchange> exchanges = served.exchanges();

    @AfterEach
    void stop() {
        served.close();
    }

    @Test
    void should_fail_html_quoting_its_first_characters_escaped() throws IOException {
        ApiResponse response = answer("text/html", "<html>\n<body>\"Bad gateway\"</body></html>".getBytes(
                StandardCharsets.UTF_8));

        assertThatThrownBy(() -> assertThat(response).conformsTo(Schemas.SESSION_THREAD))
                .isInstanceOf(AssertionError.class).hasMessageContaining("body is not JSON")
                .hasMessageContaining("body: \"<html>\\n<body>\\\"Bad gateway\\\"</body></html>\" (40 bytes)");
    }

    @Test
    void should_fail_truncated_json() throws IOException {
        ApiResponse response = answer("application/json", VALID_THREAD.substring(0, 40).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> assertThat(response).conformsTo(Schemas.SESSION_THREAD))
                .isInstanceOf(AssertionError.class).hasMessageContaining("body is not JSON");
    }

    @Test
    void should_fail_invalid_utf8_naming_the_byte_even_where_lenient_decoding_would_pass() throws IOException {
        byte[] body = VALID_THREAD.replace("sthr_1", "sthr_\u00e91").getBytes(StandardCharsets.UTF_8);
        int at = VALID_THREAD.indexOf("sthr_1") + 5;
        body[at + 1] = 0x28; // the continuation byte of é becomes '(': 0xC3 0x28 is not UTF-8
        ApiResponse response = answer("application/json", body);

        assertThat(response.utf8Problem()).isEqualTo("byte 0xC3 at offset " + at + " is not valid UTF-8");
        assertThat(response.json().isMissingNode()).as("a body that is not UTF-8 is no JSON").isTrue();
        assertThatThrownBy(() -> assertThat(response).conformsTo(Schemas.SESSION_THREAD))
                .isInstanceOf(AssertionError.class).hasMessageContaining("it is not UTF-8 JSON: byte 0xC3")
                .hasMessageContaining("\\uFFFD");
    }

    @Test
    void should_accept_valid_utf8_outside_ascii() throws IOException {
        ApiResponse response = answer("application/json",
                VALID_THREAD.replace("sthr_1", "sthr_\u00e9\u4e2d\ud83d\ude00").getBytes(StandardCharsets.UTF_8));

        assertThat(response.utf8Problem()).isEmpty();
        assertThat(response.thread().id()).isEqualTo("sthr_\u00e9\u4e2d\ud83d\ude00");
    }

    @Test
    void should_fail_absurd_nesting_without_a_stack_overflow() throws IOException {
        int depth = 100_000;
        ApiResponse response = answer("application/json",
                ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> assertThat(response).conformsTo(Schemas.SESSION_THREAD))
                .isInstanceOf(AssertionError.class).hasMessageContaining("body is not JSON")
                .hasMessageContaining("(first 200 characters of 200000 bytes)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(MESSAGE_BOUND));
        assertThat(response.json().isMissingNode()).isTrue();
    }

    @Test
    // a body under limits.body (4 MB), which transport cuts itself: this checks what reports and messages keep
    void should_fail_a_huge_body_with_a_bounded_message_and_a_bounded_report() throws IOException {
        ByteArrayOutputStream huge = new ByteArrayOutputStream();
        huge.write("{\"id\":\"sthr_1\",\"padding\":\"".getBytes(StandardCharsets.UTF_8));
        huge.write("x".repeat(3 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
        huge.write(("\",\"echo\":\"" + token.reveal() + "\"}").getBytes(StandardCharsets.UTF_8));
        ApiResponse response = answer("application/json", huge.toByteArray());

        assertThatThrownBy(() -> assertThat(response).hasStatus(201))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("(first 200 characters of " + huge.size() + " bytes)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(MESSAGE_BOUND));
        assertThat(exchanges).singleElement().satisfies(exchange -> assertThat(exchange.responseBody())
                .hasSizeLessThan(BodyText.REPORT_LIMIT + 200).contains("[cut by the suite: the body has "
                        + huge.size() + " bytes").doesNotContain(token.reveal()));
    }

    @Test
    void should_redact_before_cutting_so_no_part_of_a_secret_survives_the_cut() {
        String body = "x".repeat(BodyText.REPORT_LIMIT - 5) + token.reveal() + "tail";

        assertThat(BodyText.forReport(new Redactor(List.of(token)), body.getBytes(StandardCharsets.UTF_8)))
                .doesNotContain(token.reveal().substring(0, 5));
    }

    private ApiResponse answer(String contentType, byte[] body) {
        return served.answer(contentType, body);
    }
}
