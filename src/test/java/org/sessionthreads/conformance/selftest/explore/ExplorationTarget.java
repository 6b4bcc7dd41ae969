package org.sessionthreads.conformance.selftest.explore;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerDialect;
import org.sessionthreads.conformance.refserver.Variation;

/**
 * One target of the exploration campaign: the embedded server in a dialect, conformant or with one variation or one
 * fault (a fault of a dialect's own rule on that dialect only; every other fault on each dialect).
 *
 * @param fault the fault, empty for a conformant target
 */
record ExplorationTarget(ServerDialect dialect, Optional<Fault> fault, Optional<Variation> variation) {
    String label() {
        return dialect.wireName() + " " + fault.map(Enum::name).or(() -> variation.map(Enum::name))
                .orElse("conformant");
    }

    String profile() {
        return dialect == ServerDialect.ARCHIVE_PAGE ? "reference" : "reference-" + dialect.wireName();
    }

    Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>(Map.of("dialect", dialect.wireName()));
        fault.ifPresent(f -> options.put("faults", f.name()));
        variation.ifPresent(v -> options.put("variations", v.name()));
        return options;
    }

    boolean mustPass() {
        return fault.isEmpty();
    }

    /**
     * Every target: each dialect conformant; every variation on the archive page; every fault that declares a
     * requirement (not the fixture-hook faults, which make a run ERROR), on its own dialect, or on each dialect that
     * documents one of its requirements (where the catalogue disables them all, no verdict can fail) and where it
     * changes what the target shows.
     */
    static List<ExplorationTarget> all() {
        // why: the CAS thread has no role and no stop_reason (refserver WireFormat), so these faults change nothing there
        Set<Fault> unseenInCas = EnumSet.of(Fault.WRONG_STOP_REASON, Fault.ARCHIVED_THREAD_WITHOUT_ROLE);
        RequirementCatalogue catalogue = RequirementCatalogue.load();
        List<ExplorationTarget> targets = new ArrayList<>();
        for (ServerDialect dialect : ServerDialect.values()) {
            targets.add(new ExplorationTarget(dialect, Optional.empty(), Optional.empty()));
        }
        for (Variation variation : Variation.values()) {
            targets.add(new ExplorationTarget(ServerDialect.ARCHIVE_PAGE, Optional.empty(), Optional.of(variation)));
        }
        for (Fault fault : Fault.values()) {
            if (fault.breaks().isEmpty()) {
                continue;
            }
            for (ServerDialect dialect : ServerDialect.values()) {
                if (fault.dialect().map(dialect::equals).orElse(true) && fault.breaks().stream().anyMatch(id ->
                        catalogue.find(id).orElseThrow().disabledIn(dialect.wireName()).isEmpty())
                        && !(dialect == ServerDialect.CAS && unseenInCas.contains(fault))) {
                    targets.add(new ExplorationTarget(dialect, Optional.of(fault), Optional.empty()));
                }
            }
        }
        return targets;
    }
}
