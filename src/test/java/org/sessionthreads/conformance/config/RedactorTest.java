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
}
