package org.sessionthreads.conformance.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Builds the {@link TargetProfile} of a run. Sources, strongest first: system property {@code conformance.<key>},
 * environment variable {@code CONFORMANCE_<KEY>} (dots become underscores), the profile file
 * {@code profiles/<name>.yaml}, the defaults of {@link Settings}. The token is never read from a file.
 *
 * <p>This class and {@link SystemEnvironment} are the only places that read system properties or the environment.
 */
public final class ProfileLoader {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private final Map<String, String> properties;
    private final Map<String, String> environment;
    private final Path profilesDir;

    /**
     * @param properties  system properties (only {@code conformance.*} ones are read)
     * @param environment environment variables
     * @param profilesDir where profile names are resolved
     */
    public ProfileLoader(Map<String, String> properties, Map<String, String> environment, Path profilesDir) {
        this.properties = Map.copyOf(properties);
        this.environment = Map.copyOf(environment);
        this.profilesDir = profilesDir;
    }

    /** The loader of this JVM: real properties and environment, profiles under {@code ./profiles}. */
    public static ProfileLoader fromSystem() {
        return new ProfileLoader(SystemEnvironment.properties(), System.getenv(), Path.of("profiles"));
    }

    /**
     * The loader of this JVM with an extra, stronger source in front of the system properties, e.g. JUnit
     * configuration parameters. Only the known {@code conformance.*} keys are looked up there.
     */
    public static ProfileLoader fromSystemAnd(java.util.function.Function<String, Optional<String>> parameter) {
        Map<String, String> properties = new java.util.HashMap<>(SystemEnvironment.properties());
        List<String> keys = new java.util.ArrayList<>(Settings.DEFAULTS.keySet());
        keys.addAll(List.of("profile", "token"));
        for (String key : keys) {
            parameter.apply("conformance." + key).ifPresent(value -> properties.put("conformance." + key, value));
        }
        return new ProfileLoader(properties, System.getenv(), Path.of("profiles"));
    }

    public TargetProfile load() {
        // why: a target we did not write must not inherit the embedded server's strict, all-capabilities profile
        String profile = override("profile").orElse(override("target").filter(t -> !t.isBlank()).isPresent()
                ? Settings.FOREIGN_TARGET_PROFILE : Settings.DEFAULT_PROFILE);
        Path file = resolve(profile);
        Map<String, String> values = new TreeMap<>(Settings.DEFAULTS);
        values.putAll(readFile(file));
        for (String key : keysToOverride(values)) {
            override(key).ifPresent(v -> values.put(key, v));
        }
        if (values.get("waivers").isBlank()) { // why: a profile's waivers live next to it by default
            values.put("waivers", file.resolveSibling(nameOf(file) + ".waivers.yaml").toString());
        }
        return Settings.toProfile(nameOf(file), values, token(values.get("token_env")));
    }

    private Path resolve(String profile) {
        Path file = profile.endsWith(".yaml") || profile.endsWith(".yml") || profile.contains("/")
                ? Path.of(profile) : profilesDir.resolve(profile + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new ProfileException("profile '" + profile + "' not found (looked for " + file.toAbsolutePath()
                    + "); set conformance.profile to a name under profiles/ or to a .yaml path");
        }
        return file;
    }

    private static String nameOf(Path file) {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    private Map<String, String> readFile(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException | JacksonException e) {
            throw new ProfileException("profile " + file + " is not valid YAML: " + firstLine(e.getMessage()), e);
        }
        Map<String, String> flat = new LinkedHashMap<>();
        if (root != null && !root.isMissingNode() && !root.isNull()) {
            if (!root.isObject()) {
                throw new ProfileException("profile " + file + " must be a YAML mapping");
            }
            flatten("", root, flat);
        }
        Settings.checkKeys(file, flat.keySet());
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            List<String> items = new java.util.ArrayList<>();
            node.forEach(item -> items.add(item.asString()));
            out.put(prefix, String.join(",", items));
        } else {
            out.put(prefix, node.isNull() ? "" : node.asString());
        }
    }

    /** Known keys plus embedded options named only in an override. */
    private List<String> keysToOverride(Map<String, String> values) {
        Map<String, String> keys = new TreeMap<>(values);
        properties.keySet().stream().filter(k -> k.startsWith("conformance.embedded_options."))
                .forEach(k -> keys.put(k.substring("conformance.".length()), ""));
        environment.keySet().stream().filter(k -> k.startsWith("CONFORMANCE_EMBEDDED_OPTIONS_"))
                .forEach(k -> keys.put("embedded_options." + k.substring(29).toLowerCase(java.util.Locale.ROOT), ""));
        return List.copyOf(keys.keySet());
    }

    private Optional<String> override(String key) {
        String property = properties.get("conformance." + key);
        if (property != null) {
            return Optional.of(property);
        }
        return Optional.ofNullable(environment.get(Settings.envName(key)));
    }

    private Optional<Secret> token(String tokenEnv) {
        return Arrays.asList(properties.get("conformance.token"), environment.get("CONFORMANCE_TOKEN"),
                        tokenEnv == null || tokenEnv.isBlank() ? null : environment.get(tokenEnv.strip()))
                .stream().filter(v -> v != null && !v.isBlank()).findFirst().map(Secret::of);
    }

    static Optional<URI> url(String key, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.strip().replaceFirst("/+$", ""));
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ProfileException(key + " must be an http(s) URL; got '" + value + "'");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new ProfileException(key + " is not a valid URL: " + e.getMessage(), e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
