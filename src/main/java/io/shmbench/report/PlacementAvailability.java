package io.shmbench.report;

/** One row of raw/q6_placements.csv: whether this host offers a placement and, if not, why. */
public record PlacementAvailability(String name, boolean available, String reason) {
}
