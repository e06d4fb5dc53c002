package io.shmbench.bench;

import io.shmbench.measure.Outcome;
import io.shmbench.placement.CpuPair;
import io.shmbench.placement.Topology;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.util.concurrent.TimeUnit;

/**
 * Q6 (the map): how far apart is every pair of CPUs? The {@code floor} round trip (one cache line
 * bounced between two processes) between every pair of usable CPUs, as a matrix for a heatmap.
 *
 * <p>Placements ({@link Q6Placement}) pick one representative pair per relation; the matrix shows
 * the whole machine: which CPUs are SMT siblings, where the L3 or the socket boundary lies, and
 * whether some cores are slower to reach than others of the same kind. Each {@code cpuPair} value
 * {@code A:B} is one run: this thread pinned to CPU A, the peer's to CPU B, the line first touched
 * from A ({@link PlacedEcho}).
 *
 * <ul>
 *   <li>{@link #floorRoundTrip}: one round trip, recorded into a histogram of the measurement
 *       iterations; at the end of the run its p50 and p99 become the pair's row of
 *       {@code raw/q6_core_matrix.csv} ({@code cpu_a, cpu_b, p50_ns, p99_ns}).</li>
 * </ul>
 *
 * <p>The pairs come from this host ({@code CpuPair.allPairs}: every unordered pair once, lower CPU
 * first; a round trip is symmetric, so the other half of the matrix is its mirror image). On a
 * large host that is many runs: narrow them with {@code -p cpuPair=0:1,0:8,...}. A pair that cannot
 * be measured gets a row with empty values and an outcome saying why.
 *
 * <p>How to read it: cells of the same colour are CPUs the same distance apart; SMT siblings are
 * the fastest, then cores sharing a last-level cache, then other sockets.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Q6CoreMatrix {
    /** Replaced by every pair of this host's usable CPUs when run through {@code run-bench.sh}. */
    @Param({"0:1"})
    public String cpuPair;

    private final Histogram iteration = new Histogram(3);
    private final Histogram measured = new Histogram(3);
    private TrialOutcome outcome;
    private PlacedEcho echo;

    @Setup(Level.Trial)
    public void start(BenchmarkParams run) {
        start(TrialOutcome.of(run), Topology.host());
    }

    void start(TrialOutcome trialOutcome, Topology topology) {
        outcome = trialOutcome;
        try {
            CpuPair pair = CpuPair.parse(cpuPair, topology);
            echo = PlacedEcho.start(outcome, "floor", 0, pair.writerCpu(), pair.readerCpu(), pair.writerCpu());
        } catch (IllegalArgumentException e) {
            outcome.stop(Outcome.UNAVAILABLE, e.getMessage());
        } catch (RuntimeException e) {
            outcome.stop(e);
        }
    }

    @Benchmark
    public void floorRoundTrip() {
        long nanos = PlacedEcho.roundTripUnlessStopped(echo, outcome);
        if (nanos >= 0) {
            iteration.recordValue(nanos);
        }
    }

    /** Keeps the measurement iterations' round trips; warm-up ones are dropped. */
    @TearDown(Level.Iteration)
    public void endIteration(IterationParams params) {
        endIteration(params.getType() == IterationType.MEASUREMENT);
    }

    void endIteration(boolean measurement) {
        if (measurement) {
            measured.add(iteration);
        }
        iteration.reset();
    }

    @TearDown(Level.Trial)
    public void stop() {
        try {
            CoreMatrixTable.rowFor(cpuPair, measured).ifPresent(CoreMatrixTable::append);
            if (echo != null) {
                outcome.end("round trips");
            }
        } finally {
            Resources.closeAll(echo);
        }
    }
}
