package org.sessionthreads.conformance.selftest.mutation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.Variation;

/**
 * One server the mutation self-test runs the suite against: the conformant reference server, the server with one
 * conformant {@link Variation} (must pass), or the server with one {@link Fault} (must be killed: its declared
 * requirements fail). Everything comes from the two enums, so a new constant needs no change here.
 *
 * @param breaks        the requirement ids a fault declares; empty for conformant servers
 * @param knownSurvivor why the suite cannot kill this fault yet (from {@link Fault#knownSurvivor()})
 * @param leftOut       a requirement whose scenario is left out of this run, as if it had been deleted
 */
record Mutant(Kind kind, String name, Map<String, String> options, List<String> breaks,
              Optional<String> knownSurvivor, Optional<String> leftOut) {

    enum Kind { CONFORMANT, VARIATION, FAULT }

    static Mutant conformant() {
        return new Mutant(Kind.CONFORMANT, "reference (no variation)", Map.of(), List.of(), Optional.empty(),
                Optional.empty());
    }

    static Mutant of(Variation variation) {
        return new Mutant(Kind.VARIATION, variation.name(), Map.of("variations", variation.name()), List.of(),
                Optional.empty(), Optional.empty());
    }

    /**
     * The server with every variation of {@code group} at once (a composed group of a dialect campaign, see
     * {@link VariationGroups}); named by its members joined with {@code +}.
     */
    static Mutant of(Set<Variation> group) {
        List<String> names = group.stream().map(Variation::name).toList();
        return new Mutant(Kind.VARIATION, String.join("+", names), Map.of("variations", String.join(",", names)),
                List.of(), Optional.empty(), Optional.empty());
    }

    static Mutant of(Fault fault) {
        return new Mutant(Kind.FAULT, fault.name(), Map.of("faults", fault.name()), fault.breaks(),
                fault.knownSurvivor(), Optional.empty());
    }

    /** This mutant on a server speaking {@code dialect} (server option {@code dialect}). */
    Mutant inDialect(String dialect) {
        Map<String, String> more = new java.util.LinkedHashMap<>(options);
        more.put("dialect", dialect);
        return new Mutant(kind, name, more, breaks, knownSurvivor, leftOut);
    }

    /** This mutant, run with the scenario of {@code requirementId} left out. */
    Mutant withoutScenarioOf(String requirementId) {
        return new Mutant(kind, name, options, breaks, knownSurvivor, Optional.of(requirementId));
    }

    boolean mustPass() {
        return kind != Kind.FAULT;
    }

    String label() {
        return leftOut.map(id -> name + " without " + id).orElse(name);
    }
}
