package org.sessionthreads.conformance.selftest.independent;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Ids, timestamps and JSON objects in the shape the behaviour asks for. */
final class Wire {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HEX = "0123456789abcdef";
    private static final String BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZabcdefghjkmnpqrstvwxyz";
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS_OFFSET = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.ofHours(2));

    private final Behaviour behaviour;

    Wire(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    String id(String prefix) {
        if (behaviour.is(Behaviour.BASE32_IDS)) {
            return switch (prefix) {
                case "evt_" -> prefix + random(BASE32.substring(0, 32).toLowerCase(), 20);
                case "toolu_" -> "toolu_bdrk_" + random(BASE32, 24);
                case "sthr_" -> "sthr_" + random(BASE32, 26) + "_" + random(HEX, 4);
                default -> prefix + random(BASE32, 26);
            };
        }
        return prefix + random(HEX, 32);
    }

    private static String random(String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    String time(Instant instant) {
        if (instant == null) {
            return null;
        }
        return behaviour.is(Behaviour.HTTP_QUIRKS) ? MICROS_OFFSET.format(instant) : MILLIS.format(instant);
    }

    boolean extraFields() {
        return behaviour.is(Behaviour.EXTRA_FIELDS);
    }

    ObjectNode object() {
        return JSON.createObjectNode();
    }

    ObjectNode stopReason(String type) {
        ObjectNode node = object();
        if (type != null) {
            node.put("type", type);
        }
        return node;
    }

    ObjectNode error(String type, String message, String code) {
        ObjectNode root = object();
        root.put("type", "error");
        ObjectNode error = root.putObject("error");
        error.put("type", type);
        error.put("message", message);
        if (extraFields()) {
            error.put("code", code);
            error.putNull("param");
            root.put("documentation_url", "https://docs.example.invalid/errors#" + code);
        } else {
            root.put("request_id", java.util.UUID.randomUUID().toString());
        }
        return root;
    }
}
