package org.sessionthreads.conformance.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds encoded URLs under the API base. IDs are encoded as path segments, so malformed IDs stay one segment. */
final class Paths {
    private Paths() {
    }

    static URI under(URI base, String... segments) {
        StringBuilder path = new StringBuilder(base.toString());
        for (String segment : segments) {
            path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(path.toString());
    }

    static URI withQuery(URI url, String query) {
        return query.isEmpty() ? url : URI.create(url + "?" + query);
    }

    static String param(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
