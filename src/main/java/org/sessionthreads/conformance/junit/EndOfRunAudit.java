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
 * Marks the class that runs the end-of-run audit: its {@code @TestFactory} may declare an {@link AuditChecks}
 * parameter, one dynamic test per invariant, each carrying its requirement id. The class runs after every
 * scenario class: {@link Isolated} makes the parallel executor run it after all concurrent classes (JUnit 6's
 * fork-join executor defers isolated siblings until the others are joined), and {@link Order} puts it last when
 * classes run one after another ({@code ClassOrderer$OrderAnnotation}, set by ConformanceSuite and SuiteConfiguration). After
 * it, the run's fixtures are released.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("conformance")
@Isolated
@Order(Integer.MAX_VALUE)
@ExtendWith(AuditExtension.class)
public @interface EndOfRunAudit {
}
