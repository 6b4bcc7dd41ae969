package org.sessionthreads.conformance.discovery;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.sessionthreads.conformance.client.ApiClient;
import org.sessionthreads.conformance.client.DiscoveryRequests;
import org.sessionthreads.conformance.client.ExchangeListener;
import org.sessionthreads.conformance.client.FixtureHook;
import org.sessionthreads.conformance.client.TargetProbe;
import org.sessionthreads.conformance.client.TransportException;
import org.sessionthreads.conformance.client.sse.SseClient;
import org.sessionthreads.conformance.config.ProfileException;
import org.sessionthreads.conformance.config.ProfileLoader;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Target;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.fixture.ledger.FixtureLedger;

/**
 * The {@code discover} command: probes a target (the same harmless requests as the run's discovery, whatever
 * {@code discovery} says), prints the findings and writes a starter profile for it.
 *
 * <pre>
 * CONFORMANCE_TOKEN=… mvn -q compile exec:java \
 *   -Dexec.mainClass=org.sessionthreads.conformance.discovery.Discover \
 *   -Dconformance.target=https://api.example.com/v1 -Dconformance.fixtures=https://api.example.com/_fixtures \
 *   [-Dexec.args=profiles/example.yaml]
 * </pre>
 * The profile goes to the path given as the first argument, else {@code reports/discovered-profile.yaml}. Exit
 * code 0 when the target answered (whatever it offers), 1 when the profile is bad or the target unreachable.
 */
public final class Discover {
    static final Path DEFAULT_OUTPUT = Path.of("reports", "discovered-profile.yaml");

    private Discover() {
    }

    public static void main(String[] args) {
        int code = run(ProfileLoader.fromSystem(), args.length > 0 ? Path.of(args[0]) : DEFAULT_OUTPUT, System.out);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Probes the target {@code loader} describes, prints to {@code out}, writes the profile; returns the exit code. */
    public static int run(ProfileLoader loader, Path output, PrintStream out) {
        return run(loader, output, out, "-Dconformance.profile=" + output);
    }

    /**
     * As {@link #run(ProfileLoader, Path, PrintStream)}, with {@code howToUse} the way the caller's users point a
     * run at the written profile (Maven's {@code -Dconformance.profile=…}, the runner jar's {@code --profile …}).
     */
    public static int run(ProfileLoader loader, Path output, PrintStream out, String howToUse) {
        TargetProfile profile;
        Target target;
        try {
            profile = loader.load();
            target = Target.open(profile);
        } catch (ProfileException | IllegalArgumentException e) {
            out.println("[discover] cannot start: " + e.getMessage());
            return 1;
        }
        try (target) {
            Redactor redactor = new Redactor(List.of(target.token()));
            ExchangeListener quiet = exchange -> { };
            ApiClient client = new ApiClient(target.token(), profile.timeouts().request(), redactor, quiet);
            SseClient streams = new SseClient(target.token(), profile.timeouts().request(), redactor, quiet);
            try {
                TargetProbe.requireReachable(client, target.apiBase());
            } catch (TransportException e) {
                out.println("[discover] target " + target.apiBase() + " is unreachable: " + e.getMessage());
                return 1;
            }
            FixtureLedger ledger = FixtureLedger.forRun(profile, target.fixturesUrl(),
                    java.util.Optional.of(target.apiBase()));
            DiscoveryReport report = Discovery.probe(profile, new DiscoveryRequests(client, streams,
                    target.apiBase()), target.fixturesUrl().map(url -> new FixtureHook(client, url)), ledger);
            out.println("[discover] " + target.description() + ", judged against profile '" + profile.name() + "'");
            report.lines().forEach(line -> out.println("[discover] " + line));
            String yaml = StarterProfile.yaml(profile, target.apiBase(), target.fixturesUrl(), report);
            write(output, redactor.text(yaml));
            out.println("[discover] " + ledger.summary());
            out.println("[discover] starter profile written to " + output + " (run with " + howToUse + ")");
            return 0;
        } catch (Exception e) {
            out.println("[discover] failed: " + e.getMessage());
            return 1;
        }
    }

    private static void write(Path output, String yaml) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(output, yaml);
    }
}
