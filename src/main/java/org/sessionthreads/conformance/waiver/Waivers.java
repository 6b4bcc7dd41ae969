package org.sessionthreads.conformance.waiver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.sessionthreads.conformance.config.ProfileException;

/**
 * The waivers of one profile, read from {@code profiles/<profile>.waivers.yaml} when that file exists:
 *
 * <pre>
 * waivers:
 *   - requirement: AUTH-002
 *     case: ""                       # optional: only invocations whose name contains this
 *     reason: gateway answers 404 before auth, fix scheduled
 *     link: https://tracker.example/ISSUE-12
 *     expires: 2026-12-31
 * </pre>
 *
 * Every field but {@code case} is required; a malformed file stops the run with a message naming the entry.
 */
public final class Waivers {
    private final List<Waiver> waivers;

    private Waivers(List<Waiver> waivers) {
        this.waivers = List.copyOf(waivers);
    }

    public static Waivers none() {
        return new Waivers(List.of());
    }

    /** The waivers in {@code file}, or none when it does not exist. */
    public static Waivers load(Path file) {
        if (!Files.isRegularFile(file)) {
            return none();
        }
        try {
            JsonNode root = YAMLMapper.builder().build().readTree(Files.readString(file));
            List<Waiver> waivers = new ArrayList<>();
            for (JsonNode node : root.path("waivers")) {
                waivers.add(parse(file, node));
            }
            return new Waivers(waivers);
        } catch (IOException | JacksonException e) {
            throw new ProfileException("waiver file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static Waiver parse(Path file, JsonNode node) {
        try {
            return new Waiver(required(file, node, "requirement"), node.path("case").asString("").strip(),
                    required(file, node, "reason"), required(file, node, "link"),
                    LocalDate.parse(required(file, node, "expires")));
        } catch (DateTimeParseException e) {
            throw new ProfileException("waiver file " + file + ": expires must be a date like 2026-12-31 in " + node);
        }
    }

    private static String required(Path file, JsonNode node, String field) {
        String value = node.path(field).asString("").strip();
        if (value.isEmpty()) {
            throw new ProfileException("waiver file " + file + ": an entry lacks '" + field + "': " + node);
        }
        return value;
    }

    /** The waiver covering this scenario invocation, if any. */
    public Optional<Waiver> find(String requirementId, String displayName) {
        return waivers.stream().filter(w -> w.covers(requirementId, displayName)).findFirst();
    }

    public List<Waiver> all() {
        return waivers;
    }
}
