package org.sessionthreads.conformance.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.sessionthreads.conformance.client.ApiClient;
import org.sessionthreads.conformance.client.Credentials;
import org.sessionthreads.conformance.config.ProfileLoader;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Target;
import org.sessionthreads.conformance.config.TargetProfile;

/**
 * Prints what one request costs the suite's client in CPU time (of the sending thread), against the profile's
 * target (the embedded reference server by default): {@code ApiClient} (rest-assured, with the capture filter,
 * redaction and guards every scenario request goes through) beside a bare {@code java.net.http} request to the same
 * URL, so the figure tells the client's own cost apart from the server's and the network's. The first argument is
 * the number of requests per client (default 2000, after 300 warm-up requests). Run it as docs/benchmarks.md shows.
 */
public final class RequestCostBenchmark {
    private static final int WARM_UP = 300;

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        TargetProfile profile = ProfileLoader.fromSystem().load();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (Target target = Target.open(profile)) {
            Redactor redactor = new Redactor(List.of(target.token()));
            ApiClient client = new ApiClient(target.token(), profile.timeouts().request(), redactor, exchange -> { });
            URI url = URI.create(target.apiBase() + "/sessions/sess_benchmark/threads/sthr_benchmark");
            HttpClient bare = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest plain = HttpRequest.newBuilder(url).header("Authorization", "Bearer " + target.token()
                    .reveal()).GET().build();
            System.out.println("target: " + target.description() + "; GET " + url.getPath() + " (404), " + requests
                    + " requests per client after " + WARM_UP + " warm-up requests, one thread");
            Runnable viaApiClient = () -> client.send("GET", url, Credentials.profileToken(), null);
            Runnable viaBareClient = () -> {
                try {
                    bare.send(plain, HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            for (int pass = 0; pass < 2; pass++) {
                print("ApiClient (rest-assured)", viaApiClient, requests, cpu);
                print("java.net.http, bare", viaBareClient, requests, cpu);
            }
        }
    }

    private static void print(String name, Runnable request, int requests, ThreadMXBean cpu) {
        for (int i = 0; i < WARM_UP; i++) {
            request.run();
        }
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            request.run();
        }
        double cpuMs = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e6 / requests;
        double wallMs = (System.nanoTime() - wallStart) / 1e6 / requests;
        System.out.println(String.format(Locale.ROOT, "  %-26s %6.2f ms CPU of the sending thread per request, "
                + "%6.2f ms wall", name, cpuMs, wallMs));
    }
}
