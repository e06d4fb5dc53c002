package io.shmbench.measure;

import java.util.List;

/**
 * {@code raw/blocks/<Class>.<method>@<params>.csv}: how one round-trip series and its same-pair
 * floor took turns. A cross-process round-trip benchmark alternates, with the same two processes,
 * a block of {@code series_round_trips} round trips of the series under test and a block of
 * {@code floor_round_trips} round trips of the floor (one cache line bounced between them); each row
 * is one such pair of blocks, with the median of each. Their ratio is the series' multiple of the
 * floor at that moment, and the block's floor tells which state the host's CPUs were in.
 *
 * <p>Only measurement iterations are written; a block begun in one iteration and finished in the
 * next is not written (its round trips are in the histograms all the same). The file is shared by
 * every fork and round of the series; each fork appends one iteration's rows in one write.
 * Medians are the lower median: with an even count, the smaller of the two middle values.
 *
 * <p>This class is the file's one definition: the benchmarks write it, the reporter reads it.
 */
public final class FloorBlockFile {
    /** The round of the run ({@code --rounds}), from 1. */
    public static final String ROUND = "round";
    /** The JMH fork that measured the block (its pid). */
    public static final String FORK = "fork";
    /** The measurement iteration of that fork, from 1. */
    public static final String ITERATION = "iteration";
    /** The block within the iteration, from 1, in the order measured. */
    public static final String BLOCK = "block";
    public static final String SERIES_ROUND_TRIPS = "series_round_trips";
    public static final String SERIES_P50_NS = "series_p50_ns";
    public static final String FLOOR_ROUND_TRIPS = "floor_round_trips";
    public static final String FLOOR_P50_NS = "floor_p50_ns";

    public static final List<String> COLUMNS = List.of(ROUND, FORK, ITERATION, BLOCK, SERIES_ROUND_TRIPS, SERIES_P50_NS,
            FLOOR_ROUND_TRIPS, FLOOR_P50_NS);

    private FloorBlockFile() {
    }
}
