package org.sessionthreads.conformance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.qameta.allure.util.PropertiesUtils;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two run-level files of the Allure results: {@code environment.properties} (the Environment panel: suite
 * version and commit, profile, dialect, target; values arrive redacted) and {@code categories.json} (the
 * Categories panel: per requirement and reason class, see {@link AllureCategories}).
 */
public final class AllureBundle {
    public static final String ENVIRONMENT = "environment.properties";
    public static final String CATEGORIES = "categories.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private AllureBundle() {
    }

    /** Where Allure writes its results: {@code allure.results.directory} as Allure itself reads it. */
    public static Path resultsDirectory() {
        return Path.of(PropertiesUtils.loadAllureProperties().getProperty("allure.results.directory",
                "allure-results"));
    }

    /** Writes both files into {@code dir}. */
    public static void write(Path dir, Map<String, String> environment) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(ENVIRONMENT), properties(environment));
            Files.writeString(dir.resolve(CATEGORIES),
                    JSON.writeValueAsString(AllureCategories.of(RequirementCatalogue.load())) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Allure environment and categories to " + dir, e);
        }
    }

    /** The panel's lines, in the given order (no date comment, unlike {@link java.util.Properties#store}). */
    static String properties(Map<String, String> environment) {
        StringBuilder text = new StringBuilder();
        environment.forEach((key, value) -> text.append(escape(key, true)).append('=').append(escape(value, false))
                .append('\n'));
        return text.toString();
    }

    private static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '=', ':', '#', '!' -> out.append(key ? "\\" + c : String.valueOf(c));
                case ' ' -> out.append(key ? "\\ " : " ");
                default -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }
}
