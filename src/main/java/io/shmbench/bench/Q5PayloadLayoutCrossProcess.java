package io.shmbench.bench;

import io.shmbench.bench.peer.PeerLog;
import io.shmbench.bench.peer.SnapshotCheck;
import io.shmbench.bench.peer.SnapshotPeer;
import io.shmbench.ipc.WaitStrategy;
import io.shmbench.measure.LatencyRecorder;
import io.shmbench.payload.PayloadLayout;
import io.shmbench.payload.SnapshotLayout;
import io.shmbench.payload.Telemetry;
import io.shmbench.process.ChildProcess;
import io.shmbench.process.PeerCommand;
import io.shmbench.ring.PeerStatus;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingReader;
import io.shmbench.ring.RingWriter;
import io.shmbench.shm.SharedSegment;
import io.shmbench.transport.ChannelConfig;
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

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Q5 across processes: what does each layout cost when the snapshot was just written by another
 * process on another core, or was just read by one?
 *
 * <p>{@link Q5PayloadLayout} measures the layouts with the snapshot in this core's cache. Shared
 * for real, the snapshot's cache lines are in the other core's cache when a side starts: the
 * reader's loads each fetch a line the writer modified, the writer's stores each have to take back
 * a line the reader holds. How many lines a pass touches, and in what order (one stride per
 * server for AoS, a few contiguous columns for SoA), is then what a layout costs. The snapshot
 * ({@value #FEATURES} features per server) lives in its own shared segment; this process and an
 * {@link SnapshotPeer} take turns over it, each turn announced through a one-slot ring, so every
 * measured pass starts right after the other side's pass. Both sides are pinned to two cores of
 * one node ({@link CrossCorePin}) and the segment is first touched on this side's node.
 *
 * <ul>
 *   <li>{@link #writerFill}: this process fills snapshot k from its per-server telemetry after the
 *       peer has read snapshot k-1 in full (and checked it: checksum, sequence, time stamp).</li>
 *   <li>{@link #readerAggregate}: the peer has just written snapshot k; this process sums one feature
 *       over all servers (checked against the known sum).</li>
 *   <li>{@link #readerReadAll}: the peer has just written snapshot k; this process reads every value
 *       (a checksum, checked against the known one).</li>
 * </ul>
 * Only the pass itself is recorded (the turn-taking happens in per-invocation set-up and tear-down,
 * outside JMH's timing too). A snapshot that fails its check is counted and reported as "N corrupt".
 *
 * <p>How to read it: compare layouts at the same {@code servers}, and each result with
 * {@code Q5PayloadLayout}'s in-cache one: the difference is the cost of the lines crossing between
 * cores. The aggregate should favour the column layouts more than in one process, since AoS then
 * pays a line transfer per server (a record is {@code 16 + 4F} = 80 bytes), SoA one per 16 servers.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Q5PayloadLayoutCrossProcess {
    /** Features per server, as {@code Q5PayloadLayout}'s default. */
    public static final int FEATURES = 16;
    /** Seed of the telemetry both processes generate. */
    static final long SEED = 42;
    private static final long WAIT_NANOS = ChannelConfig.DEFAULT_TIMEOUT.toNanos();

    /** A snapshot segment, the two rings and the peer; this thread pinned. */
    @State(Scope.Thread)
    public abstract static class Exchange {
        @Param({"AOS", "SOA", "HYBRID"})
        public PayloadLayout payloadLayout;

        @Param({"16", "64", "256"})
        public int servers;

        TrialOutcome outcome;
        SnapshotLayout layout;
        SnapshotCheck check;
        MemorySegment snapshot;
        /** The snapshot being exchanged (1, 2, ...). */
        long k;
        private CrossCorePin pin;
        private SharedSegment segment;
        private Ring toPeer;
        private Ring fromPeer;
        private RingWriter out;
        private RingReader in;
        private ChildProcess peer;

        /** Creates everything and starts a peer in {@code peerRole}; a failure is recorded, not thrown. */
        void open(TrialOutcome trialOutcome, SnapshotPeer.Role peerRole) {
            outcome = trialOutcome;
            try {
                layout = payloadLayout.of(servers, FEATURES);
                check = new SnapshotCheck(layout, SEED);
                pin = CrossCorePin.pinThisThread();
                segment = SharedSegment.create("payload", layout.byteSize());
                snapshot = segment.memory();
                toPeer = Ring.create(RingConfig.of(1, SnapshotPeer.MESSAGE_BYTES));
                fromPeer = Ring.create(RingConfig.of(1, SnapshotPeer.MESSAGE_BYTES));
                out = toPeer.openWriter(WaitStrategy.SPIN);
                in = fromPeer.openReader(WaitStrategy.SPIN);
                List<String> args = new ArrayList<>(List.of("--role", peerRole.name(), "--layout", payloadLayout.name(),
                        "--servers", Integer.toString(servers), "--features", Integer.toString(FEATURES),
                        "--seed", Long.toString(SEED), "--snapshot", segment.path().toString(),
                        "--in", toPeer.path().toString(), "--out", fromPeer.path().toString()));
                args.addAll(pin.peerArgs());
                peer = PeerCommand.start(SnapshotPeer.class, args, PeerLog.file());
                peer.awaitReady("attached to both rings", () -> toPeer.readerStatus(Long.MAX_VALUE) == PeerStatus.ALIVE
                        && fromPeer.writerStatus(Long.MAX_VALUE) == PeerStatus.ALIVE);
            } catch (RuntimeException e) {
                outcome.stop(e);
            } finally {
                unlink(); // the peer has them mapped (or is not coming): nothing is left in /dev/shm
            }
        }

        /** Tells the peer about snapshot k. */
        void send() {
            SnapshotPeer.send(out, k, 0, WAIT_NANOS);
        }

        /** Waits for the peer's answer about snapshot k; true when it says "done" (written, or whole). */
        boolean answer() {
            return SnapshotPeer.receive(in, k, WAIT_NANOS) == 1;
        }

        private void unlink() {
            for (Ring ring : new Ring[] {toPeer, fromPeer}) {
                if (ring != null) {
                    ring.unlink();
                }
            }
            if (segment != null) {
                segment.unlink();
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            try {
                if (!outcome.stopped()) {
                    finish();
                }
            } catch (RuntimeException e) {
                outcome.stop(e);
            } finally {
                outcome.end("snapshots");
                Resources.closeAll(peer, toPeer, fromPeer, segment, pin);
            }
        }

        /** What a side still has to do before the peer stops. */
        void finish() {
        }
    }

    /** This process writes, the peer reads and checks every snapshot. */
    public static class WriterSide extends Exchange {
        private Telemetry telemetry;

        @Setup(Level.Trial)
        public void start(BenchmarkParams run) {
            start(TrialOutcome.of(run));
        }

        void start(TrialOutcome trialOutcome) {
            open(trialOutcome, SnapshotPeer.Role.READER);
            if (!outcome.stopped()) {
                telemetry = SnapshotCheck.telemetry(layout, SEED);
            }
        }

        /** Waits until the peer has read (and checked) the previous snapshot; prepares the next. */
        @Setup(Level.Invocation)
        public void awaitPeer() {
            if (outcome.stopped()) {
                return;
            }
            try {
                if (k > 0) {
                    settle();
                }
                telemetry.advance(++k);
            } catch (RuntimeException e) {
                outcome.stop(e);
            }
        }

        @TearDown(Level.Invocation)
        public void notifyPeer() {
            if (outcome.stopped()) {
                return;
            }
            try {
                send();
            } catch (RuntimeException e) {
                outcome.stop(e);
            }
        }

        private void settle() {
            outcome.checked(answer());
        }

        @Override
        void finish() {
            if (k > 0) {
                settle(); // the last snapshot is checked too
            }
        }
    }

    /** The peer writes a fresh snapshot for every measured read. */
    public static class ReaderSide extends Exchange {
        @Setup(Level.Trial)
        public void start(BenchmarkParams run) {
            start(TrialOutcome.of(run));
        }

        void start(TrialOutcome trialOutcome) {
            open(trialOutcome, SnapshotPeer.Role.WRITER);
        }

        /** Asks the peer for snapshot k + 1 and waits until it is written. */
        @Setup(Level.Invocation)
        public void fetch() {
            if (outcome.stopped()) {
                return;
            }
            try {
                k++;
                send();
                answer();
            } catch (RuntimeException e) {
                outcome.stop(e);
            }
        }

        /** Counts a snapshot that is not snapshot k or whose {@code value} is wrong. */
        void verify(boolean valueRight) {
            outcome.checked(valueRight && check.isSnapshot(snapshot, k));
        }
    }

    @Benchmark
    public void writerFill(WriterSide side, LatencyRecorder latency) {
        if (side.outcome.stopped()) {
            return;
        }
        long start = System.nanoTime();
        side.layout.write(side.snapshot, side.telemetry);
        latency.record(System.nanoTime() - start);
    }

    @Benchmark
    public double readerAggregate(ReaderSide side, LatencyRecorder latency) {
        if (side.outcome.stopped()) {
            return 0;
        }
        int feature = (int) (side.k % FEATURES);
        long start = System.nanoTime();
        double sum = side.layout.sumFeature(side.snapshot, feature);
        latency.record(System.nanoTime() - start);
        side.verify(side.check.isFeatureSum(sum, feature));
        return sum;
    }

    @Benchmark
    public long readerReadAll(ReaderSide side, LatencyRecorder latency) {
        if (side.outcome.stopped()) {
            return 0;
        }
        long start = System.nanoTime();
        long checksum = side.layout.checksum(side.snapshot);
        latency.record(System.nanoTime() - start);
        side.verify(side.check.isChecksum(checksum, side.k));
        return checksum;
    }
}
