package org.sessionthreads.conformance.refserver.model;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Where a server's ids come from. {@link #STANDARD} gives the documented shape (prefix + 32 lowercase hex,
 * UUIDv7-like, see {@link IdPrefix#next()}); {@link #OTHER_SHAPES} gives ids that are just as valid but look
 * different after the prefix, as other deployments' ids do: 26 mixed-case alphanumerics for sessions, 20 base32
 * characters for threads, 16 hex for events, {@code toolu_bdrk_} plus 24 mixed-case characters for tool calls
 * (the shape of the archive page's example), and dashes in agent ids. Clients must treat ids as opaque.
 */
@FunctionalInterface
public interface Ids {
    Ids STANDARD = IdPrefix::next;

    Ids OTHER_SHAPES = new Ids() {
        private static final String MIXED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        private static final String HEX = "0123456789abcdef";
        private final Random random = new SecureRandom();

        @Override
        public String next(IdPrefix prefix) {
            return prefix.prefix() + switch (prefix) {
                case SESSION -> chars(MIXED, 26);
                case THREAD -> chars(BASE32, 20);
                case EVENT -> chars(HEX, 16);
                case TOOL_USE -> "bdrk_01" + chars(MIXED, 22);
                case AGENT -> chars(MIXED, 8) + "-" + chars(MIXED, 4);
                default -> chars(MIXED, 24);
            };
        }

        private String chars(String alphabet, int length) {
            StringBuilder id = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return id.toString();
        }
    };

    /** A fresh id with {@code prefix}, e.g. {@code sthr_019f3c2a7b1e7c4d9a0b1c2d3e4f5a6b}. */
    String next(IdPrefix prefix);
}
