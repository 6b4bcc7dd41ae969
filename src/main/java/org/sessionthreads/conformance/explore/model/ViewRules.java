package org.sessionthreads.conformance.explore.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.sessionthreads.conformance.client.SessionThread;
import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.explore.Violation;

/**
 * Judges what the thread views show after a step against the model's state: the child archived exactly when an
 * accepted step archived it (and then with that answer's archived_at), every thread that may not move unchanged
 * since the fixture was made, the coordinator and the other session's child never archived by anything else, and the
 * list (whole and in pages of one) agreeing with GET. A view that was not read judges nothing.
 */
public final class ViewRules {
    private final Readings readings;

    public ViewRules(Readings readings) {
        this.readings = readings;
    }

    /**
     * @param before   the first observation (the fixture as made)
     * @param archived the child's first accepted archive answer (null when none)
     */
    public List<Violation> judge(Expectation expectation, ModelState state, Observation before, Observation now,
                                 SessionThread archived) {
        List<Violation> violations = new ArrayList<>();
        String effect = expectation.effectRequirement();
        now.child().ifPresent(child -> child(state, before.child().orElse(null), child, archived, effect, now,
                violations));
        now.coordinator().ifPresent(coordinator -> {
            if (Fields.looksArchived(coordinator, readings.archivedStatus())) {
                violations.add(new Violation(expectation.step() instanceof Step.Archive a
                        && a.target() == Target.COORDINATOR ? "COORD-002" : "ISO-001", "coordinator.never.archived",
                        "the coordinator not archived (no archived status, no archived_at)",
                        Fields.brief(coordinator), now.exchanges()));
            } else if (!state.coordinatorMayMove()) {
                unchanged("coordinator", before.coordinator().orElse(null), coordinator, effect, now, violations);
            }
        });
        now.otherChild().ifPresent(other -> {
            if (!state.otherArchived()) {
                if (Fields.looksArchived(other, readings.archivedStatus())) {
                    violations.add(new Violation(effect.startsWith("NF") ? effect : "ISO-001",
                            "other.session.untouched", "the other session's child not archived", Fields.brief(other),
                            now.exchanges()));
                } else {
                    unchanged("other session's child", before.otherChild().orElse(null), other,
                            effect.startsWith("NF") ? effect : "ISO-001", now, violations);
                }
            }
        });
        if (!state.childMayMove()) {
            listAgrees(now, now.child(), violations);
        }
        if (!state.coordinatorMayMove()) {
            listAgrees(now, now.coordinator(), violations);
        }
        return violations;
    }

    private void child(ModelState state, SessionThread first, SessionThread child, SessionThread archived,
                       String effect, Observation now, List<Violation> violations) {
        boolean looksArchived = Fields.looksArchived(child, readings.archivedStatus());
        if (state.childArchived()) {
            boolean stored = readings.archivedStatus().equals(child.status())
                    && (archived == null || Fields.sameInstant(archived.archivedAt(), child.archivedAt()))
                    && (!readings.threadHasStopReason() || "archive".equals(child.stopReasonType()));
            if (!stored) {
                violations.add(new Violation("ARCH-004", "child.archived.stored", "status "
                        + readings.archivedStatus() + (archived == null ? "" : ", archived_at "
                        + archived.archivedAt()) + (readings.threadHasStopReason() ? ", stop_reason archive" : ""),
                        Fields.brief(child), now.exchanges()));
            }
        } else if (looksArchived) {
            violations.add(new Violation(effect, "child.not.archived", "the child not archived (" + state.child()
                    + ")", Fields.brief(child), now.exchanges()));
        } else if (!state.childMayMove()) {
            unchanged("child", first, child, effect, now, violations);
        }
    }

    private static void unchanged(String which, SessionThread before, SessionThread now, String requirement,
                                  Observation observation, List<Violation> violations) {
        if (before == null) {
            return;
        }
        boolean same = Objects.equals(before.status(), now.status())
                && Objects.equals(before.stopReason(), now.stopReason())
                && Fields.sameInstant(before.archivedAt(), now.archivedAt())
                && Fields.sameInstant(before.updatedAt(), now.updatedAt());
        if (!same) {
            violations.add(new Violation(requirement, which.replace(' ', '_').replace("'", "") + ".unchanged",
                    "the " + which + " as the fixture was made: " + Fields.brief(before), Fields.brief(now),
                    observation.exchanges()));
        }
    }

    private static void listAgrees(Observation now, Optional<SessionThread> got, List<Violation> violations) {
        got.ifPresent(thread -> {
            for (Optional<SessionThread> listed : List.of(now.listed(thread.id()), now.paged(thread.id()))) {
                listed.filter(l -> !agree(l, thread)).ifPresent(l -> violations.add(new Violation("LIST-001",
                        "list.agrees.with.get", "the list as GET: " + Fields.brief(thread), Fields.brief(l),
                        now.exchanges())));
            }
        });
    }

    private static boolean agree(SessionThread listed, SessionThread got) {
        return Objects.equals(listed.status(), got.status()) && Objects.equals(listed.stopReason(), got.stopReason())
                && Fields.sameInstant(listed.archivedAt(), got.archivedAt());
    }
}
