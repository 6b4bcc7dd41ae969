package org.sessionthreads.conformance.client.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The parser against recorded streams (the reference server's frames and hand-made edge cases). */
class SseFrameParserTest {
    /** Two frames and a heartbeat as the reference server writes them. */
    private static final String RECORDED = """
            id: evt_01a
            event: session.thread_status_idle
            data: {"id":"evt_01a","type":"session.thread_status_idle","session_thread_id":"sthr_1"}

            : heartbeat

            id: evt_01b
            event: session.thread_status_terminated
            data: {"id":"evt_01b","type":"session.thread_status_terminated","stop_reason":{"type":"archive"}}

            """;

    @Test
    void should_read_the_frames_of_a_recorded_stream() {
        SseFrameParser parser = new SseFrameParser();

        List<SseFrame> frames = parser.feed(bytes(RECORDED));

        assertThat(frames).extracting(SseFrame::id, SseFrame::event).containsExactly(
                org.assertj.core.groups.Tuple.tuple("evt_01a", "session.thread_status_idle"),
                org.assertj.core.groups.Tuple.tuple("evt_01b", "session.thread_status_terminated"));
        assertThat(frames.get(1).data()).isEqualTo("{\"id\":\"evt_01b\",\"type\":\"session.thread_status_terminated\","
                + "\"stop_reason\":{\"type\":\"archive\"}}");
        assertThat(parser.comments()).isEqualTo(1);
        assertThat(parser.lastEventId()).isEqualTo("evt_01b");
    }

    @Test
    void should_give_the_same_frames_however_the_stream_is_cut_into_chunks() {
        byte[] stream = bytes(RECORDED.replace("\n", "\r\n"));
        List<SseFrame> whole = new SseFrameParser().feed(stream);

        for (int cut = 1; cut < stream.length; cut++) {
            SseFrameParser parser = new SseFrameParser();
            List<SseFrame> frames = new ArrayList<>(parser.feed(stream, 0, cut));
            frames.addAll(parser.feed(stream, cut, stream.length - cut));

            assertThat(frames).as("cut at byte %d", cut).isEqualTo(whole);
        }
        assertThat(whole).hasSize(2);
    }

    @Test
    void should_feed_byte_by_byte_including_multi_byte_characters() {
        byte[] stream = bytes("data: Agent cancelled. — “done” ✓\n\n");
        SseFrameParser parser = new SseFrameParser();
        List<SseFrame> frames = new ArrayList<>();

        for (byte b : stream) {
            frames.addAll(parser.feed(new byte[] {b}));
        }

        assertThat(frames).extracting(SseFrame::data).containsExactly("Agent cancelled. — “done” ✓");
    }

    @Test
    void should_join_multi_line_data_with_line_feeds() {
        List<SseFrame> frames = new SseFrameParser().feed(bytes("data: {\"a\":\ndata:1}\ndata\n\n"));

        assertThat(frames).extracting(SseFrame::data).containsExactly("{\"a\":\n1}\n");
        assertThat(frames).extracting(SseFrame::event).containsExactly("message");
    }

    @Test
    void should_accept_crlf_lf_and_cr_line_ends_mixed() {
        List<SseFrame> frames = new SseFrameParser().feed(bytes("id: 1\r\ndata: a\r\rid: 2\ndata: b\n\r\n"));

        assertThat(frames).extracting(SseFrame::id, SseFrame::data).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", "a"), org.assertj.core.groups.Tuple.tuple("2", "b"));
    }

    @Test
    void should_keep_an_id_without_data_as_the_last_event_id_but_dispatch_nothing() {
        SseFrameParser parser = new SseFrameParser();

        List<SseFrame> frames = parser.feed(bytes("id: evt_7\n\n: heartbeat\n\ndata: x\n\n"));

        assertThat(parser.lastEventId()).isEqualTo("evt_7");
        assertThat(frames).extracting(SseFrame::id, SseFrame::data)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("evt_7", "x"));
    }

    @Test
    void should_not_take_the_id_of_a_frame_the_stream_ended_in() {
        SseFrameParser parser = new SseFrameParser();

        List<SseFrame> frames = parser.feed(bytes("id: evt_1\ndata: a\n\nid: evt_2\ndata: b\n"));

        assertThat(frames).extracting(SseFrame::id).containsExactly("evt_1");
        assertThat(parser.lastEventId()).isEqualTo("evt_1");
    }

    @Test
    void should_read_retry_only_when_it_is_all_digits() {
        SseFrameParser parser = new SseFrameParser();

        parser.feed(bytes("retry: 2500\n\nretry: soon\n\nretry: 1e3\n\n"));

        assertThat(parser.retry()).hasValue(Duration.ofMillis(2500));
    }

    @Test
    void should_ignore_a_leading_byte_order_mark_unknown_fields_and_an_id_with_nul() {
        SseFrameParser parser = new SseFrameParser();

        List<SseFrame> frames = parser.feed(bytes("\uFEFFid: ok\nfoo: bar\nid: bad\u0000id\nevent:custom\ndata:x\n\n"));

        assertThat(frames).containsExactly(new SseFrame("ok", "custom", "x"));
    }

    @Test
    void should_reset_the_event_type_between_frames_and_an_empty_id_clears_the_last_id() {
        SseFrameParser parser = new SseFrameParser();

        List<SseFrame> frames = parser.feed(bytes("id: 1\nevent: first\ndata: a\n\ndata: b\n\nid\ndata: c\n\n"));

        assertThat(frames).extracting(SseFrame::event).containsExactly("first", "message", "message");
        assertThat(frames).extracting(SseFrame::id).containsExactly("1", "1", null);
        assertThat(parser.lastEventId()).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
