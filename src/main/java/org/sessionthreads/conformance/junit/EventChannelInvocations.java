package org.sessionthreads.conformance.junit;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.race.ArchiveRaces;
import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.events.EventTimings;
import org.sessionthreads.conformance.race.Interleavings;
import org.sessionthreads.conformance.events.SessionEvents;

/**
 * The invocations of an {@link EventChannelTest}: one per channel (times one per case), each with a condition
 * that disables it when the profile does not offer its channel, and a resolver for the channel-bound facades. The
 * {@link SessionEvents} of an invocation lives in its store, so its cursors (SSE streams) close when it ends.
 */
final class EventChannelInvocations implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(EventChannelTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        Class<?> casesType = method.getAnnotation(EventChannelTest.class).cases();
        List<Object> cases = casesType == void.class ? java.util.Collections.singletonList(null)
                : Arrays.asList(casesType.getEnumConstants());
        List<TestTemplateInvocationContext> invocations = new ArrayList<>();
        for (EventChannel channel : EventChannel.values()) {
            cases.forEach(scenarioCase -> invocations.add(new Invocation(channel, scenarioCase)));
        }
        return invocations.stream();
    }

    /** Also used by {@link ConformanceExtension} to leave these parameters to the invocation. */
    static boolean isChannelBound(Class<?> type, ExtensionContext context) {
        return (type == SessionEvents.class || type == ArchiveRaces.class || type == EventChannel.class)
                && context.getTestMethod().map(m -> m.isAnnotationPresent(EventChannelTest.class)).orElse(false);
    }

    private record Invocation(EventChannel channel, Object scenarioCase) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return (scenarioCase == null ? "" : scenarioCase + " ") + "via " + channel.wireName();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of((ExecutionCondition) this::offered, new ChannelParameters(channel, scenarioCase));
        }

        private ConditionEvaluationResult offered(ExtensionContext context) {
            ConformanceRun run = ConformanceExtension.run(context);
            TargetProfile profile = run.profile();
            return channel.isOfferedBy(profile)
                    ? ConditionEvaluationResult.enabled("the profile offers the " + channel + " event channel")
                    : ConditionEvaluationResult.disabled("profile '" + profile.name() + "' does not offer the "
                    + channel + " event channel (event_channels: " + profile.capabilities().eventChannels() + ")"
                    + run.discovery().seen(channel).map(seen -> "; discovery: " + seen).orElse(""));
        }
    }

    private record ChannelParameters(EventChannel channel, Object scenarioCase) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == SessionEvents.class || type == ArchiveRaces.class || type == EventChannel.class
                    || scenarioCase instanceof Enum<?> constant && type == constant.getDeclaringClass();
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            if (type == EventChannel.class) {
                return channel;
            }
            ConformanceRun run = ConformanceExtension.run(context);
            ExtensionContext.Store store = context.getStore(ConformanceExtension.NAMESPACE);
            SessionEvents events = store.computeIfAbsent(ScenarioRecording.EVENTS_STORE_KEY,
                    k -> run.events().on(channel, new EventTimings()), SessionEvents.class);
            if (type == SessionEvents.class) {
                return events;
            }
            if (type == ArchiveRaces.class) {
                return run.races(events, store.computeIfAbsent(ScenarioRecording.INTERLEAVINGS_STORE_KEY,
                        k -> new Interleavings(), Interleavings.class));
            }
            return scenarioCase;
        }
    }
}
