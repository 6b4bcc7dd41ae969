package org.sessionthreads.conformance.config;

import java.util.HashMap;
import java.util.Map;

/** The JVM's system properties as a plain map, read in one place (see {@link ProfileLoader}). */
final class SystemEnvironment {
    private SystemEnvironment() {
    }

    static Map<String, String> properties() {
        Map<String, String> copy = new HashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("conformance."))
                .forEach(name -> copy.put(name, System.getProperty(name)));
        return copy;
    }
}
