package org.sessionthreads.conformance.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenarios that only apply to a target whose profile declares {@link #value()}. Elsewhere they are DISABLED
 * (skipped) with the reason "profile does not declare …", never failed and never passed.
 *
 * <pre>{@code
 * @Requirement("IDEM-002")
 * @RequiresCapability(Capability.IDEMPOTENCY_KEY)    // on the method: the summary then gives the reason
 * @Test
 * void theSameKeyForAnotherThreadAnswers409(Fixtures fixtures, ThreadsApi threads) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(CapabilityCondition.class)
public @interface RequiresCapability {
    Capability value();
}
