package io.shmbench.bench;

import io.shmbench.measure.IntervalLog;
import io.shmbench.measure.LatencyRecorder;
import io.shmbench.placement.Placement;
import io.shmbench.placement.PlacementDecision;
import io.shmbench.placement.Topology;
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
 * Q6: where should the two processes sit? The same round trip, measured for every placement this
 * host offers.
 *
 * <p>A round trip is two hand-offs between the processes; what a hand-off costs depends on what
 * the two CPUs share. On one CPU (same-core) the processes take turns, so every hand-off waits for
 * the scheduler; SMT siblings share L1 and L2; two cores of one node share L3; across NUMA nodes
 * every line crosses the interconnect, and with the memory on the reader's node the writer's
 * stores go to remote memory too. The placement is explicit: this benchmark's measuring thread is
 * pinned to the placement's writer CPU, the peer pins its own thread to the reader CPU, and the
 * shared memory is created and first touched on the placement's memory node
 * ({@link PlacedEcho}). Both sides busy-poll, as the suite's lowest-latency configuration does.
 * {@code shm-ring} and {@code uds} take turns with a same-pair floor ({@link PairedFloor}) on the
 * same placement, so each is also read as a multiple of the floor measured beside it.
 *
 * <ul>
 *   <li>{@link #roundTrip}: one message to an echo peer and back, recorded every time:
 *       {@code floor} (one cache line, no payload: the physical limit), {@code shm-ring} (the
 *       suite's ring, {@value #PAYLOAD_BYTES}-byte messages) and {@code uds} (a Unix socket, the
 *       kernel's path, {@value #PAYLOAD_BYTES} bytes). Every echo is compared with what was sent.</li>
 * </ul>
 *
 * <p>The placements come from this host's topology ({@code io.shmbench.run.TopologyParameters}):
 * only those it can offer are run; {@code raw/q6_placements.csv} lists all of them, the others with
 * the reason they are unavailable. A placement forced with {@code -p} that the host cannot offer
 * is recorded as "unavailable" in {@code raw/outcomes.csv}.
 *
 * <p>How to read it: compare placements per transport, and transports per placement as multiples
 * of {@code floor}. Expect same-core to be far slower than everything else with busy-polling sides
 * (each hand-off waits for a time slice, milliseconds): it shows what pinning two spinning
 * processes to one CPU costs, not a cache effect. The JMH score includes the recording (see
 * {@code Q0RecordingCost}); the {@code .hlog} percentiles are the result.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Q6Placement {
    /** Message size of the transports that carry a payload. */
    public static final int PAYLOAD_BYTES = 64;

    @Param({"floor", "shm-ring", "uds"})
    public String transport;

    /** Replaced by the placements this host offers when run through {@code run-bench.sh}. */
    @Param({"same-core", "smt-sibling", "cross-core", "cross-node", "cross-node-remote-memory"})
    public String placement;

    private TrialOutcome outcome;
    private PlacedEcho echo;

    @Setup(Level.Trial)
    public void start(BenchmarkParams run) {
        start(TrialOutcome.of(run), Topology.host());
    }

    void start(TrialOutcome trialOutcome, Topology topology) {
        outcome = trialOutcome;
        try {
            PlacementTable.write(topology);
            PlacementDecision.Available where = Placement.fromLabel(placement).resolve(topology).orElseThrow();
            echo = PlacedEcho.start(outcome, transport, PAYLOAD_BYTES, where.writerCpu(), where.readerCpu(), where.memoryCpu());
        } catch (RuntimeException e) {
            outcome.stop(e);
        }
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        startIteration(iteration.getType());
    }

    void startIteration(IterationType type) {
        if (echo != null && echo.paired() != null) {
            echo.paired().startIteration(IntervalLog.tagOf(type));
        }
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        if (echo != null && echo.paired() != null) {
            echo.paired().endIteration();
        }
    }

    @Benchmark
    public void roundTrip(LatencyRecorder latency) {
        long nanos = PlacedEcho.roundTripUnlessStopped(echo, outcome);
        if (nanos >= 0) {
            latency.record(nanos);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (echo != null) {
            outcome.end("echoed messages");
        }
        Resources.closeAll(echo);
    }
}
