package org.sessionthreads.conformance.selftest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.config.Secret;

/**
 * What the {@code exchanges.har} of a run of the jar must be: one entry per request the run counted, credentials
 * masked, every entry on a page, the failed requirement's verdict on its page, the streams' messages, and valid
 * HAR 1.2 for the npm {@code har-validator} (its JSON Schema of HAR, pinned; installed like
 * {@link CiExamplesRunnerIT}'s linters), which must also reject a copy with an entry's request taken out.
 */
final class HarChecks {
    static final String HAR_VALIDATOR = "har-validator@5.1.5";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VALIDATE = """
            const har = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
            require('har-validator').har(har).then(() => console.log('valid HAR'))
              .catch(e => { console.log('invalid HAR: ' + JSON.stringify(e.errors || String(e))); process.exit(1); });
            """;

    private HarChecks() {
    }

    static void assertEveryExchangeInTheHar(Path reports, String failed) throws IOException {
        JsonNode log = JSON.readTree(Files.readString(reports.resolve("exchanges.har"))).get("log");
        long counted = JSON.readTree(Files.readString(reports.resolve("summary.json"))).get("requests").get("total")
                .asLong();
        assertThat(log.get("entries").size()).as("exchanges.har holds every request the run sent").isEqualTo(counted);
        List<String> pages = log.get("pages").valueStream().map(p -> p.get("id").asString()).toList();
        assertThat(log.get("entries").valueStream().map(e -> e.get("pageref").asString())).allMatch(pages::contains);
        JsonNode page = log.get("pages").valueStream().filter(p -> p.get("id").asString().equals(failed))
                .findFirst().orElseThrow();
        assertThat(page.get("_verdict").asString()).isEqualTo("FAIL");
        assertThat(log.get("entries").valueStream().flatMap(e -> e.get("request").get("headers").valueStream())
                .filter(h -> h.get("name").asString().equalsIgnoreCase("Authorization"))
                .map(h -> h.get("value").asString())).isNotEmpty().allMatch(v -> v.contains(Secret.MASK));
        assertThat(log.get("entries").valueStream().filter(e -> e.has("_eventSourceMessages"))
                .mapToInt(e -> e.get("_eventSourceMessages").size()).sum()).as("stream messages").isPositive();
        assertValidForHarValidator(reports.resolve("exchanges.har"));
    }

    private static void assertValidForHarValidator(Path har) throws IOException {
        Path tools = Processes.workDir("har-validator");
        Processes.Result npm = Processes.run(tools, Map.of(), Duration.ofMinutes(5), List.of("npm", "install",
                "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", tools.toString(), HAR_VALIDATOR));
        assertThat(npm.exitCode()).as(npm.output()).isZero();
        Path script = Files.writeString(tools.resolve("validate.js"), VALIDATE);
        Processes.Result valid = Processes.run(tools, Map.of(), Duration.ofMinutes(1),
                List.of("node", script.toString(), har.toString()));
        assertThat(valid.exitCode()).as(valid.output()).isZero();

        Path broken = tools.resolve("broken.har");
        Files.writeString(broken, Files.readString(har).replaceFirst("\"request\" ?: ?\\{", "\"requests\" : {"));
        Processes.Result rejected = Processes.run(tools, Map.of(), Duration.ofMinutes(1),
                List.of("node", script.toString(), broken.toString()));
        assertThat(rejected.exitCode()).as(rejected.output()).isNotZero();
        assertThat(rejected.output()).contains("invalid HAR").contains("request");
    }
}
