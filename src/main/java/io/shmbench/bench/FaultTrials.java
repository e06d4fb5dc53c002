package io.shmbench.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Q7's trials: each JMH iteration of a {@link Q7Faults} benchmark is one trial. Numbers the
 * measurement iterations (trials 1, 2, ...) and writes what they observed to
 * {@code raw/q7_faults.csv} ({@link FaultTable}) at the end of each; warm-up trials write nothing.
 */
@State(Scope.Thread)
public class FaultTrials {
    final FaultTable table = new FaultTable();
    int trial;
    boolean measuring;

    @Setup(Level.Iteration)
    public void begin(IterationParams iteration) {
        begin(iteration.getType() == IterationType.MEASUREMENT);
    }

    void begin(boolean measurement) {
        measuring = measurement;
        if (measuring) {
            trial++;
        }
    }

    void record(String scenario, String metric, long value) {
        if (measuring) {
            table.add(scenario, trial, metric, value);
        }
    }

    @TearDown(Level.Iteration)
    public void end() {
        table.flush();
    }
}
