package org.sessionthreads.conformance.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds the {@link TargetProfile} of a run. Sources, strongest first: JUnit configuration parameter
 * {@code conformance.<key>}, system property {@code conformance.<key>}, environment variable
 * {@code CONFORMANCE_<KEY>} (dots become underscores), the profile file and the profiles it {@code extends:}
 * (the extending file wins), the defaults of {@link Settings}. Every final value is recorded with its source
 * ({@link EffectiveSettings}).
 *
 * <p>The token comes from an environment variable or from the file {@code token_file} names, never from a
 * property or parameter: Maven copies those into the forked JVM's temporary files and Failsafe into its XML
 * reports, so {@code conformance.token} as either is refused ({@link #TOKEN_REFUSED}).
 *
 * <p>This class and {@link ConformanceProperties} are the only places that read system properties or the environment.
 */
public final class ProfileLoader {
    /** The one line a run refuses {@code conformance.token} with (also printed by the Maven build, see pom.xml). */
    public static final String TOKEN_REFUSED = "conformance.token is refused as a -D property or configuration"
            + " parameter (Maven and Failsafe copy those into files under target/ and reports/): pass the token in"
            + " the environment variable CONFORMANCE_TOKEN (or the one token_env names) or in a file named by"
            + " -Dconformance.token_file=<path>";
    private final Map<String, String> parameters;
    private final Map<String, String> properties;
    private final Map<String, String> environment;
    private final Path profilesDir;
    private final ProfileFiles files;

    /**
     * @param properties  system properties (only {@code conformance.*} ones are read)
     * @param environment environment variables
     * @param profilesDir where profile names are looked up on disk before the classpath
     */
    public ProfileLoader(Map<String, String> properties, Map<String, String> environment, Path profilesDir) {
        this(Map.of(), properties, environment, profilesDir, ProfileLoader.class.getClassLoader());
    }

    /**
     * @param parameters JUnit configuration parameters ({@code conformance.*} keys), stronger than properties
     * @param classpath  where {@code profiles/<name>.yaml} resources are looked up after {@code profilesDir}
     */
    ProfileLoader(Map<String, String> parameters, Map<String, String> properties, Map<String, String> environment,
                  Path profilesDir, ClassLoader classpath) {
        this.parameters = Map.copyOf(parameters);
        this.properties = Map.copyOf(properties);
        this.environment = Map.copyOf(environment);
        this.profilesDir = profilesDir;
        this.files = new ProfileFiles(profilesDir, classpath);
    }

    /** The loader of this JVM: real properties and environment, profiles under {@code ./profiles}, then the classpath. */
    public static ProfileLoader fromSystem() {
        return new ProfileLoader(ConformanceProperties.properties(), System.getenv(), Path.of("profiles"));
    }

    /**
     * The loader of this JVM with JUnit configuration parameters as an extra, stronger source in front of the
     * system properties. Only the known {@code conformance.*} keys are looked up there.
     */
    public static ProfileLoader fromSystemAnd(Function<String, Optional<String>> parameter) {
        Map<String, String> found = new HashMap<>();
        List<String> keys = new ArrayList<>(Settings.DEFAULTS.keySet());
        keys.addAll(List.of("profile", "token"));
        for (String key : keys) {
            parameter.apply("conformance." + key).ifPresent(value -> found.put("conformance." + key, value));
        }
        Map<String, String> system = ConformanceProperties.properties();
        // why: JUnit falls back to system properties for a parameter it lacks; such a value is a property
        found.entrySet().removeIf(e -> e.getValue().equals(system.get(e.getKey())));
        return new ProfileLoader(found, system, System.getenv(), Path.of("profiles"),
                ProfileLoader.class.getClassLoader());
    }

    /** Every setting key a profile, property or parameter may set (without {@code conformance.}), sorted. */
    public static java.util.SortedSet<String> settingKeys() {
        return new java.util.TreeSet<>(Settings.DEFAULTS.keySet());
    }

    /** A value with the place it came from. */
    private record Sourced(String value, String source) {
    }

    public TargetProfile load() {
        if (parameters.containsKey("conformance.token") || properties.containsKey("conformance.token")) {
            throw new ProfileException(TOKEN_REFUSED);
        }
        Sourced profile = override("profile").orElseGet(() -> override("target").filter(t -> !t.value().isBlank())
                .isPresent() ? new Sourced(Settings.FOREIGN_TARGET_PROFILE, "default for a target without a profile")
                : new Sourced(Settings.DEFAULT_PROFILE, SettingSources.DEFAULT));
        List<ProfileFiles.Layer> chain = files.chain(profile.value());
        List<String> names = chain.stream().map(ProfileFiles.Layer::name).toList();
        Map<String, String> values = new TreeMap<>(Settings.DEFAULTS);
        Map<String, String> sources = new HashMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) { // why: the root first, so the extending file wins
            ProfileFiles.Layer layer = chain.get(i);
            layer.values().forEach((key, value) -> {
                values.put(key, value);
                sources.put(key, SettingSources.profile(names, layer.name()));
            });
        }
        for (String key : keysToOverride(values)) {
            override(key).ifPresent(v -> {
                values.put(key, v.value());
                sources.put(key, v.source());
            });
        }
        applyDialect(values, sources);
        ProfileFiles.Layer leaf = chain.get(0);
        if (values.get("waivers").isBlank()) {
            // why: a disk profile's waivers live next to it; a shipped (classpath) profile's under ./profiles,
            // where a user can add them without copying the profile
            String waivers = leaf.name() + ".waivers.yaml";
            values.put("waivers", leaf.file().map(file -> file.resolveSibling(waivers))
                    .orElse(profilesDir.resolve(waivers)).toString());
            sources.put("waivers", leaf.file().isPresent() ? "default (beside profile " + leaf.name() + ")"
                    : "default (under " + profilesDir + "/, profile " + leaf.name() + " is on the classpath)");
        }
        Tokens.Found token = Tokens.find(values.get("token_env"), values.get("token_file"), environment);
        return Settings.toProfile(leaf.name(), values, token.secret(),
                effective(profile, leaf, names, values, sources, token));
    }

    /**
     * The settings the dialect decides (its readings and the Idempotency-Key capability) take the dialect's value
     * unless a profile, the environment or a property set them; their source then reads {@code dialect <name>}, so
     * the summary shows which dialect ran and which of its readings were overridden (those keep their own source).
     */
    private static void applyDialect(Map<String, String> values, Map<String, String> sources) {
        Dialect dialect = Dialect.parse(values.get("dialect"));
        dialect.defaults().forEach((key, value) -> {
            if (!sources.containsKey(key)) {
                values.put(key, value);
                sources.put(key, SettingSources.dialect(dialect));
            }
        });
    }

    private static EffectiveSettings effective(Sourced profile, ProfileFiles.Layer leaf, List<String> names,
                                               Map<String, String> values, Map<String, String> sources,
                                               Tokens.Found token) {
        List<EffectiveSettings.Entry> entries = new ArrayList<>();
        entries.add(new EffectiveSettings.Entry("profile", leaf.name() + " (" + leaf.location() + ")",
                profile.source()));
        if (names.size() > 1) {
            entries.add(new EffectiveSettings.Entry("extends", String.join(" → ", names.subList(1, names.size())),
                    "profile " + leaf.name()));
        }
        values.forEach((key, value) -> entries.add(new EffectiveSettings.Entry(key,
                value.isEmpty() ? EffectiveSettings.EMPTY : value, sources.getOrDefault(key, SettingSources.DEFAULT))));
        String none = values.get("target").isBlank() ? "(none: the embedded target gets a random one made for this run)"
                : "(none)";
        entries.add(new EffectiveSettings.Entry("token", token.secret().isPresent() ? "(masked)" : none,
                token.description()));
        return new EffectiveSettings(entries);
    }

    /** Known keys plus embedded options named only in an override. */
    private List<String> keysToOverride(Map<String, String> values) {
        Map<String, String> keys = new TreeMap<>(values);
        List<String> named = new ArrayList<>(properties.keySet());
        named.addAll(parameters.keySet());
        named.stream().filter(k -> k.startsWith("conformance.embedded_options."))
                .forEach(k -> keys.put(k.substring("conformance.".length()), ""));
        environment.keySet().stream().filter(k -> k.startsWith("CONFORMANCE_EMBEDDED_OPTIONS_"))
                .forEach(k -> keys.put("embedded_options." + k.substring(29).toLowerCase(java.util.Locale.ROOT), ""));
        return List.copyOf(keys.keySet());
    }

    private Optional<Sourced> override(String key) {
        String name = "conformance." + key;
        if (parameters.containsKey(name)) {
            return Optional.of(new Sourced(parameters.get(name), SettingSources.parameter(name)));
        }
        if (properties.containsKey(name)) {
            return Optional.of(new Sourced(properties.get(name), SettingSources.systemProperty(name)));
        }
        String variable = Settings.envName(key);
        return Optional.ofNullable(environment.get(variable))
                .map(value -> new Sourced(value, SettingSources.environment(variable)));
    }

}
