package org.sessionthreads.conformance.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The suite's version and commit, from the {@code git.properties} the build writes (absent outside a build). */
public record BuildInfo(String version, String commit) {

    public static BuildInfo load() {
        Properties git = new Properties();
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream("git.properties")) {
            if (in != null) {
                git.load(in);
            }
        } catch (IOException e) {
            // why: a missing version must not stop a run; the summary then says "unknown"
        }
        String dirty = "true".equals(git.getProperty("git.dirty")) ? "-dirty" : "";
        return new BuildInfo(git.getProperty("git.build.version", "unknown"),
                git.getProperty("git.commit.id", "unknown") + (git.containsKey("git.commit.id") ? dirty : ""));
    }
}
