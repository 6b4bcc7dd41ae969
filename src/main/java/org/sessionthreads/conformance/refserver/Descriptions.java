package org.sessionthreads.conformance.refserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * What each {@link Fault} and {@link Variation} does, one line each, for {@code --help}: the resource
 * {@value #RESOURCE}, generated from the constants' Javadoc (GeneratedDocs, checked by GeneratedDocsTest). A
 * constant the resource lacks is listed by name alone.
 */
final class Descriptions {
    static final String RESOURCE = "refserver/descriptions.properties";
    private static final Properties LINES = load();

    private Descriptions() {
    }

    /** Every constant of {@code type} on a line of its own: its name, then what it does. */
    static String list(Class<? extends Enum<?>> type, String prefix) {
        int width = Arrays.stream(type.getEnumConstants()).mapToInt(c -> c.name().length()).max().orElse(0);
        return Arrays.stream(type.getEnumConstants()).map(c -> String.format("  %-" + width + "s  %s", c.name(),
                LINES.getProperty(prefix + "." + c.name(), "")).stripTrailing()).collect(Collectors.joining("\n"));
    }

    private static Properties load() {
        Properties lines = new Properties();
        try (InputStream in = Descriptions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                lines.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
