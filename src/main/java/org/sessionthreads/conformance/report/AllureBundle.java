package org.sessionthreads.conformance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.qameta.allure.util.PropertiesUtils;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two run-level files of the Allure results: {@code environment.properties} (the Environment panel: suite
 * version and commit, profile, dialect, target; values arrive redacted) and {@code categories.json} (the
 * Categories panel: conformance failures apart from harness errors, untestable, waived, SHOULD warnings and
 * disabled). Allure has no typed outcome to match on, only the test's status and its message, so the categories
 * match JUnit's status (failed = an assertion, broken = any other exception, skipped = aborted) and the verdict
 * word the suite puts first in every abort message ({@code UNTESTABLE}, {@code WAIVED}, {@code SHOULD not met}).
 * They only sort the report; no verdict of the suite is read from them.
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
            Files.writeString(dir.resolve(CATEGORIES), JSON.writeValueAsString(categories()) + "\n");
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

    /** Disjoint categories, in the order the panel lists them. */
    static List<Map<String, Object>> categories() {
        return List.of(
                category("Conformance failures (a MUST not met)", List.of("failed"), "(?s)(?!UNTESTABLE).*"),
                category("Untestable in certify mode", List.of("failed"), "(?s)UNTESTABLE.*"),
                category("Harness errors (no verdict possible)", List.of("broken"), null),
                category("Untestable", List.of("skipped"), "(?s)UNTESTABLE.*"),
                category("Waived", List.of("skipped"), "(?s)WAIVED.*"),
                category("SHOULD not met (warnings)", List.of("skipped"), "(?s)SHOULD not met.*"),
                category("Disabled (not offered by the profile)", List.of("skipped"),
                        "(?s)(?!UNTESTABLE|WAIVED|SHOULD not met).*"));
    }

    private static Map<String, Object> category(String name, List<String> statuses, String messageRegex) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", name);
        node.put("matchedStatuses", statuses);
        if (messageRegex != null) {
            node.put("messageRegex", messageRegex);
        }
        return node;
    }
}
