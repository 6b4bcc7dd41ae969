package org.sessionthreads.conformance.refserver;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The reference server started in this JVM from {@code serve}'s options, parsed exactly as {@code java -jar … serve}
 * parses them ({@link CommandLine}), for tests outside this package whose target is a fixture, not the subject: a
 * process of its own would pay a fresh JVM's start-up and compilation for every server.
 */
public final class ServeInThisJvm {
    private ServeInThisJvm() {
    }

    /**
     * @param environment where the token is read from, as {@code serve} reads its environment
     * @throws IllegalArgumentException naming the option, when {@code serve} would exit 2
     */
    public static ReferenceServer start(Map<String, String> environment, List<String> options) {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        CommandLine.Launch launch = new CommandLine(environment, new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(errors, true, StandardCharsets.UTF_8)).launch(options.toArray(String[]::new));
        if (launch.server() == null) {
            throw new IllegalArgumentException("serve " + options + " did not start a server: "
                    + errors.toString(StandardCharsets.UTF_8).strip());
        }
        return launch.server();
    }
}
