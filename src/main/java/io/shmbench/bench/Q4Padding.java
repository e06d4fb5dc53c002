package io.shmbench.bench;

import io.shmbench.measure.LatencyRecorder;
import io.shmbench.ring.Padding;
import io.shmbench.ring.ReaderPoll;
import io.shmbench.ring.SlotRelease;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Q4: what do padding, caching the other side's index, aligned slots and a reader that claims the
 * lines it read buy?
 *
 * <p>Two cores exchange a ring through their caches one 64-byte line at a time; every line both
 * sides write costs a transfer each time ownership changes. The ring's layout choices (set at
 * creation, {@code RingConfig}; here from the parameters, {@link RingVariant}) decide how many lines a message moves:
 * <ul>
 *   <li>{@code padding}: the read index in the write index's line (PACKED: each side's index
 *       store invalidates the line the other side is writing: false sharing), on the next line
 *       (PAD_64), or two lines away (PAD_128, beyond the adjacent-line prefetcher's pair);</li>
 *   <li>{@code cacheRemoteIndex}: each side keeps its last view of the other's index and reloads
 *       it only when it must (the writer when the ring looks full, the reader when it looks
 *       empty), instead of pulling the other side's line on every message;</li>
 *   <li>{@code alignSlots}: slots start on 64-byte boundaries. At the default 40-byte message a
 *       slot (16-byte header + payload) fills 56 bytes: aligned, one line per message; packed,
 *       slots straddle lines, so neighbouring slots share one and writer and reader contend for it;</li>
 *   <li>{@code readerPoll}: the reader watches the slot's own sequence word (SLOT_SEQUENCE: one
 *       line per message, sequence and payload together) or the shared write index (WRITE_INDEX,
 *       the classic design: the index line moves too, two lines per message, three when the writer
 *       also reads the read index uncached).</li>
 *   <li>{@code slotRelease}: what both readers write into a slot they have consumed before
 *       freeing it ({@link SlotRelease}, a reader option, not a layout: the header does not carry
 *       it). KEEP leaves the slot's lines shared in the reader's cache, so the writer's store one
 *       lap later must invalidate them; CLAIM_LINES writes one byte per used line and ZERO every
 *       used byte (as Agrona's reader does), taking the lines over first; CLAIM_LARGE, the
 *       default, claims for messages over {@value SlotRelease#LARGE_MESSAGE_BYTES} B only. It is
 *       compared on the default layout only ({@link Q4Plan}), at the layout sizes and at
 *       {@value #SLOT_RELEASE_BYTES} B, 33 lines a message, where the AMD EPYC VM's one-way stream
 *       was bimodal with KEEP.</li>
 * </ul>
 *
 * <ul>
 *   <li>{@link #throughput}: this side streams into a checking sink (BLOCKING, 64 slots): both
 *       sides run flat out, where layout costs show most; one operation = one message.</li>
 *   <li>{@link #roundTrip}: ping-pong through an echo peer, every round trip recorded: one message
 *       in flight, so only the lines of that message move.</li>
 * </ul>
 *
 * <p>How to read it: throughput bars with JMH's 99.9% confidence interval, one per variant
 * (labelled padding, then the other settings that vary), one figure per message size. Expect
 * PACKED below the padded variants in throughput, uncached indices below cached ones,
 * WRITE_INDEX below SLOT_SEQUENCE, and packed slots below aligned ones; expect round trips to
 * differ less, since one message in flight leaves little to contend for. For the slot release
 * expect, on a host like the AMD EPYC VM, CLAIM_LINES at or below KEEP at 40 B and well above it
 * at 2048 B, with CLAIM_LARGE matching the better of the two at each size (docs/THEORY.md,
 * section 6). On a VM whose two vCPUs share a physical core the transfers are cheap and the
 * differences small: read them as ratios within one run, never as absolute numbers.
 */
@State(Scope.Thread)
public class Q4Padding {
    @Param({"PAD_128", "PACKED", "PAD_64"})
    public Padding padding;

    @Param({"true", "false"})
    public boolean cacheRemoteIndex;

    @Param({"true", "false"})
    public boolean alignSlots;

    @Param({"SLOT_SEQUENCE", "WRITE_INDEX"})
    public ReaderPoll readerPoll;

    @Param({"CLAIM_LARGE", "KEEP", "CLAIM_LINES", "ZERO"})
    public SlotRelease slotRelease;

    @Param({"40", "64", "2048"})
    public int messageBytes;

    /** The size, beside the layout sizes, at which {@code slotRelease} is measured (see {@link Q4Plan}). */
    static final int SLOT_RELEASE_BYTES = 2048;

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void throughput(RingStream sink) {
        sink.send();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void roundTrip(RingRoundTrip echo, LatencyRecorder latency) {
        echo.roundTrip(latency);
    }
}
