package org.sessionthreads.conformance.explore;

import java.util.List;
import java.util.Set;

/**
 * Rules that judge one observation under names that depend on the steps around it. A second terminated event
 * listed after a re-archive was sent is the re-archive's (REA-002, {@code events.terminated.none_for_rearchive});
 * the same event in a sequence without the re-archive is the archive's duplicate (EVT-002,
 * {@code events.terminated.once}). When a finding is shrunk, a sequence that breaks a rule of the family breaks
 * the finding's rule, so the shrink can drop a step that only changed the name, and the minimal sequence names
 * the rule its own steps call for.
 */
final class RuleFamilies {
    private static final List<Set<String>> FAMILIES = List.of(
            Set.of("events.terminated.once", "events.terminated.none_for_rearchive"));

    private RuleFamilies() {
    }

    /** Whether {@code a} and {@code b} are one rule or rules of one family. */
    static boolean related(String a, String b) {
        return a.equals(b) || FAMILIES.stream().anyMatch(family -> family.contains(a) && family.contains(b));
    }
}
