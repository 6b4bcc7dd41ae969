package org.sessionthreads.conformance.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A scenario that observes events: it runs once per {@code EventChannel} (polling, SSE), and its
 * {@code SessionEvents} (and {@code ArchiveRaces}) parameter reads through that invocation's channel, so the body
 * is the same for both. Invocations are named after the channel ({@code via polling}, {@code via sse}); a channel
 * the profile's {@code event_channels} does not offer is DISABLED with the reason, never passed.
 *
 * <pre>{@code
 * @Requirement("EVT-001")
 * @EventChannelTest
 * void archiveEmitsTheTerminatedEvent(Fixtures fixtures, ThreadsApi threads, SessionEvents sessionEvents) { ... }
 *
 * @Requirement("EVT-003")
 * @EventChannelTest(cases = RejectedArchive.class)     // every constant × every channel: "COORDINATOR via sse"
 * void aRejectedArchiveEmitsNoTerminatedEvent(RejectedArchive rejected, ...) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@TestTemplate
@ExtendWith(EventChannelInvocations.class)
public @interface EventChannelTest {
    /** An enum whose constants are crossed with the channels and injected as a parameter; none by default. */
    Class<?> cases() default void.class;
}
