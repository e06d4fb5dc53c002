package io.shmbench.bench;

import io.shmbench.bench.peer.FaultWriterPeer;
import io.shmbench.bench.peer.PeerLog;
import io.shmbench.ipc.WaitStrategy;
import io.shmbench.process.ChildProcess;
import io.shmbench.process.PeerCommand;
import io.shmbench.ring.LapPolicy;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingMode;
import io.shmbench.ring.RingReader;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What every Q7 scenario has: a writer, a {@link FaultWriterPeer} in its own JVM writing
 * {@value Q7Faults#SNAPSHOT_BYTES}-byte snapshots every {@value Q7Faults#WRITE_PERIOD_NANOS} ns into
 * what this side reads, both sides pinned cross-core ({@link CrossCorePin}). A set-up that fails
 * stops the JMH trial's {@link TrialOutcome} instead of throwing. The scenarios: {@link KilledWriter},
 * {@link SlowReaderOnRing}, {@link SlowReaderOnDoubleBuffer}.
 *
 * <p>Each JMH iteration is one of Q7's trials: the measurement iterations are numbered 1, 2, ... and
 * what they observed is written to {@code raw/q7_faults.csv} ({@link FaultTable}) at the end of each;
 * warm-up trials write nothing.
 */
@State(Scope.Thread)
public abstract class FaultScenario {
    TrialOutcome outcome;
    CrossCorePin pin;
    ChildProcess peer;
    /** The ring the writer writes and this side reads, in the ring scenarios. */
    Ring ring;
    RingReader reader;
    final FaultTable table = new FaultTable();
    int trial;
    boolean measuring;

    @Setup(Level.Trial)
    public void start(BenchmarkParams run) {
        start(TrialOutcome.of(run));
    }

    /** Pins this thread, then {@link #open()}s; a failure is recorded, not thrown. */
    void start(TrialOutcome trialOutcome) {
        outcome = trialOutcome;
        try {
            pin = CrossCorePin.pinThisThread();
            open();
        } catch (RuntimeException e) {
            outcome.stop(e);
        }
    }

    @Setup(Level.Iteration)
    public void beginIteration(IterationParams iteration) {
        beginIteration(iteration.getType() == IterationType.MEASUREMENT);
    }

    void beginIteration(boolean measurement) {
        measuring = measurement;
        if (measuring) {
            trial++;
        }
    }

    /** A row of this trial, if it is a measurement. */
    void record(String scenario, String metric, long value) {
        if (measuring) {
            table.add(scenario, trial, metric, value);
        }
    }

    @TearDown(Level.Iteration)
    public void flushRows() {
        table.flush();
    }

    /** What the scenario needs besides the pin (started in the JMH trial's set-up). */
    abstract void open();

    /** Creates an OVERWRITE ring of {@code slots}, opens its reader and starts the writer on it. */
    void startRingWriter(int slots, LapPolicy lapPolicy) {
        try {
            ring = Ring.create(RingConfig.of(slots, Q7Faults.SNAPSHOT_BYTES).withMode(RingMode.OVERWRITE));
            reader = ring.openReader(WaitStrategy.SPIN, lapPolicy);
            startWriter(List.of("--ring", ring.path().toString()), () -> reader.poll() >= 0);
        } finally {
            if (ring != null) {
                ring.unlink();
            }
        }
    }

    /** Starts the writer on {@code target} ({@code --ring PATH} or {@code --double-buffer PATH}) and waits for its first snapshot. */
    void startWriter(List<String> target, BooleanSupplier written) {
        List<String> args = new ArrayList<>(target);
        args.addAll(List.of("--bytes", Integer.toString(Q7Faults.SNAPSHOT_BYTES),
                "--period-nanos", Long.toString(Q7Faults.WRITE_PERIOD_NANOS)));
        args.addAll(pin.peerArgs());
        peer = PeerCommand.start(FaultWriterPeer.class, args, PeerLog.file());
        peer.awaitReady("writing", written);
    }
}
