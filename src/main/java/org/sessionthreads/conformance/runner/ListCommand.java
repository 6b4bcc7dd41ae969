package org.sessionthreads.conformance.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.sessionthreads.conformance.ConformanceSuite;
import org.sessionthreads.conformance.audit.Invariant;
import org.sessionthreads.conformance.catalogue.CatalogueEntry;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.config.ProfileException;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.fixture.FixtureKind;
import org.sessionthreads.conformance.junit.EventChannelTest;
import org.sessionthreads.conformance.junit.Requirement;
import org.sessionthreads.conformance.junit.RequiresCapability;
import org.sessionthreads.conformance.report.ExitStatus;

/**
 * {@code list}: the requirement catalogue; with {@code --plan} (or any target option) also what that profile
 * would do with each requirement, read from the profile and the scenarios' annotations without sending a request:
 * "runs" (with its event channels), "disabled" (a capability or every event channel the scenario needs is not
 * declared), and per fixture kind whether any configured strategy can offer it (a scenario whose fixture no
 * strategy offers ends UNTESTABLE; which kinds a scenario needs shows only when it runs).
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the requirement catalogue, and what a profile would run, disable or leave untestable.")
final class ListCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target = new TargetOptions();

    @Option(names = "--plan", description = "also show what the profile (default: the run's default) would do")
    boolean plan;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        RequirementCatalogue catalogue = RequirementCatalogue.load();
        Map<String, String> parameters;
        TargetProfile profile = null;
        try {
            parameters = target.parameters();
            if (plan || !parameters.isEmpty()) {
                profile = TargetOptions.loader(parameters).load();
            }
        } catch (ProfileException e) {
            System.err.println("conformance: " + ExitStatus.usage(e.getMessage()).reason());
            return ExitStatus.USAGE;
        }
        Map<String, List<String>> states = profile == null ? Map.of() : states(profile);
        if (profile != null) {
            out.println("profile " + profile.name() + ": " + profile.describe());
        }
        int titles = catalogue.entries().stream().mapToInt(entry -> entry.title().length()).max().orElse(0);
        int tags = catalogue.entries().stream().mapToInt(entry -> String.join(",", entry.tags()).length()).max()
                .orElse(0);
        for (CatalogueEntry entry : catalogue.entries()) {
            String state = profile == null ? "" : "  [" + String.join("; ", states.getOrDefault(entry.id(),
                    List.of(auditOnly(entry.id())))) + "]";
            String line = String.format("%-9s  %-6s  %-" + titles + "s  %-" + tags + "s", entry.id(), entry.level(),
                    entry.title(), String.join(",", entry.tags()));
            out.println(state.isEmpty() ? line.stripTrailing() : line + state);
        }
        if (profile != null) {
            out.println();
            out.println("fixture kinds (strategies " + profile.fixtureStrategies() + "):");
            for (FixtureKind kind : FixtureKind.values()) {
                out.println("  " + kind.wireName() + ": " + fixtureState(profile, kind));
            }
        }
        return ExitStatus.PASS;
    }

    /** What a requirement without a scenario method gets: the end-of-run audit's verdict, or none. */
    private static String auditOnly(String requirementId) {
        boolean audited = Arrays.stream(Invariant.values()).anyMatch(i -> i.requirement().equals(requirementId));
        return audited ? "judged by the end-of-run audit" : "no scenario";
    }

    /** Per requirement, what the profile does with each of its scenario methods. */
    private static Map<String, List<String>> states(TargetProfile profile) {
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ConformanceSuite.class)).build());
        Map<String, List<String>> states = new LinkedHashMap<>();
        plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .map(id -> id.getSource().orElse(null)).filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getJavaMethod()).distinct()
                .forEach(method -> {
                    Requirement requirement = method.getAnnotation(Requirement.class);
                    if (requirement != null) {
                        states.computeIfAbsent(requirement.value(), k -> new ArrayList<>()).add(state(profile, method));
                    }
                });
        return states;
    }

    private static String state(TargetProfile profile, Method method) {
        RequiresCapability required = method.getAnnotation(RequiresCapability.class);
        if (required != null && !required.value().isDeclaredBy(profile)) {
            return "disabled: capabilities." + required.value().settingName() + " is not declared";
        }
        if (method.isAnnotationPresent(EventChannelTest.class)) {
            List<String> offered = EventChannel.offeredBy(profile).stream().map(EventChannel::wireName).toList();
            return offered.isEmpty() ? "disabled: event_channels offers no channel"
                    : "runs via " + String.join(", ", offered);
        }
        return "runs";
    }

    private static String fixtureState(TargetProfile profile, FixtureKind kind) {
        List<String> able = new ArrayList<>();
        for (String strategy : profile.fixtureStrategies()) {
            boolean configured = switch (strategy) {
                case "hook" -> profile.fixtures().isPresent() || profile.target().isEmpty();
                case "api" -> profile.fixtureSettings().prompt(kind.wireName()).isPresent()
                        && (kind != FixtureKind.CHILD_WITH_PENDING_MESSAGE
                        || profile.fixtureSettings().deliverAfter().isPresent());
                case "preprovisioned" -> !profile.fixtureSettings().pool(kind.wireName()).isEmpty();
                default -> true; // a strategy of the consumer's: only it knows
            };
            if (configured) {
                able.add(strategy);
            }
        }
        return able.isEmpty() ? "no configured strategy offers it: scenarios that need it end UNTESTABLE"
                : "offered by " + String.join(", ", able) + " (if the target agrees when asked)";
    }
}
