package org.sessionthreads.conformance.report.har;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.sessionthreads.conformance.client.Exchange;

/**
 * Every exchange of a run and the messages of its event streams, kept for {@code exchanges.har} ({@link HarFile}).
 * Shared by every scenario of the run: thread-safe, and bounded so that a hostile target cannot make it exhaust
 * memory: a body or stream message keeps at most {@value #BODY_LIMIT} characters, all kept bodies together at most
 * {@value #BODY_BUDGET} characters (past that an exchange keeps its status and headers, not its bodies), at most
 * {@value #ENTRY_LIMIT} exchanges (past that they are counted, not kept) and {@value #MESSAGE_LIMIT} messages per
 * stream (the others counted). Exchanges arrive redacted (the client's {@code Redactor}); nothing is added here.
 *
 * <p>Times are monotonic: a start is {@link System#nanoTime()} less the exchange's duration when it is recorded,
 * shown as the archive's creation instant plus the nanoseconds elapsed since, so the order of the entries never
 * depends on the wall clock.
 */
public final class ExchangeArchive {
    /** Characters of one body or stream message kept. */
    public static final int BODY_LIMIT = 64 * 1024;
    /** Characters of all bodies and messages of the run kept. */
    public static final long BODY_BUDGET = 32L * 1024 * 1024;
    /** Exchanges kept. */
    public static final int ENTRY_LIMIT = 20_000;
    /** Messages kept per stream. */
    public static final int MESSAGE_LIMIT = 500;

    /** What the run was doing: the page an exchange that no scenario claims belongs to. */
    public enum Phase { DISCOVERY, SCENARIOS, AUDIT, FIXTURES }

    /** One kept exchange; {@code note} says what of it was cut or left out (empty when nothing). */
    public record Entry(Phase phase, long startNanos, Exchange exchange, String note) {
    }

    /** One message of an event stream. */
    public record Message(long receivedNanos, String event, String id, String data) {
    }

    /** The messages of one stream, and how many more arrived than were kept. */
    public record Stream(List<Message> messages, long dropped) {
    }

    private final Instant origin = Instant.now();
    private final long originNanos = System.nanoTime();
    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
    private final AtomicInteger kept = new AtomicInteger();
    private final AtomicLong overflow = new AtomicLong();
    private final AtomicLong bodyChars = new AtomicLong();
    private final Map<String, StreamLog> streams = new ConcurrentHashMap<>();
    private volatile Phase phase = Phase.DISCOVERY;

    /** An archive nothing is recorded into (a run that never started). */
    public static ExchangeArchive none() {
        return new ExchangeArchive();
    }

    /** From now on, exchanges no scenario claims belong to {@code next}. */
    public void phase(Phase next) {
        phase = next;
    }

    /** Keeps {@code exchange} (just completed), or counts it when {@value #ENTRY_LIMIT} are kept. */
    public void record(Exchange exchange) {
        long start = System.nanoTime() - exchange.duration().toNanos();
        if (kept.incrementAndGet() > ENTRY_LIMIT) {
            kept.decrementAndGet();
            overflow.incrementAndGet();
            return;
        }
        StringBuilder note = new StringBuilder();
        String request = body(exchange.requestBody(), "request", note);
        String response = body(exchange.responseBody(), "response", note);
        Exchange bounded = request == exchange.requestBody() && response == exchange.responseBody() ? exchange
                : new Exchange(exchange.method(), exchange.url(), exchange.requestHeaders(), request,
                        exchange.status(), exchange.responseHeaders(), response, exchange.startedAt(),
                        exchange.duration(), exchange.requestId(), exchange.failure(), exchange.profileToken());
        entries.add(new Entry(phase, start, bounded, note.toString().strip()));
    }

    /** Keeps one message of the stream opened by {@code requestId}, or counts it past {@value #MESSAGE_LIMIT}. */
    public void streamMessage(String requestId, String event, String id, String data, long receivedNanos) {
        if (requestId == null) {
            return;
        }
        StreamLog log = streams.get(requestId);
        if (log == null) {
            if (streams.size() >= ENTRY_LIMIT) {
                return;
            }
            log = streams.computeIfAbsent(requestId, k -> new StreamLog());
        }
        if (log.count.incrementAndGet() > MESSAGE_LIMIT) {
            log.dropped.incrementAndGet();
            return;
        }
        log.messages.add(new Message(receivedNanos, event, id, body(data, "message", new StringBuilder())));
    }

    /** The kept exchanges, in the order they started. */
    public List<Entry> entries() {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::startNanos));
        return sorted;
    }

    /** The messages of the stream opened by {@code requestId}, in the order they arrived. */
    public Optional<Stream> stream(String requestId) {
        StreamLog log = requestId == null ? null : streams.get(requestId);
        if (log == null) {
            return Optional.empty();
        }
        List<Message> messages = new ArrayList<>(log.messages);
        messages.sort(Comparator.comparingLong(Message::receivedNanos));
        return Optional.of(new Stream(messages, log.dropped.get()));
    }

    /** Exchanges recorded but not kept (past {@value #ENTRY_LIMIT}). */
    public long overflow() {
        return overflow.get();
    }

    /** The instant of a {@link System#nanoTime()} reading of this JVM, on the archive's monotonic time line. */
    public Instant at(long nanos) {
        return origin.plus(Duration.ofNanos(nanos - originNanos));
    }

    /** {@code text} within {@value #BODY_LIMIT} characters and the run's budget; {@code note} tells what was cut. */
    private String body(String text, String what, StringBuilder note) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String cut = text.length() <= BODY_LIMIT ? text : text.substring(0, BODY_LIMIT);
        if (bodyChars.addAndGet(cut.length()) > BODY_BUDGET) {
            bodyChars.addAndGet(-cut.length());
            note.append(what).append(" body of ").append(text.length())
                    .append(" characters left out: the run's bodies reached ").append(BODY_BUDGET)
                    .append(" characters. ");
            return "";
        }
        if (cut.length() < text.length()) {
            note.append(what).append(" body cut to its first ").append(BODY_LIMIT).append(" of ")
                    .append(text.length()).append(" characters. ");
        }
        return cut;
    }

    private static final class StreamLog {
        private final ConcurrentLinkedQueue<Message> messages = new ConcurrentLinkedQueue<>();
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong dropped = new AtomicLong();
    }
}
