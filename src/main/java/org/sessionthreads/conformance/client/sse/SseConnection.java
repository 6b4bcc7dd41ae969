package org.sessionthreads.conformance.client.sse;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

import java.net.http.HttpResponse;

import org.sessionthreads.conformance.client.Exchange;

/**
 * One open event stream (see {@link SseClient#connect}). Its bytes arrive as the HTTP client's body chunks and go
 * through an {@link SseFrameParser} to the {@link SseListener}; nothing blocks a thread while the stream is idle.
 * {@link #close()} cancels the body, which closes the connection.
 */
public final class SseConnection implements AutoCloseable {
    private final Exchange exchange;
    private final FrameSubscriber body;

    private SseConnection(Exchange exchange, FrameSubscriber body) {
        this.exchange = exchange;
        this.body = body;
    }

    static SseConnection open(Exchange exchange, FrameSubscriber body) {
        return new SseConnection(exchange, body);
    }

    static SseConnection refused(Exchange exchange) {
        FrameSubscriber none = new FrameSubscriber(new SseListener() {
            @Override
            public void onFrame(SseFrame frame, long receivedNanos) {
            }
        });
        none.cancel();
        return new SseConnection(exchange, none);
    }

    /** The opening request and its answer, redacted (for a 200 the body is not captured: it is the stream). */
    public Exchange exchange() {
        return exchange;
    }

    /** True while the stream is open: it was answered 200 and neither side has ended it. */
    public boolean isOpen() {
        return exchange.status() == 200 && !body.ended();
    }

    /** The {@code Last-Event-ID} to resume this stream with, or null when no message carried an id. */
    public String lastEventId() {
        return body.parser(SseFrameParser::lastEventId);
    }

    /** The reconnection delay the server asked for with {@code retry:}, if it did. */
    public Optional<Duration> retry() {
        return body.parser(SseFrameParser::retry);
    }

    /** Comment lines read so far (heartbeats). */
    public int comments() {
        return body.parser(SseFrameParser::comments);
    }

    @Override
    public void close() {
        body.cancel();
    }

    /** The body subscriber of a 200 stream: feeds the parser chunk by chunk, requesting one chunk at a time. */
    static final class FrameSubscriber implements HttpResponse.BodySubscriber<String> {
        private final SseFrameParser parser = new SseFrameParser();
        private final SseListener listener;
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile boolean cancelled;
        private volatile Flow.Subscription subscription;

        FrameSubscriber(SseListener listener) {
            this.listener = listener;
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (cancelled) {
                subscription.cancel();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> chunks) {
            long received = System.nanoTime();
            List<SseFrame> frames = new java.util.ArrayList<>();
            boolean overflowed;
            synchronized (parser) {
                chunks.forEach(chunk -> frames.addAll(parser.feed(chunk)));
                overflowed = parser.overflowed();
            }
            if (overflowed && !cancelled) {
                end("a line or message longer than " + SseFrameParser.MAX_BYTES + " bytes");
                subscription.cancel();
                return;
            }
            if (!cancelled) {
                frames.forEach(frame -> listener.onFrame(frame, received));
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable failure) {
            end("the connection failed: " + failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : " " + failure.getMessage()));
        }

        @Override
        public void onComplete() {
            end("the server closed the stream");
        }

        boolean ended() {
            return ended.get();
        }

        <T> T parser(java.util.function.Function<SseFrameParser, T> read) {
            synchronized (parser) {
                return read.apply(parser);
            }
        }

        void cancel() {
            cancelled = true;
            ended.set(true);
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
            result.complete("");
        }

        private void end(String reason) {
            result.complete("");
            if (ended.compareAndSet(false, true) && !cancelled) {
                listener.onEnd(reason);
            }
        }
    }
}
