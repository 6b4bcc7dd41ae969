package org.sessionthreads.conformance.baseline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.config.Dialect;
import org.sessionthreads.conformance.config.GateSettings;
import org.sessionthreads.conformance.config.ProfileException;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.report.BaselineView;
import org.sessionthreads.conformance.report.BuildInfo;
import org.sessionthreads.conformance.report.Gate;
import org.sessionthreads.conformance.report.RunSummary;

/**
 * The settings {@code gate}, {@code min_index}, {@code baseline} and {@code baseline_latency_tolerance} applied
 * to a finished run's summary (its {@link Gate}), and checked before a run starts.
 *
 * <p>A baseline of another dialect is refused: levels and expectations differ between dialects, so its KNOWN
 * would be meaningless (exit 2 before the run; a run-level problem, exit 3, when only the end of the run sees it).
 * A baseline of another suite version is used, with a warning: signatures are typed and stable, and a requirement
 * the baseline lacks is NEW. {@code gate: new} without a baseline is refused the same way.
 */
public final class BaselineGate {
    private BaselineGate() {
    }

    /** {@code summary} gated as its effective settings say, compared with its baseline (if any) today. */
    public static RunSummary applied(RunSummary summary, BuildInfo build) {
        Map<String, String> settings = summary.facts().settings().stream()
                .collect(Collectors.toMap(RunSummary.Setting::key, RunSummary.Setting::value, (a, b) -> b));
        if (settings.isEmpty()) {
            return summary; // why: a run that did not start has no settings and nothing to compare
        }
        try {
            return summary.withGate(gate(settings::get, baseline -> BaselineComparison.of(baseline,
                    RunSnapshot.of(summary, build), LocalDate.now(), GateSettings.latencyTolerance(
                            settings.getOrDefault("baseline_latency_tolerance", "50%")),
                    settings.get("baseline").strip())));
        } catch (ProfileException e) {
            return summary.withProblem(e.getMessage());
        }
    }

    /**
     * What {@link #applied} would refuse, checked before the first request.
     *
     * @throws ProfileException {@code gate: new} without a baseline; an unreadable baseline; another dialect's
     */
    public static void check(TargetProfile profile) {
        gate(key -> profile.effective().valueOf(key).orElse(null), baseline -> null);
    }

    private static Gate gate(Function<String, String> setting, Function<Baseline, BaselineView> compare) {
        boolean newOnly = GateSettings.newOnly(orDefault(setting, "gate", "all"));
        double minIndex = GateSettings.minIndex(orDefault(setting, "min_index", "0"));
        Optional<String> path = GateSettings.baseline(setting.apply("baseline"));
        if (path.isEmpty()) {
            if (newOnly) {
                throw new ProfileException("gate: new needs a baseline (--baseline FILE|DIR or the setting"
                        + " baseline): without one every failure would be NEW");
            }
            return new Gate(false, minIndex, Optional.empty());
        }
        Baseline baseline = load(Path.of(path.get()), orDefault(setting, "dialect", Dialect.DEFAULT.wireName()));
        return new Gate(newOnly, minIndex, Optional.ofNullable(compare.apply(baseline)));
    }

    /** The baseline in {@code path} (a baseline file or a results folder), refused when of another dialect. */
    public static Baseline load(Path path, String dialect) {
        Baseline baseline = BaselineFile.read(path);
        if (!baseline.dialect().equals(dialect)) {
            throw new ProfileException("the baseline " + path + " was written for dialect '" + baseline.dialect()
                    + "', this run's is '" + dialect + "': levels and expectations differ between dialects; write"
                    + " a baseline from a run of this dialect");
        }
        return baseline;
    }

    private static String orDefault(Function<String, String> setting, String key, String otherwise) {
        return Optional.ofNullable(setting.apply(key)).orElse(otherwise);
    }
}
