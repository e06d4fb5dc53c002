package io.shmbench.bench;

import io.shmbench.measure.LatencyRecorder;
import io.shmbench.ring.MemoryOrder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Q2: what does each memory order cost on the ring, across two processes, and which of them
 * actually work?
 *
 * <p>The ring publishes a message by storing its slot's sequence word (and the write index) after
 * the payload, and the reader loads the sequence before the payload. The memory order decides what
 * those loads and stores compile to ({@link MemoryOrder}): PLAIN and OPAQUE give no happens-before
 * between payload and sequence (and PLAIN lets the JIT hoist the reader's load out of its spin
 * loop, so a reader may never see the message); RELEASE_ACQUIRE is what the ring's C side uses (src/main/c/shmring.h);
 * VOLATILE adds a full fence (x86: a locked instruction) to every store; FENCED spells
 * release/acquire as plain accesses with explicit fences. On x86 (TSO) release/acquire costs no
 * instruction, only compiler ordering, so the safe orders should cost about the same as the unsafe
 * ones except VOLATILE; on weakly ordered CPUs (ARM) the gaps are larger.
 *
 * <ul>
 *   <li>{@link #roundTrip}: ping-pong through an echo peer over two rings of the order under test
 *       (64 slots, otherwise the default layout, {@link RingVariant}), every message written in full, copied by the peer and checked
 *       in full here; every round trip recorded ({@link LatencyRecorder}).</li>
 *   <li>{@link #throughput}: this side streams messages into a ring the peer reads, checking each
 *       in full and counting; one operation = one message.</li>
 * </ul>
 *
 * <p>Every wait has a deadline ({@link RingTrial#TIMEOUT_NANOS}). A variant that hangs (a hoisted
 * load) is recorded as {@code timed out} in {@code raw/outcomes.csv} and returns at once for the
 * rest of its trial; one that delivers a wrong message as {@code N corrupt} ({@link TrialOutcome}).
 * The run goes on either way.
 *
 * <p>How to read it: the figures show one bar per order; unsafe orders carry a dagger and a failed
 * variant its outcome, and a failed variant's numbers mean nothing. A PLAIN or OPAQUE bar that
 * looks fine is not a proof of correctness: it says this JIT and this CPU happened to keep the
 * order in this run. Compare VOLATILE with RELEASE_ACQUIRE for the price of sequential consistency.
 * Round trips vary 15-30% between runs on a VM: compare the orders within one run.
 */
@State(Scope.Thread)
public class Q2MemoryOrders {
    @Param({"RELEASE_ACQUIRE", "PLAIN", "OPAQUE", "VOLATILE", "FENCED"})
    public MemoryOrder memoryOrder;

    @Param({"64", "2880"})
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
}
