package org.sessionthreads.conformance.selftest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** What a secret-leak check searches for: a canary token and its base64 forms. */
public final class Canaries {
    private Canaries() {
    }

    /**
     * The canary, and what stays the same of its base64 encoding at each of the three byte alignments it can
     * have inside a longer encoded text (e.g. {@code Basic base64(user:token)}).
     */
    public static List<String> needles(String canary) {
        List<String> needles = new ArrayList<>(List.of(canary));
        for (int shift = 0; shift < 3; shift++) {
            String encoded = Base64.getEncoder().withoutPadding()
                    .encodeToString(("x".repeat(shift) + canary).getBytes(StandardCharsets.UTF_8));
            int from = shift == 0 ? 0 : 4;
            needles.add(encoded.substring(from, encoded.length() - 4));
        }
        return needles;
    }
}
