package org.sessionthreads.conformance.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Marks the class that runs exploration (docs/explore.md): its {@code @TestFactory} may declare an
 * {@link ExplorationChecks} parameter, one dynamic test per requirement the model's rules belong to. The class runs
 * alone ({@link Isolated}: its load does not disturb the scenarios' timing), before the end-of-run audit.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("conformance")
@Isolated
@Order(Integer.MAX_VALUE - 1)
@ExtendWith(ExplorationExtension.class)
public @interface ExplorationRun {
}
