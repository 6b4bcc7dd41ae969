package org.sessionthreads.conformance.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one catalogue requirement a scenario checks. Required on every scenario method, allowed only on methods;
 * an unknown id fails the scenario before it sends anything.
 *
 * <pre>{@code
 * @Requirement("COORD-001")
 * @Test
 * void aCoordinatorCannotBeArchived(Fixtures fixtures, ThreadsApi threads) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requirement {
    /** Catalogue id, e.g. {@code "ARCH-002"}. */
    String value();
}
