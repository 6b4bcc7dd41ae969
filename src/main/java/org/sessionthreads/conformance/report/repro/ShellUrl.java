package org.sessionthreads.conformance.report.repro;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A recorded URL as one shell word for a reproduction: the run's base URL becomes {@code $BASE} and each id of the
 * sequence shown becomes the variable that holds the script's own id; everything else stays as it was, in single
 * quotes (a hostile id or query cannot run anything).
 *
 * @param word the shell word
 * @param vars the variables it uses, in order
 */
record ShellUrl(String word, Set<String> vars) {
    /** {@code url} with {@code base} as {@code $BASE} and each id of {@code ids} (id → variable) as its variable. */
    static ShellUrl of(String url, String base, Map<String, String> ids) {
        Map<String, String> encoded = new LinkedHashMap<>();
        ids.forEach((id, var) -> {
            if (id != null && !id.isEmpty()) {
                encoded.put(URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"), var);
            }
        });
        StringBuilder word = new StringBuilder();
        Set<String> vars = new LinkedHashSet<>();
        String rest = url;
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        if (!trimmed.isEmpty() && rest.startsWith(trimmed)) {
            word.append("\"$BASE\"");
            rest = rest.substring(trimmed.length());
        }
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < rest.length()) {
            String at = longestAt(rest, i, encoded);
            if (at == null) {
                literal.append(rest.charAt(i++));
                continue;
            }
            flush(word, literal);
            word.append("\"$").append(encoded.get(at)).append('"');
            vars.add(encoded.get(at));
            i += at.length();
        }
        flush(word, literal);
        return new ShellUrl(word.length() == 0 ? "''" : word.toString(), vars);
    }

    private static String longestAt(String text, int i, Map<String, String> ids) {
        return ids.keySet().stream().filter(id -> text.startsWith(id, i))
                .max(Comparator.comparingInt(String::length)).orElse(null);
    }

    private static void flush(StringBuilder word, StringBuilder literal) {
        if (literal.length() > 0) {
            word.append(ReproScript.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
