package org.sessionthreads.conformance.config;

import java.util.List;

/** The wording of the places a setting can come from (see {@link EffectiveSettings.Entry#source()}). */
final class SettingSources {
    static final String DEFAULT = "default";

    private SettingSources() {
    }

    static String profile(List<String> chain, String definedIn) {
        return chain.get(0).equals(definedIn) ? "profile " + definedIn
                : "profile " + definedIn + " via " + String.join(" → ", chain.subList(0, chain.indexOf(definedIn) + 1));
    }

    /** A setting the run's dialect decided because nothing else set it. */
    static String dialect(Dialect dialect) {
        return "dialect " + dialect.wireName();
    }

    static String environment(String variable) {
        return "environment variable " + variable;
    }

    static String systemProperty(String name) {
        return "system property " + name;
    }

    static String parameter(String name) {
        return "JUnit configuration parameter " + name;
    }
}
