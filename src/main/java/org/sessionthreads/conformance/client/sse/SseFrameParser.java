package org.sessionthreads.conformance.client.sse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the bytes of a {@code text/event-stream} into {@link SseFrame}s, following the parsing rules of the HTML
 * standard's EventSource ("event stream interpretation"): lines end in CRLF, LF or CR (also when a chunk ends
 * between CR and LF); a leading byte-order mark is ignored; {@code :} lines are comments (heartbeats); several
 * {@code data:} lines join with {@code \n}; an {@code id:} line sets the last event id even when its message has no
 * data (that id is what a reconnect sends as {@code Last-Event-ID}); {@code retry:} sets the reconnection delay
 * when it is all digits; a message that the stream ends before its blank line is discarded.
 *
 * <p>Bounded: a line or a message's data longer than {@value #MAX_BYTES} bytes is dropped and
 * {@link #overflowed()} becomes true (the connection then treats the stream as broken), so a stream that never
 * sends a line end cannot fill the memory.
 *
 * <p>Pure and not thread-safe: feed it the chunks of one stream in order, from one thread at a time.
 *
 * <pre>{@code
 * SseFrameParser parser = new SseFrameParser();
 * parser.feed(bytes("id: evt_1\nevent: session.thread_status_terminated\nda"));   // → []
 * parser.feed(bytes("ta: {}\n\n"));   // → [SseFrame[id=evt_1, event=session.thread_status_terminated, data={}]]
 * }</pre>
 */
public final class SseFrameParser {
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    /** The longest line, and the longest data of one message, the parser keeps (4 MiB). */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    private boolean overflowed;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean afterCarriageReturn;
    private boolean firstLine = true;
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String idBuffer;
    private String lastEventId;
    private Duration retry;
    private int comments;

    /** Parses the next chunk; returns the messages it completed, oldest first. */
    public List<SseFrame> feed(byte[] chunk, int offset, int length) {
        List<SseFrame> frames = new ArrayList<>();
        for (int i = offset; i < offset + length; i++) {
            byte b = chunk[i];
            if (afterCarriageReturn && b == LF) {
                afterCarriageReturn = false;
                continue;
            }
            afterCarriageReturn = b == CR;
            if (b == CR || b == LF) {
                endOfLine(frames);
            } else if (line.size() < MAX_BYTES) {
                line.write(b);
            } else {
                overflowed = true;
            }
        }
        return frames;
    }

    public List<SseFrame> feed(byte[] chunk) {
        return feed(chunk, 0, chunk.length);
    }

    public List<SseFrame> feed(ByteBuffer chunk) {
        byte[] bytes = new byte[chunk.remaining()];
        chunk.get(bytes);
        return feed(bytes);
    }

    /** The id a reconnect sends as {@code Last-Event-ID}: set by the last dispatched message; null if none had one. */
    public String lastEventId() {
        return lastEventId == null || lastEventId.isEmpty() ? null : lastEventId;
    }

    /** The reconnection delay the server asked for with {@code retry:}, if it did. */
    public Optional<Duration> retry() {
        return Optional.ofNullable(retry);
    }

    /** True once a line or a message was longer than {@value #MAX_BYTES} bytes (and was dropped). */
    public boolean overflowed() {
        return overflowed;
    }

    /** How many comment lines (e.g. {@code : heartbeat}) were read. */
    public int comments() {
        return comments;
    }

    private void endOfLine(List<SseFrame> frames) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (firstLine && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        firstLine = false;
        if (text.isEmpty()) {
            dispatch(frames);
        } else if (text.charAt(0) == ':') {
            comments++;
        } else {
            int colon = text.indexOf(':');
            String field = colon < 0 ? text : text.substring(0, colon);
            String value = colon < 0 ? "" : text.substring(colon + 1);
            field(field, value.startsWith(" ") ? value.substring(1) : value);
        }
    }

    private void field(String name, String value) {
        switch (name) {
            case "event" -> eventType = value;
            case "data" -> {
                if (data.length() + value.length() < MAX_BYTES) {
                    data.append(value).append('\n');
                } else {
                    overflowed = true;
                }
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    idBuffer = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.length() < 19 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    retry = Duration.ofMillis(Long.parseLong(value));
                }
            }
            default -> { } // unknown fields are ignored
        }
    }

    private void dispatch(List<SseFrame> frames) {
        lastEventId = idBuffer;
        if (data.length() == 0) {
            eventType = "";
            return;
        }
        String payload = data.substring(0, data.length() - 1);
        frames.add(new SseFrame(lastEventId(), eventType.isEmpty() ? "message" : eventType, payload));
        data.setLength(0);
        eventType = "";
    }
}
