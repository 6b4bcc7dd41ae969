package org.sessionthreads.conformance.report.har;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.sstoehr.harreader.model.HarCache;
import de.sstoehr.harreader.model.HarContent;
import de.sstoehr.harreader.model.HarEntry;
import de.sstoehr.harreader.model.HarHeader;
import de.sstoehr.harreader.model.HarPostData;
import de.sstoehr.harreader.model.HarQueryParam;
import de.sstoehr.harreader.model.HarRequest;
import de.sstoehr.harreader.model.HarResponse;
import de.sstoehr.harreader.model.HarTiming;

import org.sessionthreads.conformance.client.Exchange;

/**
 * One {@link ExchangeArchive.Entry} as a HAR 1.2 entry. The suite knows an exchange's total time only, so it is the
 * entry's {@code wait} ({@code send} and {@code receive} 0, the rest -1: not known). An exchange without an answer
 * has status 0 and its reason in {@code response._error}, as browsers export a failed request. A stream's messages
 * go into {@code _eventSourceMessages} ({@code time} in seconds since the epoch, {@code eventName},
 * {@code eventId}, {@code data}), beside {@code _resourceType: "eventsource"}: the custom fields HAR recorders give
 * server-sent events, after Chrome's {@code _webSocketMessages}.
 */
final class HarEntries {
    private HarEntries() {
    }

    static HarEntry of(ExchangeArchive.Entry entry, String page, ExchangeArchive archive) {
        Exchange exchange = entry.exchange();
        long millis = exchange.duration().toMillis();
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("_requestId", exchange.requestId());
        Optional<ExchangeArchive.Stream> stream = archive.stream(exchange.requestId());
        stream.ifPresent(s -> {
            custom.put("_resourceType", "eventsource");
            custom.put("_eventSourceMessages", s.messages().stream().map(m -> message(m, archive)).toList());
            if (s.dropped() > 0) {
                custom.put("_eventSourceMessagesDropped", s.dropped());
            }
        });
        return HarEntry.builder()
                .pageref(page)
                .startedDateTime(utc(archive.at(entry.startNanos())))
                .time((int) Math.min(Integer.MAX_VALUE, millis))
                .request(request(exchange))
                .response(response(exchange))
                .cache(HarCache.builder().build())
                .timings(HarTiming.builder().blocked(-1L).dns(-1L).connect(-1L).ssl(-1L).send(0L).waitTime(millis)
                        .receive(0L).build())
                .comment(entry.note())
                .additional(custom)
                .build();
    }

    private static Map<String, Object> message(ExchangeArchive.Message m, ExchangeArchive archive) {
        Instant at = archive.at(m.receivedNanos());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", at.getEpochSecond() + at.getNano() / 1e9);
        out.put("eventName", m.event());
        out.put("eventId", m.id() == null ? "" : m.id());
        out.put("data", m.data());
        return out;
    }

    private static HarRequest request(Exchange exchange) {
        String body = exchange.requestBody() == null ? "" : exchange.requestBody();
        HarRequest.HarRequestBuilder request = HarRequest.builder()
                .method(exchange.method())
                .url(exchange.url())
                .httpVersion("HTTP/1.1")
                .headers(headers(exchange.requestHeaders()))
                .queryString(query(exchange.url()))
                .headersSize(-1L)
                .bodySize((long) body.getBytes(StandardCharsets.UTF_8).length);
        if (!body.isEmpty()) {
            request.postData(HarPostData.builder().mimeType(header(exchange.requestHeaders(), "Content-Type")
                    .orElse("application/json")).text(body).build());
        }
        return request.build();
    }

    private static HarResponse response(Exchange exchange) {
        String body = exchange.responseBody() == null ? "" : exchange.responseBody();
        HarResponse response = HarResponse.builder()
                .status(exchange.status())
                .statusText("")
                .httpVersion(exchange.status() == 0 ? "" : "HTTP/1.1")
                .headers(headers(exchange.responseHeaders()))
                .content(HarContent.builder().size((long) body.getBytes(StandardCharsets.UTF_8).length)
                        .mimeType(header(exchange.responseHeaders(), "Content-Type").orElse("x-unknown"))
                        .text(body).build())
                .redirectURL(header(exchange.responseHeaders(), "Location").orElse(""))
                .headersSize(-1L)
                .bodySize(-1L)
                .build();
        if (exchange.failure() != null) {
            response.setAdditionalField("_error", exchange.failure());
        }
        return response;
    }

    private static List<HarHeader> headers(Map<String, List<String>> headers) {
        List<HarHeader> out = new ArrayList<>();
        headers.forEach((name, values) -> values.forEach(value -> out.add(HarHeader.builder().name(name)
                .value(value).build())));
        return out;
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0)).findFirst();
    }

    /** The query of an (already encoded) URL as name/value pairs, as sent. */
    private static List<HarQueryParam> query(String url) {
        int mark = url.indexOf('?');
        List<HarQueryParam> out = new ArrayList<>();
        if (mark < 0) {
            return out;
        }
        int hash = url.indexOf('#', mark);
        for (String pair : url.substring(mark + 1, hash < 0 ? url.length() : hash).split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                out.add(HarQueryParam.builder().name(eq < 0 ? pair : pair.substring(0, eq))
                        .value(eq < 0 ? "" : pair.substring(eq + 1)).build());
            }
        }
        return out;
    }

    static ZonedDateTime utc(Instant instant) {
        return instant.atZone(ZoneOffset.UTC);
    }
}
