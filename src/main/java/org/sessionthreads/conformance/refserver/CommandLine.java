package org.sessionthreads.conformance.refserver;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;

/**
 * The standalone entry point's options. The token never appears on the command line: it is read from the
 * environment variable {@value #DEFAULT_TOKEN_ENV} (or the one named by {@code --token-env}) and is never printed.
 * Bad options give a one-line error and exit code 2.
 */
final class CommandLine {
    static final String DEFAULT_TOKEN_ENV = "REFERENCE_SERVER_TOKEN";
    static final String USAGE = String.join("\n",
            "Usage: ReferenceServer [options]",
            "Starts the session-thread reference server (API under /v1, fixture hook under /_fixtures).",
            "The bearer token is read from $" + DEFAULT_TOKEN_ENV + " (or the variable named by --token-env).",
            "",
            "  --host HOST              address to bind (default 127.0.0.1)",
            "  --port PORT              port to bind, 0 = any free port (default 0)",
            "  --token-env NAME         environment variable holding the token (default " + DEFAULT_TOKEN_ENV + ")",
            "  --fault NAME             switch on a deliberate fault; repeatable",
            "  --variation NAME         switch on a conformant variation; repeatable",
            "  --dialect NAME           " + ServerDialect.names() + " (default " + ServerDialect.ARCHIVE_PAGE.wireName()
                    + "): the documented API shape to speak",
            "  --deliver-after-ms N     delay of pending mailbox deliveries, >= 300 (default 1000)",
            "  --heartbeat-ms N         interval of SSE heartbeat comments (default 5000)",
            "  --fixture-hook true|false  serve the fixture hook /_fixtures (default true); false: fixtures only",
            "                           through the public API (POST /v1/agents, /v1/sessions, .../events)",
            "  --public-api true|false    serve the public creation API (default true); false: those POST routes",
            "                           answer 404; with --fixture-hook false too, no fixture can be made",
            "  --event-stream true|false  serve the event stream .../events/stream (default true); false: its",
            "                           routes answer 404, events only through the list",
            "  --idempotency true|false   honour Idempotency-Key on archive (default true); false: the header is ignored",
            "  --help                   print this help",
            "",
            "Faults (deliberately broken behaviours: the suite must fail what each breaks):",
            Descriptions.list(Fault.class, "fault"),
            "",
            "Variations (conformant but unusual behaviours: the suite must pass everything):",
            Descriptions.list(Variation.class, "variation"),
            "");

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    CommandLine(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /**
     * What {@link #launch} did: printed help ({@code exitCode} 0, no server), refused bad options
     * ({@code exitCode} 2, no server) or started a server.
     */
    record Launch(int exitCode, ReferenceServer server) {
    }

    /** Parses {@code args} and starts the server, printing the one "listening" line; never prints the token. */
    Launch launch(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.print(USAGE);
            return new Launch(0, null);
        }
        ServerOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("reference server: " + e.getMessage() + " (see --help)");
            return new Launch(2, null);
        }
        ReferenceServer server = ReferenceServer.start(options);
        out.println("reference server listening on " + server.apiBase()
                + " (fixtures at " + server.fixturesUrl() + ")"
                + (options.fixtureHook() ? "" : "; fixture hook off (404)")
                + (options.publicApi() ? "" : "; public creation API off (404)")
                + "; " + behaviours(options));
        return new Launch(0, server);
    }

    /** Which faults and variations are on, for the start line: a self-test reads the server's behaviour off it. */
    static String behaviours(ServerOptions options) {
        if (options.faults().isEmpty() && options.variations().isEmpty()) {
            return "no fault, no variation (conformant)";
        }
        return (options.faults().isEmpty() ? "no fault" : "faults " + options.faults()) + ", "
                + (options.variations().isEmpty() ? "no variation" : "variations " + options.variations());
    }

    /** @throws IllegalArgumentException with a one-line explanation */
    ServerOptions parse(String[] args) {
        Deque<String> rest = new ArrayDeque<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                rest.add(arg.substring(0, equals));
                rest.add(arg.substring(equals + 1));
            } else {
                rest.add(arg);
            }
        }
        String tokenEnv = DEFAULT_TOKEN_ENV;
        ServerOptions options = ServerOptions.defaults("unset");
        while (!rest.isEmpty()) {
            String flag = rest.poll();
            if (flag.equals("--token-env")) {
                tokenEnv = value(flag, rest);
            } else {
                options = apply(options, flag, value(flag, rest));
            }
        }
        return options.withToken(token(tokenEnv));
    }

    private static ServerOptions apply(ServerOptions options, String flag, String value) {
        switch (flag) {
            case "--host":
                return options.withHost(value);
            case "--port":
                return options.withPort(port(value));
            case "--fault":
                return options.withFault(Fault.parse(value));
            case "--variation":
                return options.withVariation(Variation.parse(value));
            case "--deliver-after-ms":
                return options.withOption(ServerOptions.DELIVER_AFTER_MS, value);
            case "--heartbeat-ms":
                return options.withOption(ServerOptions.HEARTBEAT_MS, value);
            case "--fixture-hook":
                return options.withOption(ServerOptions.FIXTURE_HOOK, value);
            case "--public-api":
                return options.withOption(ServerOptions.PUBLIC_API, value);
            case "--event-stream":
                return options.withOption(ServerOptions.EVENT_STREAM, value);
            case "--dialect":
                return options.withDialect(ServerDialect.parse(value));
            case "--idempotency":
                return options.withOption(ServerOptions.IDEMPOTENCY, value);
            default:
                throw new IllegalArgumentException("unknown option '" + flag + "'");
        }
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number between 0 and 65535, got '" + value + "'");
        }
    }

    private static String value(String flag, Deque<String> rest) {
        String value = rest.poll();
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException("option " + flag + " needs a value");
        }
        return value;
    }

    private String token(String variable) {
        String token = environment.get(variable);
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("environment variable " + variable + " is not set or empty");
        }
        return token;
    }
}
