package org.sessionthreads.conformance.refserver;

import static org.sessionthreads.conformance.refserver.ServerOptions.DELIVER_AFTER_MS;
import static org.sessionthreads.conformance.refserver.ServerOptions.DIALECT;
import static org.sessionthreads.conformance.refserver.ServerOptions.EVENT_STREAM;
import static org.sessionthreads.conformance.refserver.ServerOptions.FAULTS;
import static org.sessionthreads.conformance.refserver.ServerOptions.FIXTURE_HOOK;
import static org.sessionthreads.conformance.refserver.ServerOptions.HEARTBEAT_MS;
import static org.sessionthreads.conformance.refserver.ServerOptions.IDEMPOTENCY;
import static org.sessionthreads.conformance.refserver.ServerOptions.PUBLIC_API;
import static org.sessionthreads.conformance.refserver.ServerOptions.TRANSPORT_FAULTS;
import static org.sessionthreads.conformance.refserver.ServerOptions.VARIATIONS;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The profile options of {@link ServerOptions#withOption}: each key with how its text value is parsed and applied. */
final class ProfileOptions {
    /** By key, in the order help and error texts list them. */
    private static final Map<String, BiFunction<ServerOptions, String, ServerOptions>> OPTIONS = options();

    private ProfileOptions() {
    }

    /**
     * {@code options} with the option {@code key} set from {@code text} (trimmed).
     *
     * @throws IllegalArgumentException for an unknown key or a bad value, naming both
     */
    static ServerOptions apply(ServerOptions options, String key, String text) {
        BiFunction<ServerOptions, String, ServerOptions> option = OPTIONS.get(key);
        if (option == null) {
            throw new IllegalArgumentException("Unknown reference server option '" + key + "'; known options: "
                    + String.join(", ", OPTIONS.keySet()) + "."
                    + (key.equals("rearchive") ? " For a re-archive answered 409 use variations: "
                    + Variation.REARCHIVE_CONFLICT.name() + "." : ""));
        }
        return option.apply(options, text);
    }

    private static Map<String, BiFunction<ServerOptions, String, ServerOptions>> options() {
        Map<String, BiFunction<ServerOptions, String, ServerOptions>> options = new LinkedHashMap<>();
        options.put(FAULTS, (o, text) -> o.withFaults(parseNames(text, Fault.class, Fault::parse)));
        options.put(VARIATIONS, (o, text) -> o.withVariations(parseNames(text, Variation.class, Variation::parse)));
        options.put(DELIVER_AFTER_MS,
                (o, text) -> o.withDeliverAfter(Duration.ofMillis(parseMillis(DELIVER_AFTER_MS, text))));
        options.put(HEARTBEAT_MS, (o, text) -> o.withHeartbeat(Duration.ofMillis(parseMillis(HEARTBEAT_MS, text))));
        options.put(FIXTURE_HOOK, (o, text) -> o.withFixtureHook(parseBoolean(FIXTURE_HOOK, text)));
        options.put(PUBLIC_API, (o, text) -> o.withPublicApi(parseBoolean(PUBLIC_API, text)));
        options.put(EVENT_STREAM, (o, text) -> o.withEventStream(parseBoolean(EVENT_STREAM, text)));
        options.put(IDEMPOTENCY, (o, text) -> o.withIdempotency(parseBoolean(IDEMPOTENCY, text)));
        options.put(TRANSPORT_FAULTS, (o, text) -> o.withTransportFaults(
                parseNames(text, TransportFault.class, TransportFault::parse)));
        options.put(DIALECT, (o, text) -> o.withDialect(ServerDialect.parse(text)));
        return Collections.unmodifiableMap(options);
    }

    private static <E extends Enum<E>> Set<E> parseNames(String text, Class<E> type, Function<String, E> parse) {
        EnumSet<E> parsed = EnumSet.noneOf(type);
        Arrays.stream(text.split(",")).filter(name -> !name.isBlank()).map(parse).forEach(parsed::add);
        return parsed;
    }

    private static long parseMillis(String name, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of milliseconds, got '" + text + "'.");
        }
    }

    private static boolean parseBoolean(String name, String text) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException(name + " must be true or false, got '" + text + "'.");
        }
        return Boolean.parseBoolean(text);
    }
}
