package io.shmbench.bench;

import io.shmbench.bench.peer.FaultWriterPeer;
import io.shmbench.measure.LatencyRecorder;
import io.shmbench.message.CheckedMessage;
import io.shmbench.payload.PlainDoubleBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import java.util.concurrent.TimeUnit;

/**
 * Q7: what survives faults? A writer that dies, and a reader too slow for its writer.
 *
 * <p>Each benchmark is a series of trials (one JMH single-shot iteration each);
 * what a trial observes goes to {@code raw/q7_faults.csv} ({@code scenario, trial, metric, value}),
 * from measurement iterations only. JMH's own score is just a trial's duration. The writer is always
 * a {@link FaultWriterPeer} in its own JVM ({@link FaultScenario}), writing
 * {@value #SNAPSHOT_BYTES}-byte snapshots (the telemetry snapshot size of docs/THEORY.md;
 * {@link CheckedMessage}s: every word depends on the sequence number) every
 * {@value #WRITE_PERIOD_NANOS} ns; both sides are pinned to two cores ({@link CrossCorePin}).
 *
 * <ul>
 *   <li>{@link #writerKill} (scenario {@value #KILL}, {@link KilledWriter}): the
 *       writer is killed with SIGKILL ({@code destroyForcibly}) while it writes; {@code detection_ns}
 *       is the time from the kill to the reader's {@code peerStatus} saying DEAD (the writer's pid is
 *       gone) or STALE (no heartbeat or progress for {@value #STALE_AFTER_MILLIS} ms). A new writer
 *       per trial; the times also go to the benchmark's {@code .hlog}.</li>
 *   <li>{@link #slowReaderSeqlock} (scenario {@value #SEQLOCK}{@code , N slots},
 *       {@link SlowReaderOnRing}, whose parameters are {@code slots} and {@code lapPolicy}): an
 *       OVERWRITE ring and a slow reader ({@link SlowReader}): it reads each snapshot in place in two
 *       halves with a {@value #READ_PAUSE_NANOS} ns pause between them (its other work), so it takes
 *       longer per snapshot than the writer, then asks the seqlock whether the slot changed meanwhile.
 *       Over {@value #READ_WINDOW_MILLIS} ms: {@code snapshots_read_count}, {@code delivered_count}
 *       (the seqlock said whole), {@code torn_caught_count} (the seqlock said the slot changed: never
 *       delivered), {@code torn_delivered_count} (delivered but failing the check of its words: must
 *       be 0, else also recorded as "corrupt") and {@code gap_count} (messages overwritten before the
 *       reader reached them, counted by sequence number). {@code slots} = 4 follows the sizing rule
 *       (docs/THEORY.md); 2 is the double buffer's memory.</li>
 *   <li>{@link #slowReaderDoubleBuffer} (scenario {@value #DOUBLE_BUFFER},
 *       {@link SlowReaderOnDoubleBuffer}): the same writer and the same slow reader on the plain
 *       double buffer ({@link PlainDoubleBuffer}: two buffers, an active index, no seqlock), reading
 *       each new snapshot. It delivers everything it is handed; {@code torn_delivered_count} counts
 *       the snapshots whose words belong to two writes.</li>
 * </ul>
 *
 * <p>How to read it: detection times say how soon a reader can react to a crashed writer (a pid
 * check answers as soon as the kernel has torn the process down; STALE would need the timeout).
 * For the slow reader, compare {@code torn_delivered_count}: the ring hands the reader no torn
 * snapshot and counts what it caught and skipped; the double buffer hands over a torn snapshot
 * whenever the writer laps the reader, and only the reader's own check notices. How much the ring
 * delivers depends on where a lapped reader resumes ({@code lapPolicy}): at the oldest message
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
    public static final String DOUBLE_BUFFER = "slow reader: plain double buffer";
    public static final int SNAPSHOT_BYTES = 2880;
    public static final long WRITE_PERIOD_NANOS = 10_000;
    public static final long READ_PAUSE_NANOS = 15_000;
    public static final long READ_WINDOW_MILLIS = 250;
    public static final long STALE_AFTER_MILLIS = 100;
    /** A reader that sees nothing new (or no death) for this long gives up: the trial records "timed out". */
    static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);

    @Benchmark
    public void writerKill(KilledWriter writer, LatencyRecorder latency) {
        writer.killAndDetect(latency);
    }

    @Benchmark
    public void slowReaderSeqlock(SlowReaderOnRing reader) {
        reader.readWindow();
    }

    @Benchmark
    public void slowReaderDoubleBuffer(SlowReaderOnDoubleBuffer reader) {
        reader.readWindow();
    }
}
