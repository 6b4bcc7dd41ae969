package org.sessionthreads.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StatusLineTest {
    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final StatusLine status = new StatusLine(new PrintStream(terminal, true, StandardCharsets.UTF_8));
    private final PrintStream out = status.around(new PrintStream(terminal, true, StandardCharsets.UTF_8));

    @Test
    void aLinePrintedWhileTheStatusShowsClearsItFirst() {
        status.draw("[1/30] 00:01");
        out.println("[conformance] a line");

        assertThat(text()).isEqualTo("\r\033[2K[1/30] 00:01\r\033[2K[conformance] a line" + System.lineSeparator());
    }

    @Test
    void noRedrawInTheMiddleOfALine() {
        out.print("[conformance] half");
        status.draw("[1/30] 00:01");
        out.println(" a line");
        status.draw("[2/30] 00:02");

        assertThat(text()).isEqualTo("[conformance] half a line" + System.lineSeparator() + "\r\033[2K[2/30] 00:02");
    }

    private String text() {
        return terminal.toString(StandardCharsets.UTF_8);
    }
}
