package org.sessionthreads.conformance.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes credentials from anything the suite writes: header values of credential-bearing headers, and every
 * occurrence of a known secret value in free text (URLs, bodies, messages). Every exchange passes through one of
 * these before it reaches a report.
 */
public final class Redactor {
    private static final Set<String> SENSITIVE_HEADERS = Set.of(
            "authorization", "proxy-authorization", "x-api-key", "cookie", "set-cookie");
    private final List<String> secrets;

    public Redactor(List<Secret> secrets) {
        this.secrets = secrets.stream().map(Secret::reveal).toList();
    }

    public static boolean isSensitiveHeader(String name) {
        return SENSITIVE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The value to show for a header: masked for credential headers, secret-free otherwise. */
    public String header(String name, String value) {
        if (isSensitiveHeader(name)) {
            int space = value == null ? -1 : value.indexOf(' ');
            return space > 0 && name.equalsIgnoreCase("authorization")
                    ? value.substring(0, space) + " " + Secret.MASK : Secret.MASK;
        }
        return text(value);
    }

    /** The text with every known secret replaced by {@link Secret#MASK}. */
    public String text(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, Secret.MASK);
        }
        return result;
    }
}
