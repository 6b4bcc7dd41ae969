package org.sessionthreads.conformance.runner;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import org.sessionthreads.conformance.report.ExitStatus;

/**
 * {@code serve}: the reference server standalone, with its own options ({@code serve --help}); the token is read
 * from {@code $REFERENCE_SERVER_TOKEN}. The server is looked up by name rather than linked: the runner jar carries
 * it (and Javalin), a consumer of the plain artifact may not, and nothing outside the server's package and the
 * self-tests depends on it (ArchitectureTest).
 */
@Command(name = "serve", description = "Start the reference server (options: 'serve --help'; token from"
        + " $REFERENCE_SERVER_TOKEN).")
final class ServeCommand implements Callable<Integer> {
    static final String SERVER = "org.sessionthreads.conformance.refserver.ReferenceServer";

    /** Everything after {@code serve}, in order (Main lets unknown options through as positional parameters). */
    @Parameters(arity = "0..*", paramLabel = "OPTION", description = "options of the reference server")
    List<String> options = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> args = List.copyOf(options);
        Class<?> server;
        try {
            server = Class.forName(SERVER);
        } catch (ClassNotFoundException | LinkageError e) {
            System.err.println("conformance: serve needs the reference server and Javalin on the classpath (the runner"
                    + " jar has both): " + e);
            return ExitStatus.USAGE;
        }
        try {
            // main blocks while the server runs and exits the JVM itself on a bad option (code 2)
            server.getMethod("main", String[].class).invoke(null, (Object) args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return ExitStatus.PASS;
    }
}
