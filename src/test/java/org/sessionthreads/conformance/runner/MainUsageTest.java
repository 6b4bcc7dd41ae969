package org.sessionthreads.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A usage error's message, which lands in summary.md, never repeats a value no option took. */
class MainUsageTest {

    @Test
    void should_name_a_mistyped_option_but_not_the_value_after_it() {
        CommandLine.UnmatchedArgumentException e = catchThrowableOfType(CommandLine.UnmatchedArgumentException.class,
                () -> new CommandLine(new Main()).parseArgs("run", "--target", "http://127.0.0.1:9/v1", "--tokn",
                        "s3cr3t-value", "--tokn2=other-secret"));

        String why = Main.withoutStrayValues(e);

        assertThat(e.getMessage()).contains("s3cr3t-value");
        assertThat(why).contains("--tokn", "--tokn2=…", "1 value(s)")
                .doesNotContain("s3cr3t-value", "other-secret");
    }
}
