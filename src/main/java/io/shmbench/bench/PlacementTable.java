package io.shmbench.bench;

import io.shmbench.measure.RawCsvFile;
import io.shmbench.placement.Placement;
import io.shmbench.placement.PlacementDecision;
import io.shmbench.placement.Topology;
import io.shmbench.report.QuestionCsvReader;

import java.util.List;

/**
 * {@code raw/q6_placements.csv}: every placement the suite knows, whether this host offers it and,
 * when not, why (columns {@code placement, available, reason}). Unavailable placements are listed,
 * never dropped, so a figure can show the gap and its reason.
 */
final class PlacementTable {
    static final List<String> HEADER = List.of("placement", "available", "reason");

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
        RawCsvFile.inCurrentRun(QuestionCsvReader.Q6_PLACEMENTS, HEADER).ifPresent(file -> file.replace(rows(topology)));
    }
}
