package org.sessionthreads.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnitXmlPropertiesTest {
    private static final String FAILSAFE_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="org.sessionthreads.conformance.ConformanceSuite" tests="2" failures="1" skipped="1">
              <properties>
                <property name="java.class.path" value="/x/classes"/>
                <property name="conformance.race.repetitions" value="1"/>
              </properties>
              <testcase name="a" classname="A" time="0.1">
                <failure message="ARCH-002 (MUST) not met: expected archive"/>
              </testcase>
              <testcase name="b" classname="A" time="0.0">
                <skipped message="profile does not offer sse"/>
              </testcase>
            </testsuite>
            """;
    @TempDir
    Path dir;

    @Test
    void should_cut_the_properties_element_and_keep_every_testcase() throws IOException {
        Path file = dir.resolve("TEST-suite.xml");
        Files.writeString(file, FAILSAFE_XML);
        Files.writeString(dir.resolve("clean.xml"), "<testsuite><properties/><testcase name=\"c\"/></testsuite>");

        assertThat(JUnitXmlProperties.removeFrom(dir)).isEqualTo(2);

        String cleaned = Files.readString(file);
        assertThat(cleaned).doesNotContain("<properties").doesNotContain("<property ")
                .doesNotContain("java.class.path").contains("<failure message=\"ARCH-002")
                .contains("<skipped message=").contains("<testsuite name=");
        assertThat(Files.readString(dir.resolve("clean.xml"))).isEqualTo("<testsuite><testcase name=\"c\"/></testsuite>");
        assertThat(JUnitXmlProperties.removeFrom(dir)).as("a second pass").isZero();
        assertThat(JUnitXmlProperties.removeFrom(dir.resolve("missing"))).isZero();
    }
}
