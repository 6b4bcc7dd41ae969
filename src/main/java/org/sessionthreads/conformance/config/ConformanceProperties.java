package org.sessionthreads.conformance.config;

import java.util.HashMap;
import java.util.Map;

/**
 * The JVM's {@code conformance.*} system properties as a plain map, read in one place (see {@link ProfileLoader}).
 */
final class ConformanceProperties {
    private ConformanceProperties() {
    }

    static Map<String, String> properties() {
        Map<String, String> copy = new HashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("conformance."))
                .forEach(name -> copy.put(name, System.getProperty(name)));
        return copy;
    }
}
