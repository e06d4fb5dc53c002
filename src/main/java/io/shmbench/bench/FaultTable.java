package io.shmbench.bench;

import io.shmbench.measure.QuestionCsv;

import java.util.ArrayList;
import java.util.List;

/** The rows of {@link QuestionCsv#Q7_FAULTS}: a trial's rows are collected and appended together at its end. */
final class FaultTable {
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * Adds one observation.
     *
     * @throws IllegalArgumentException when the metric does not end in {@code _ns} or {@code _count},
     *     or the trial is not positive
     */
    FaultTable add(String scenario, int trial, String metric, long value) {
        if (!QuestionCsv.hasUnit(metric)) {
            throw new IllegalArgumentException("Q7 metric '" + metric + "' must end with its unit, _ns or _count");
        }
        if (trial < 1) {
            throw new IllegalArgumentException("Q7 trials count from 1, got " + trial);
        }
        if (scenario.isBlank()) {
            throw new IllegalArgumentException("a Q7 observation needs a scenario name");
        }
        rows.add(List.of(scenario, Integer.toString(trial), metric, Long.toString(value)));
        return this;
    }

    List<List<String>> rows() {
        return List.copyOf(rows);
    }

    /** Appends the rows collected to the current run's file (if in a run) and forgets them. */
    void flush() {
        if (!rows.isEmpty()) {
            QuestionCsv.Q7_FAULTS.inCurrentRun().ifPresent(file -> file.append(rows));
            rows.clear();
        }
    }
}
