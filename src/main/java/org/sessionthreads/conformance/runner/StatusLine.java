package org.sessionthreads.conformance.runner;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The terminal's status line, redrawn in place, and the streams everything else prints through: a line printed
 * while the status is shown first clears it, so log lines never land on the progress line; the next redraw paints
 * it again below them. A redraw waits while a line is half written (its end has not come yet). One lock guards the
 * terminal for every writer.
 */
final class StatusLine {
    private static final String CLEAR = "\r\033[2K";
    private final PrintStream terminal;
    private boolean shown;
    private boolean midLine;

    StatusLine(PrintStream terminal) {
        this.terminal = terminal;
    }

    /** Shows {@code text} as the status, unless another writer is in the middle of a line (next redraw then). */
    synchronized void draw(String text) {
        if (!midLine) {
            terminal.print(CLEAR + text);
            terminal.flush();
            shown = true;
        }
    }

    /** Removes the status line, if shown. */
    synchronized void clear() {
        if (shown) {
            terminal.print(CLEAR);
            terminal.flush();
            shown = false;
        }
    }

    /** A stream writing to {@code target} (the terminal, or its error stream) that clears the status first. */
    PrintStream around(PrintStream target) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (StatusLine.this) {
                    if (length == 0) {
                        return;
                    }
                    clear();
                    target.write(bytes, offset, length);
                    target.flush();
                    midLine = bytes[offset + length - 1] != '\n';
                }
            }
        }, true, StandardCharsets.UTF_8);
    }
}
