package io.shmbench.bench;

import io.shmbench.measure.LatencyRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Q3: how many slots should the ring have?
 *
 * <p>Slot counts from 1 to 65536, powers of two and not: a power of two finds the slot with a mask,
 * any other count with a modulo (an integer division, tens of cycles), so 3 and 5 show what the
 * usual "use a power of two" advice is worth. The rest of the ring is the default layout
 * (RELEASE_ACQUIRE, padded indices, cached remote index, aligned slots); messages are
 * {@code messageBytes} long, written in full and checked in full on the other side.
 *
 * <ul>
 *   <li>{@link #roundTrip} (BLOCKING): ping-pong through an echo peer, every round trip recorded.
 *       One message is in flight, so the slot count matters only through the memory it spreads
 *       over: each message lands in the next slot, and a large ring walks through more lines than
 *       the caches keep.</li>
 *   <li>{@link #throughput} (BLOCKING): this side streams into a checking sink. With one slot the
 *       two sides take turns (each message waits for the previous one to be read); a few slots let
 *       them overlap; beyond that the rate is set by the slower side and by cache misses. Each
 *       iteration starts with an empty ring and ends with up to {@code slots} messages not yet
 *       read (counted, then checked outside the measured time), so a huge ring in a short
 *       iteration overstates the rate by up to slots / (rate x iteration time): a few percent at
 *       65536 slots and 0.5 s.</li>
 *   <li>{@link #overwriteLoss} (OVERWRITE, the telemetry channel): a peer writes at rate W
 *       and never waits; this side reads at R = 500/s, waking every 2 ms and taking everything
 *       new, for W/R = 1, 1.25, 2 and 4 ({@link OverwriteReading}). Each trial is a row of
 *       {@code raw/q3_overwrite_loss.csv}: messages written, delivered whole, missed (the reader's
 *       {@code missed()}: overwritten before it came, or torn while read), and the age of what was
 *       read (read time minus the writer's {@code System.nanoTime()} stamp in the payload). Its
 *       JMH score (time per sweep) means nothing.</li>
 * </ul>
 *
 * <p>The sizing rule (docs/THEORY.md): slots = ceil(W/R) plus a margin (its example: W = 5 Hz, R = 4 Hz, so
 * 2 slots, with margin 4-5). A reader that takes everything at each wake-up finds at most W/R new
 * messages, so with S slots it loses the fraction max(0, 1 - S R / W)
 * ({@link io.shmbench.ring.SizingRule#predictedLossFraction}): for W/R = 4, 75% at 1 slot, 50% at 2, 25% at 3 and
 * none from 4 on; for W/R = 1.25, 20% at 1 slot and none from 2. Real timing is not regular: a
 * reader woken late finds more than W/R messages, so near ceil(W/R) some loss remains; the margin
 * is what absorbs it.
 *
 * <p>How to read it: throughput and latency against slots on log axes (compare 3 and 5 with their
 * power-of-two neighbours for mask against modulo); loss fraction against slots, one line per W/R:
 * each line should fall along the prediction and reach zero at ceil(W/R), or a little later by the
 * margin this machine's scheduling needs; staleness (p99 age of what is read) stays below about
 * one read period (2 ms) once nothing is lost, since what is read was written since the last
 * wake-up, plus whatever lateness the reader suffered.
 */
@State(Scope.Thread)
public class Q3Slots {
    @Param({"64", "1", "2", "3", "4", "5", "8", "16", "256", "1024", "4096", "65536"})
    public int slots;

    @Param({"64"})
    public int messageBytes;

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void roundTrip(RingRoundTrip echo, LatencyRecorder latency) {
        echo.roundTrip(latency);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void throughput(RingStream sink) {
        sink.send();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void overwriteLoss(OverwriteReading overwrite) {
        overwrite.sweep();
    }
}
