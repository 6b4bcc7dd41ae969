package org.sessionthreads.conformance.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a class of scenarios: its methods may declare {@code ThreadsApi}, {@code SessionEvents}, {@code Fixtures},
 * {@code Readings} and {@code Timeouts} parameters (an {@link EventChannelTest} also {@code ArchiveRaces} and
 * {@code EventChannel}, bound to its channel), and each must carry one {@link Requirement}.
 *
 * <pre>{@code
 * @ConformanceScenarios
 * class ArchiveThreadScenarios { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("conformance")
@ExtendWith({ConformanceExtension.class, DialectCondition.class, FailFast.class, ScenarioRecording.class,
        VerdictExtension.class})
public @interface ConformanceScenarios {
}
