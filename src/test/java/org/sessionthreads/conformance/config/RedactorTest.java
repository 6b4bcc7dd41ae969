package org.sessionthreads.conformance.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RedactorTest {
    private final Secret token = Secret.of("pt-canary-7f3a");
    private final Redactor redactor = new Redactor(List.of(token));

    @Test
    void should_mask_credential_headers_but_keep_the_scheme() {
        assertThat(redactor.header("Authorization", "Bearer pt-canary-7f3a")).isEqualTo("Bearer [REDACTED]");
        assertThat(redactor.header("x-api-key", "anything")).isEqualTo("[REDACTED]");
        assertThat(redactor.header("Cookie", "a=b")).isEqualTo("[REDACTED]");
    }

    @Test
    void should_remove_the_secret_from_any_text() {
        assertThat(redactor.text("GET /v1?token=pt-canary-7f3a and again pt-canary-7f3a"))
                .isEqualTo("GET /v1?token=[REDACTED] and again [REDACTED]");
        assertThat(redactor.header("x-request-id", "pt-canary-7f3a")).isEqualTo("[REDACTED]");
    }

    @Test
    void should_never_print_a_secret() {
        assertThat(token.toString()).isEqualTo("[REDACTED]");
        assertThat(Secret.random().toString()).isEqualTo("[REDACTED]");
    }

    @Test
    void should_mask_every_near_miss_the_suite_sends_in_headers_bodies_and_urls() {
        for (NearMissToken variant : NearMissToken.values()) {
            String sent = variant.of("pt-canary-7f3a");

            assertThat(redactor.header("Authorization", "Bearer " + sent)).as("%s header", variant)
                    .isEqualTo("Bearer [REDACTED]");
            assertThat(redactor.text("{\"echo\":\"Bearer " + sent + "\"}")).as("%s body", variant)
                    .isEqualTo("{\"echo\":\"Bearer [REDACTED]\"}");
            assertThat(redactor.text("GET /v1/x?t=" + java.net.URLEncoder.encode(sent,
                    java.nio.charset.StandardCharsets.UTF_8))).as("%s url", variant).isEqualTo("GET /v1/x?t=[REDACTED]");
        }
        assertThat(redactor.text("echo PT-CANARY-7F3A")).isEqualTo("echo [REDACTED]");
        assertThat(redactor.text("t-canary-7f3a and pt-canary-7f3")).doesNotContain("canary");
    }

    @Test
    void should_mask_a_secret_written_with_characters_whose_case_folds_onto_ascii() {
        Redactor folding = new Redactor(List.of(Secret.of("sk-live-token-42")));

        // U+017F (long s) and U+212A (Kelvin sign) fold onto s and k, as the case-insensitive patterns compare
        assertThat(folding.text("echo \u017FK-LIVE-TOKEN-42!")).isEqualTo("echo [REDACTED]!");
        assertThat(folding.text("echo s\u212A-live-token-42")).isEqualTo("echo [REDACTED]");
        assertThat(folding.text("nothing secret here")).isEqualTo("nothing secret here");
    }

    @Test
    void should_mask_a_secret_that_is_not_ascii() {
        Redactor unicode = new Redactor(List.of(Secret.of("t\u00F6ken-\u00DF-12345")));

        assertThat(unicode.text("a T\u00D6KEN-\u00DF-12345 b")).isEqualTo("a [REDACTED] b");
    }
}
