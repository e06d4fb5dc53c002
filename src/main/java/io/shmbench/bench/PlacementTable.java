package io.shmbench.bench;

import io.shmbench.measure.QuestionCsv;
import io.shmbench.placement.Placement;
import io.shmbench.placement.PlacementDecision;
import io.shmbench.placement.Topology;

import java.util.List;

/**
 * The rows of {@link QuestionCsv#Q6_PLACEMENTS}. Unavailable placements are listed, never dropped,
 * so a figure can show the gap and its reason.
 */
final class PlacementTable {
    private PlacementTable() {
    }

    /** One row per placement, in declaration order; the reason is empty for an available one. */
    static List<List<String>> rows(Topology topology) {
        return Placement.resolveAll(topology).stream().map(decision -> List.of(decision.placement().label(),
                Boolean.toString(decision.isAvailable()),
                decision instanceof PlacementDecision.Unavailable u ? u.reason() : "")).toList();
    }

    /** (Re)writes the file of the current run; every Q6 fork writes the same rows. */
    static void write(Topology topology) {
        QuestionCsv.Q6_PLACEMENTS.inCurrentRun().ifPresent(file -> file.replace(rows(topology)));
    }
}
