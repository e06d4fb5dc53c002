package io.shmbench.bench;

import io.shmbench.measure.LatencyRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Q0: what does the measuring instrument cost?
 *
 * <p>Every latency benchmark of the suite wraps its operation in two {@code System.nanoTime()}
 * calls and records the difference into an HdrHistogram ({@link LatencyRecorder}). That wrapper is
 * part of every recorded value and of every average: this class measures it around an empty
 * operation, so the other results can be read against it.
 *
 * <ul>
 *   <li>{@link #timestampsOnly}: the two {@code nanoTime} calls and the subtraction;</li>
 *   <li>{@link #recordOnly}: one histogram record of a varying value, no clock;</li>
 *   <li>{@link #timestampsAndRecord}: the full wrapper around nothing, exactly as the latency
 *       benchmarks use it. Its {@code .hlog} is the distribution of an empty operation: the floor
 *       below which no recorded latency of this machine means anything (clock granularity, the
 *       wrapper's own cost, and the occasional interrupt or preemption in the tail).</li>
 * </ul>
 *
 * <p>How to read it: the average of {@code timestampsAndRecord} is the per-operation overhead in
 * every latency benchmark's average; its percentiles are the resolution of the recorded
 * distributions. A few tens of nanoseconds is normal on x86 with a TSC clock source; hundreds mean
 * a slow clock source (check {@code /sys/devices/system/clocksource/clocksource0/current_clocksource}),
 * typical of some virtual machines.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Q0RecordingCost {
    /** Values cycle through a small range, as real latencies do, so the JIT cannot fold the record. */
    private long next;

    @Benchmark
    public long timestampsOnly() {
        long start = System.nanoTime();
        return System.nanoTime() - start;
    }

    @Benchmark
    public void recordOnly(LatencyRecorder latency) {
        latency.record(next++ & 1023);
    }

    @Benchmark
    public void timestampsAndRecord(LatencyRecorder latency) {
        long start = System.nanoTime();
        latency.record(System.nanoTime() - start);
    }
}
