package io.shmbench.measure;

import java.util.List;

/**
 * {@code raw/rounds.csv}: one row per JMH run the suite started, in the order it started them. With
 * {@code --rounds N} the plan runs N times, each round in its own shuffled order, so the same series
 * appears once per round; this file says which round each run was, when it ran and which entry of
 * {@code raw/jmh.json} it produced. Intervals of an {@code .hlog} belong to the run whose
 * {@code [started_ms, ended_ms]} holds their start time.
 *
 * <p>This class is the file's one definition: the run command writes it, the reporter reads it.
 */
public final class RoundsFile {
    /** System property telling a JMH fork which round it runs in (absent: round 1). */
    public static final String PROPERTY = "shmbench.round";
    /** The round, from 1. */
    public static final String ROUND = "round";
    /** The run's place in its round, from 1. */
    public static final String POSITION = "position";
    /** {@code <Class>.<method>}, as in outcomes.csv. */
    public static final String BENCHMARK = "benchmark";
    /** JMH's mode ({@code thrpt}, {@code avgt}, ...). */
    public static final String MODE = "mode";
    /** {@code name=value,name=value}, sorted, as in outcomes.csv. */
    public static final String PARAMS = "params";
    /** Wall-clock start and end, ms since the epoch (the clock of .hlog interval stamps). */
    public static final String STARTED_MS = "started_ms";
    public static final String ENDED_MS = "ended_ms";
    /** {@code ok} or another status of {@link Outcome}: {@code failed} when JMH produced no result. */
    public static final String STATUS = "status";
    /** The 0-based index of the run's result in raw/jmh.json's array; empty when it produced none. */
    public static final String RESULT_INDEX = "result_index";

    public static final List<String> COLUMNS = List.of(ROUND, POSITION, BENCHMARK, MODE, PARAMS, STARTED_MS, ENDED_MS,
            STATUS, RESULT_INDEX);

    private RoundsFile() {
    }

    /** The round this JVM measures in: {@value #PROPERTY}, or 1 outside a run with rounds. */
    public static int currentRound() {
        return Integer.getInteger(PROPERTY, 1);
    }
}
