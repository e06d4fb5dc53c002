package io.shmbench.bench;

import io.shmbench.bench.peer.FaultWriterPeer;
import io.shmbench.bench.peer.PeerJvm;
import io.shmbench.measure.LatencyRecorder;
import io.shmbench.measure.Outcome;
import io.shmbench.message.CheckedMessage;
import io.shmbench.payload.SeedDoubleBuffer;
import io.shmbench.ring.LapPolicy;
import io.shmbench.ring.PeerStatus;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingMode;
import io.shmbench.ring.RingReader;
import io.shmbench.ring.WaitStrategy;
import io.shmbench.shm.SharedSegment;
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

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Q7: what survives faults? A writer that dies, and a reader too slow for its writer.
 *
 * <p>Each benchmark is a series of trials (one JMH single-shot iteration each); what a trial
 * observes goes to {@code raw/q7_faults.csv} ({@code scenario, trial, metric, value}), from
 * measurement iterations only. JMH's own score is just a trial's duration. The writer is always a
 * {@link FaultWriterPeer} in its own JVM, writing {@value #SNAPSHOT_BYTES}-byte snapshots (the
 * seed's telemetry snapshot size, {@link CheckedMessage}s: every word depends on the sequence
 * number) every {@value #WRITE_PERIOD_NANOS} ns; both sides are pinned to two
 * cores ({@link CrossCorePin}).
 *
 * <ul>
 *   <li>{@link #writerKill} (scenario {@value #KILL}): the writer is killed with SIGKILL
 *       ({@code destroyForcibly}) while it writes; {@code detection_ns} is the time from the kill to
 *       the reader's {@code peerStatus} saying DEAD (the writer's pid is gone) or STALE (no heartbeat
 *       or progress for {@value #STALE_AFTER_MILLIS} ms). A new writer per trial; the times also go
 *       to the benchmark's {@code .hlog}.</li>
 *   <li>{@link #slowReaderSeqlock} (scenario {@value #SEQLOCK}{@code , N slots}): an OVERWRITE ring
 *       and a slow reader: it reads each snapshot in place in two halves with a
 *       {@value #READ_PAUSE_NANOS} ns pause between them (its other work), so it takes longer per
 *       snapshot than the writer, then asks the seqlock whether the slot changed meanwhile. Over
 *       {@value #READ_WINDOW_MILLIS} ms: {@code snapshots_read_count}, {@code delivered_count} (the
 *       seqlock said whole), {@code torn_caught_count} (the seqlock said the slot changed: never
 *       delivered), {@code torn_delivered_count} (delivered but failing the snapshot's own checksum:
 *       must be 0, else also recorded as "corrupt") and {@code gap_count} (messages overwritten
 *       before the reader reached them, counted by sequence number). {@code slots} = 4 follows the
 *       seed's sizing rule; 2 is the double buffer's memory.</li>
 *   <li>{@link #slowReaderDoubleBuffer} (scenario {@value #DOUBLE_BUFFER}): the same writer and the
 *       same slow reader on the seed's double buffer ({@link SeedDoubleBuffer}: two buffers, an
 *       active index, no seqlock), reading each new snapshot. It delivers everything it is handed;
 *       {@code torn_delivered_count} counts the snapshots that fail their checksum.</li>
 * </ul>
 *
 * <p>How to read it: detection times say how soon a reader can react to a crashed writer (a pid
 * check answers as soon as the kernel has torn the process down; STALE would need the timeout).
 * For the slow reader, compare {@code torn_delivered_count}: the ring hands the reader no torn
 * snapshot and counts what it caught and skipped; the double buffer hands over a torn snapshot
 * whenever the writer laps the reader, and only the reader's own checksum notices. How much the
 * ring delivers depends on where a lapped reader resumes ({@code lapPolicy}): at the oldest message
 * still in the ring ({@code OLDEST}), whose slot is the very one the writer fills next, a reader
 * slower than its writer has most of its reads caught as torn whatever the slot count (slots
 * absorb bursts and put off the first lap, not a reader that is slower on average); at the newest
 * ({@code NEWEST}) it reads a slot the writer comes back to only a ring later, and most reads are
 * delivered whole, at the price of skipping what lay between.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Q7Faults {
    public static final String KILL = "writer kill -9";
    /** Followed by the ring's slot count and lap policy: {@code "slow reader: seqlock ring, 4 slots, resume newest"}. */
    public static final String SEQLOCK = "slow reader: seqlock ring";
    public static final String DOUBLE_BUFFER = "slow reader: seed double buffer";
    public static final int SNAPSHOT_BYTES = 2880;
    public static final long WRITE_PERIOD_NANOS = 10_000;
    public static final long READ_PAUSE_NANOS = 15_000;
    public static final long READ_WINDOW_MILLIS = 250;
    public static final long STALE_AFTER_MILLIS = 100;
    /** The killed writer's ring: its size does not matter to the detection. */
    private static final int KILLED_RING_SLOTS = 64;
    /** A reader that sees nothing new (or no death) for this long gives up: the run records "timed out". */
    static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** Numbers the measurement iterations (trials 1, 2, ...) and writes their rows at the end of each. */
    @State(Scope.Thread)
    public static class Trials {
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

    /** A writer peer and what it writes into; this thread pinned. */
    @State(Scope.Thread)
    public abstract static class WriterPeer {
        TrialOutcome outcome;
        CrossCorePin pin;
        PeerJvm peer;

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

        /** What the run needs besides the pin (started in the trial's set-up). */
        abstract void open();

        /** Starts the writer on {@code target} ({@code --ring PATH} or {@code --double-buffer PATH}) and waits for its first snapshot. */
        void startWriter(List<String> target, BooleanSupplier written) {
            List<String> args = new ArrayList<>(target);
            args.addAll(List.of("--bytes", Integer.toString(SNAPSHOT_BYTES), "--period-nanos", Long.toString(WRITE_PERIOD_NANOS)));
            args.addAll(pin.peerArgs());
            peer = PeerJvm.start(FaultWriterPeer.class, args);
            peer.awaitReady("writing", written);
        }
    }

    /** A writer on an OVERWRITE ring this thread reads. */
    public abstract static class RingWriterPeer extends WriterPeer {
        Ring ring;
        RingReader reader;

        void startRingWriter(int slots, LapPolicy lapPolicy) {
            try {
                ring = Ring.create(RingConfig.of(slots, SNAPSHOT_BYTES).withMode(RingMode.OVERWRITE));
                reader = ring.openReader(WaitStrategy.SPIN, lapPolicy);
                startWriter(List.of("--ring", ring.path().toString()), () -> reader.poll() >= 0);
            } finally {
                if (ring != null) {
                    ring.unlink();
                }
            }
        }
    }

    /** A new writer for every trial, to be killed. */
    @State(Scope.Thread)
    public static class KilledWriter extends RingWriterPeer {
        @Override
        void open() {
            // a writer per trial, started in startTrial
        }

        @Setup(Level.Iteration)
        public void startTrial() {
            if (outcome.stopped()) {
                return;
            }
            try {
                startRingWriter(KILLED_RING_SLOTS, LapPolicy.DEFAULT);
            } catch (RuntimeException e) {
                outcome.stop(e);
            }
        }

        @TearDown(Level.Iteration)
        public void endTrial() {
            try {
                Resources.closeAll(peer, ring);
            } finally {
                peer = null;
                ring = null;
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            Resources.closeAll(pin);
        }
    }

    /** One writer for the whole run, on an OVERWRITE ring. */
    @State(Scope.Thread)
    public static class SlowReaderOnRing extends RingWriterPeer {
        /** 4: the seed's sizing rule (ceil(write rate / read rate) = 2, plus a margin of 2); 2: the double buffer's memory. */
        @Param({"4", "2"})
        public int slots;

        /** Where the lapped reader resumes: the newest message, or the oldest, whose slot the writer fills next. */
        @Param({"NEWEST", "OLDEST"})
        public LapPolicy lapPolicy = LapPolicy.DEFAULT;

        @Override
        void open() {
            startRingWriter(slots, lapPolicy);
        }

        String scenario() {
            return scenario(slots, lapPolicy);
        }

        static String scenario(int slots, LapPolicy lapPolicy) {
            return SEQLOCK + ", " + slots + " slots, resume " + lapPolicy.name().toLowerCase(java.util.Locale.ROOT);
        }

        @TearDown(Level.Trial)
        public void stop() {
            try {
                outcome.end("snapshots the seqlock delivered");
            } finally {
                Resources.closeAll(peer, ring, pin);
            }
        }
    }

    /** One writer for the whole run, on the seed's double buffer. */
    @State(Scope.Thread)
    public static class SlowReaderOnDoubleBuffer extends WriterPeer {
        SharedSegment segment;
        SeedDoubleBuffer buffer;

        @Override
        void open() {
            try {
                segment = SharedSegment.create("doublebuffer", SeedDoubleBuffer.segmentSize(SNAPSHOT_BYTES));
                buffer = new SeedDoubleBuffer(segment.memory(), SNAPSHOT_BYTES);
                startWriter(List.of("--double-buffer", segment.path().toString()),
                        () -> CheckedMessage.sequence(buffer.front()) > 0);
            } finally {
                if (segment != null) {
                    segment.unlink();
                }
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            Resources.closeAll(peer, segment, pin);
        }
    }

    @Benchmark
    public void writerKill(KilledWriter side, Trials trials, LatencyRecorder latency) {
        if (side.outcome.stopped()) {
            return;
        }
        RingReader reader = side.reader;
        long staleAfter = TimeUnit.MILLISECONDS.toNanos(STALE_AFTER_MILLIS);
        long start = System.nanoTime();
        side.peer.kill();
        PeerStatus status;
        do {
            while (reader.poll() >= 0) {
                // what the writer published before it died is still read
            }
            status = reader.peerStatus(staleAfter);
            if (System.nanoTime() - start > GIVE_UP_NANOS) {
                side.outcome.stop(Outcome.TIMED_OUT, "the reader still saw the killed writer " + status + " after "
                        + TimeUnit.NANOSECONDS.toSeconds(GIVE_UP_NANOS) + " s");
                return;
            }
        } while (status != PeerStatus.DEAD && status != PeerStatus.STALE);
        long detection = System.nanoTime() - start;
        latency.record(detection);
        trials.record(KILL, "detection_ns", detection);
    }

    @Benchmark
    public void slowReaderSeqlock(SlowReaderOnRing side, Trials trials) {
        if (side.outcome.stopped()) {
            return;
        }
        RingReader reader = side.reader;
        long tornBefore = reader.torn();
        long missedBefore = reader.missed();
        long reads = 0;
        long tornDelivered = 0;
        SlowReader window = new SlowReader(side.outcome);
        while (window.reading()) {
            int length = reader.poll();
            if (length < 0) {
                if (window.idle()) {
                    continue;
                }
                return;
            }
            window.progress();
            reads++;
            MemorySegment slot = reader.payload();
            long sequence = CheckedMessage.sequence(slot);
            boolean whole = length == SNAPSHOT_BYTES && SlowReader.read(slot, SNAPSHOT_BYTES, SlowReader.PAUSE);
            if (reader.validate() && (!whole || sequence != reader.position())) {
                tornDelivered++; // the seqlock let a torn or foreign snapshot through
            }
        }
        long caught = reader.torn() - tornBefore;
        String scenario = side.scenario();
        trials.record(scenario, "snapshots_read_count", reads);
        trials.record(scenario, "delivered_count", reads - caught);
        trials.record(scenario, "torn_caught_count", caught);
        trials.record(scenario, "torn_delivered_count", tornDelivered);
        trials.record(scenario, "gap_count", reader.missed() - missedBefore - caught);
        side.outcome.checked(reads - caught, tornDelivered);
    }

    @Benchmark
    public void slowReaderDoubleBuffer(SlowReaderOnDoubleBuffer side, Trials trials) {
        if (side.outcome.stopped()) {
            return;
        }
        SeedDoubleBuffer buffer = side.buffer;
        long reads = 0;
        long torn = 0;
        long lastSequence = -1;
        SlowReader window = new SlowReader(side.outcome);
        while (window.reading()) {
            MemorySegment front = buffer.front();
            long sequence = CheckedMessage.sequence(front);
            if (sequence == lastSequence) { // nothing new yet: wait, as the ring's reader does
                if (window.idle()) {
                    continue;
                }
                return;
            }
            window.progress();
            lastSequence = sequence;
            reads++;
            if (!SlowReader.read(front, SNAPSHOT_BYTES, SlowReader.PAUSE)) {
                torn++;
            }
        }
        trials.record(DOUBLE_BUFFER, "snapshots_read_count", reads);
        trials.record(DOUBLE_BUFFER, "delivered_count", reads);
        trials.record(DOUBLE_BUFFER, "torn_delivered_count", torn);
    }
}
