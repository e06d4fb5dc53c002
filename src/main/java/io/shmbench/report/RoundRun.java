package io.shmbench.report;

import io.shmbench.measure.SeriesName;

/**
 * One row of {@code raw/rounds.csv} ({@link io.shmbench.measure.RoundsFile}): a JMH run, its round,
 * when it ran (wall-clock ms, the clock of .hlog interval stamps) and the index of its result in
 * raw/jmh.json ({@code -1} when it produced none).
 */
public record RoundRun(int round, int position, SeriesName key, String mode, long startedMs, long endedMs, String status,
                       int resultIndex) {

    public boolean holds(long epochMs) {
        return startedMs <= epochMs && epochMs <= endedMs;
    }
}
