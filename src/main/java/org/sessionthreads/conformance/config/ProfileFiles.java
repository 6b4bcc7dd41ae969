package org.sessionthreads.conformance.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Finds profile files and follows their {@code extends:} chains.
 *
 * <p>Where a name is looked up: a value that ends in {@code .yaml}/{@code .yml} or contains a {@code /} is a path
 * (relative to the working directory; in {@code extends:}, relative to the extending file). Any other value is a
 * name: {@code <profilesDir>/<name>.yaml} on disk first, then the resource {@code profiles/<name>.yaml} on the
 * classpath (the shipped profiles are packaged there), so a local copy always wins over the shipped one.
 */
final class ProfileFiles {
    static final String EXTENDS = "extends";
    private static final String RESOURCE_DIR = "profiles/";
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private final Path profilesDir;
    private final ClassLoader classpath;

    ProfileFiles(Path profilesDir, ClassLoader classpath) {
        this.profilesDir = profilesDir;
        this.classpath = classpath;
    }

    /**
     * One profile file, read and flattened ({@code timeouts.event}, lists as comma-separated text).
     *
     * @param name     the file name without {@code .yaml}
     * @param file     the file on disk; empty for a classpath profile
     * @param location where it was found, for messages: a path or {@code classpath:profiles/<name>.yaml}
     * @param values   its settings, without {@code extends}
     * @param parent   what its {@code extends:} names, if anything
     */
    record Layer(String name, Optional<Path> file, String location, Map<String, String> values,
                 Optional<String> parent) {
    }

    /**
     * The chain of {@code profile}: the named profile first, then what it extends, up to the root.
     *
     * @throws ProfileException when a profile is missing, not valid YAML, or the chain has a cycle
     */
    List<Layer> chain(String profile) {
        List<Layer> chain = new ArrayList<>();
        Layer layer = read(profile, Optional.empty());
        while (true) {
            for (Layer seen : chain) {
                if (seen.location().equals(layer.location())) {
                    List<String> names = new ArrayList<>(chain.stream().map(Layer::name).toList());
                    names.add(layer.name());
                    throw new ProfileException("profile '" + chain.get(0).name() + "' extends itself: "
                            + String.join(" → ", names) + "; remove one of these extends:");
                }
            }
            chain.add(layer);
            if (layer.parent().isEmpty()) {
                return chain;
            }
            layer = read(layer.parent().get(), layer.file());
        }
    }

    private Layer read(String profile, Optional<Path> extendedFrom) {
        String reference = profile.strip();
        if (reference.isEmpty()) {
            throw new ProfileException("extends: must name a profile; it is empty in " + extendedFrom.orElse(Path.of("?")));
        }
        if (isPath(reference)) {
            Path file = extendedFrom.map(child -> child.toAbsolutePath().getParent().resolve(reference))
                    .orElse(Path.of(reference)).normalize();
            if (!Files.isRegularFile(file)) {
                throw new ProfileException("profile '" + reference + "' not found (looked for " + file.toAbsolutePath()
                        + "); set conformance.profile to a name under profiles/ or to a .yaml path");
            }
            return parse(nameOf(file.getFileName().toString()), Optional.of(file), file.toString(), text(file));
        }
        Path onDisk = profilesDir.resolve(reference + ".yaml");
        if (Files.isRegularFile(onDisk)) {
            return parse(reference, Optional.of(onDisk), onDisk.toString(), text(onDisk));
        }
        String resource = RESOURCE_DIR + reference + ".yaml";
        try (InputStream in = classpath.getResourceAsStream(resource)) {
            if (in != null) {
                return parse(reference, Optional.empty(), "classpath:" + resource,
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ProfileException("cannot read classpath:" + resource + ": " + e.getMessage(), e);
        }
        throw new ProfileException("profile '" + reference + "' not found (looked for " + onDisk.toAbsolutePath()
                + " and classpath:" + resource + "); set conformance.profile to a name under profiles/ or to a .yaml path");
    }

    private static boolean isPath(String reference) {
        return reference.endsWith(".yaml") || reference.endsWith(".yml") || reference.contains("/");
    }

    private static String nameOf(String fileName) {
        return fileName.replaceFirst("\\.ya?ml$", "");
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ProfileException("cannot read profile " + file + ": " + e.getMessage(), e);
        }
    }

    private static Layer parse(String name, Optional<Path> file, String location, String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new ProfileException("profile " + location + " is not valid YAML: " + firstLine(e.getMessage()), e);
        }
        Map<String, String> flat = new LinkedHashMap<>();
        if (root != null && !root.isMissingNode() && !root.isNull()) {
            if (!root.isObject()) {
                throw new ProfileException("profile " + location + " must be a YAML mapping");
            }
            flatten("", root, flat);
        }
        Optional<String> parent = Optional.ofNullable(flat.remove(EXTENDS));
        Settings.checkKeys(location, flat.keySet());
        return new Layer(name, file, location, flat, parent);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asString()));
            out.put(prefix, String.join(",", items));
        } else {
            out.put(prefix, node.isNull() ? "" : node.asString());
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
