package org.sessionthreads.conformance.report.repro;

import java.util.List;
import java.util.Map;

import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.config.Secret;
import org.sessionthreads.conformance.report.ScenarioOutcome;

/**
 * The text of {@code repro/<ID>.sh}: a bash script that sends one recorded request again with curl, exactly as the
 * suite sent it (method, URL, the headers the suite set, body) and nothing curl would add on its own
 * ({@code User-Agent}, {@code Accept: *}{@code /*}, a form content type, {@code Expect}), then prints the answer and
 * exits 0 when its status is the one the suite judged, 1 otherwise. The credential is never in the file: the
 * profile's token is {@code $CONFORMANCE_TOKEN}; a credential the suite derived from it on purpose (a wrong one) is
 * {@code $CONFORMANCE_REPRO_CREDENTIAL}, which the script asks for. Neither goes into curl's arguments (see
 * {@link #header}).
 */
public final class ReproScript {
    static final String TOKEN = "\"$CONFORMANCE_TOKEN\"";
    static final String OTHER_CREDENTIAL = "\"$CONFORMANCE_REPRO_CREDENTIAL\"";
    private static final int ANSWER_LINES = 40;
    /** How long the script reads an event stream before it closes it (curl's {@code --max-time}). */
    private static final int STREAM_SECONDS = 15;

    private ReproScript() {
    }

    /** The curl command alone (as {@code summary.md} shows it). */
    public static String curl(Exchange exchange) {
        return command(exchange, List.of("-i"));
    }

    /** The whole script for the scenario {@code outcome} of requirement {@code id}. */
    public static String script(String id, ScenarioOutcome outcome) {
        Reproduction repro = outcome.reproduction();
        Exchange e = repro.exchange();
        StringBuilder sh = new StringBuilder("#!/usr/bin/env bash\n");
        sh.append("# Repeats the request ").append(id).append(" was judged on (").append(outcome.verdict())
                .append("): ").append(oneLine(outcome.name())).append('\n');
        sh.append("# In the run (request_id ").append(e.requestId()).append(") it was answered ")
                .append(e.status() == 0 ? "nothing: " + oneLine(e.failure()) : String.valueOf(e.status()))
                .append(e.responseBody().isEmpty() ? "" : ":").append('\n');
        e.responseBody().lines().limit(ANSWER_LINES).forEach(line -> sh.append("#   ").append(line).append('\n'));
        sh.append("# Fixtures: ").append(repro.fixturesLine().replace("`", "")).append(".\n");
        sh.append("# Run: CONFORMANCE_TOKEN=... bash ").append(ReproFiles.FOLDER).append("/<this file>; exit 0 when the"
                + " target answers ").append(e.status()).append(" again, 1 otherwise.\n");
        sh.append("set -u\n: \"${CONFORMANCE_TOKEN:?set CONFORMANCE_TOKEN to the token of the target}\"\n");
        if (!e.profileToken() && usesMask(e)) {
            sh.append("# The run sent a credential made wrong on purpose here (not the profile's token).\n")
                    .append(": \"${CONFORMANCE_REPRO_CREDENTIAL:?set CONFORMANCE_REPRO_CREDENTIAL to the wrong"
                            + " credential to send}\"\n");
        }
        List<String> options = new java.util.ArrayList<>(List.of("--silent", "--show-error", "--output \"$answer\"",
                "--write-out '%{http_code}'"));
        if (stream(e)) {
            sh.append("# An event stream: read for ").append(STREAM_SECONDS).append(" s, then closed.\n");
            options.add("--max-time " + STREAM_SECONDS);
        }
        sh.append("answer=$(mktemp)\ntrap 'rm -f \"$answer\"' EXIT\n");
        sh.append("status=$(").append(command(e, options)).append(")\n");
        sh.append("cat \"$answer\"; echo\n");
        sh.append("echo \"HTTP $status (in the run: ").append(e.status()).append(")\"\n");
        sh.append("[ \"$status\" = '").append(String.format("%03d", e.status())).append("' ]\n");
        return sh.toString();
    }

    private static String command(Exchange e, List<String> options) {
        StringBuilder curl = new StringBuilder("curl ");
        options.forEach(option -> curl.append(option).append(' '));
        curl.append("-X ").append(e.method()).append(' ').append(quote(e.url()));
        String credential = e.profileToken() ? TOKEN : OTHER_CREDENTIAL;
        Map<String, List<String>> headers = e.requestHeaders();
        headers.forEach((name, values) -> values.forEach(value -> curl.append(" \\\n  -H ")
                .append(header(name + ": " + value, credential))));
        boolean body = e.requestBody() != null && !e.requestBody().isEmpty();
        // why: curl adds these on its own; an empty value tells it not to
        curl.append(" \\\n  -H 'User-Agent:'");
        if (!has(headers, "Accept")) {
            curl.append(" -H 'Accept:'");
        }
        if (body) {
            if (!has(headers, "Content-Type")) {
                curl.append(" -H 'Content-Type:'");
            }
            curl.append(" -H 'Expect:' \\\n  --data-binary ").append(quote(e.requestBody()));
        }
        return curl.toString();
    }

    /**
     * A header as curl's argument; one that carries the credential is read from a pipe instead ({@code -H @<(printf
     * …)}: bash's own {@code printf} writes it, curl 7.55 or later reads it), so the credential never goes into a
     * command's arguments, which every process on the host can read.
     */
    private static String header(String line, String credential) {
        String quoted = quote(line);
        return line.contains(Secret.MASK)
                ? "@<(printf '%s\\n' " + quoted.replace(Secret.MASK, "'" + credential + "'") + ")"
                : quoted;
    }

    private static boolean stream(Exchange e) {
        return e.requestHeaders().entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Accept")
                && h.getValue().stream().anyMatch(v -> v.contains("text/event-stream")));
    }

    private static boolean usesMask(Exchange e) {
        return e.requestHeaders().values().stream().flatMap(List::stream).anyMatch(v -> v.contains(Secret.MASK));
    }

    private static boolean has(Map<String, List<String>> headers, String name) {
        return headers.keySet().stream().anyMatch(n -> n.equalsIgnoreCase(name));
    }

    /** {@code text} in single quotes for bash. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
