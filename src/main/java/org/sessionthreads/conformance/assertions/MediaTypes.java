package org.sessionthreads.conformance.assertions;

import java.util.Locale;

/**
 * Reads the media type of a {@code Content-Type} value (RFC 9110 §8.3.1: {@code type "/" subtype *( ";" parameter
 * )}, case-insensitive). JSON is {@code application/json} or a structured-syntax {@code +json} subtype
 * (RFC 6839), so {@code application/json; charset=utf-8} and {@code application/problem+json} are JSON;
 * {@code text/plain}, {@code text/json} and a missing header are not.
 */
final class MediaTypes {
    private MediaTypes() {
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(Locale.ROOT);
        int slash = mediaType.indexOf('/');
        if (slash <= 0 || !mediaType.substring(0, slash).equals("application")) {
            return false;
        }
        String subtype = mediaType.substring(slash + 1);
        return subtype.equals("json") || subtype.endsWith("+json") && subtype.length() > "+json".length();
    }
}
