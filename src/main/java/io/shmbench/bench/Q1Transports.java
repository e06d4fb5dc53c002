package io.shmbench.bench;

import io.shmbench.measure.CpuCost;
import io.shmbench.measure.LatencyRecorder;
import io.shmbench.message.AlternatingMessages;
import io.shmbench.message.StampedStream;
import io.shmbench.transport.PeerProcess;
import io.shmbench.transport.Transports;
import io.shmbench.transport.WaitMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Q1: how fast is each transport between two processes, and what does it cost in CPU?
 *
 * <p>Every transport of {@link Transports} (pipe, FIFO, TCP loopback, Unix socket, POSIX message
 * queue, the suite's shared-memory ring, Agrona's ring, Chronicle Queue, and chronicle-style once
 * registered) moves messages between this JVM and a peer JVM ({@link PeerProcess}, started in the
 * trial set-up and always stopped in its tear-down, {@link TransportPeer}). One reference has a C
 * peer instead: {@code shm-ring-c} is {@code shm-ring} with this side unchanged and the peer's side
 * in C (src/main/c/shmring_peer.c, built where a C compiler is; echo and sink only), so shm-ring's
 * round trip over shm-ring-c's, both as multiples of their same-pair floors, says how much of it
 * the JVM peer takes. Three ways of asking:
 * <ul>
 *   <li>{@link #roundTrip}: ping-pong through an {@code echo} peer ({@link TransportEcho}); every
 *       round trip is recorded ({@link LatencyRecorder}, one {@code .hlog} per series) and every
 *       echo compared byte for byte with what was sent ({@link AlternatingMessages}). {@code floor}
 *       runs here too: one cache line bounced between the processes, carrying no payload (its size
 *       limit is 0 B), so it is measured at {@code messageBytes=0} only: the machine's physical
 *       limit, against which every transport's round trip is read as a multiple.</li>
 *   <li>{@link #throughput}: one-way stream into a {@code sink} ({@link TransportSink}), as fast as
 *       the transport takes it; the sink checksums every byte and reports count and CRC32C after
 *       each {@value TransportSink#BATCH} messages, which this side checks one batch later (so the
 *       pipeline never drains on the measured path).</li>
 *   <li>{@link #fixedRate}: a {@code source} peer ({@link TransportSource}) sends at
 *       {@code ratePerSecond} (a parameter of this benchmark only, declared on its state), each
 *       message stamped with its intended send time ({@link StampedStream}); this side records
 *       one-way latency = arrival - intended send time ({@code System.nanoTime} is CLOCK_MONOTONIC,
 *       shared by the processes of one host). Because the intended time is fixed in advance, a
 *       receiver that falls behind sees the queueing delay of every message behind the stall: no
 *       coordinated omission. Each message's stamp, sequence and filler are checked.</li>
 * </ul>
 * Both streaming modes also report CPU nanoseconds per message of both processes together
 * ({@link CpuCost}: {@code cpuNs} / {@code messages}), so a spinning transport is not mistaken for a
 * free one: at a low fixed rate a spinning pair burns two cores whether messages come or not.
 *
 * <p>Why: the telemetry design (docs/THEORY.md) chooses a shared-memory ring for its latency. These numbers say by how much it
 * beats the kernel's mechanisms at telemetry sizes (64 B .. 2880 B, the telemetry snapshot, up to
 * 64 KiB), how close each comes to the floor, and what the waiting costs. {@code waitStrategy} is
 * how both sides wait ({@link WaitMode}): {@code spin} busy-polls with {@code onSpinWait};
 * {@code yield} busy-polls with {@code Thread.yield()}; {@code block} sleeps in the kernel for the
 * kernel transports ({@code poll(2)}) but, for the shared-memory ones, which nothing can wake, spins
 * briefly and then parks with back-off, so their blocking round trip mostly measures the kernel's
 * timer slack.
 *
 * <p>How to read it: compare series of one run, as ratios (cross-process numbers move 15-30%
 * between runs as the host moves vCPUs). Round trips: the percentile plots per size and the
 * multiple of floor at 64 B; one-way latency is roughly half a round trip only for symmetric
 * transports. Throughput: messages/s and bytes/s against size; the sink's copy and CRC32C are part
 * of its per-message cost, so no transport can beat {@link Q1SinkAlone}, that work alone, which the
 * throughput figures draw as the ceiling.
 * Fixed rate: the latency percentiles at each rate (a transport that cannot keep the rate shows
 * latency growing with the run, and throughput below the rate) and CPU ns per message.
 * Combinations a transport cannot do (a size over its limit, any payload on floor, shm-ring-c
 * without a C compiler or at a fixed rate) are not run and
 * appear as {@code unsupported} in {@code raw/outcomes.csv} ({@link Q1Plan}); a peer that times out,
 * dies or delivers a wrong message is recorded as {@code timed out}, {@code failed} or
 * {@code N corrupt} and does not stop the suite.
 */
@State(Scope.Thread)
public class Q1Transports {
    static final String ROUND_TRIP = "roundTrip";
    static final String THROUGHPUT = "throughput";
    static final String FIXED_RATE = "fixedRate";

    /** Every registered transport; the first is what smoke runs. Unregistered names are skipped by {@link Q1Plan}. */
    @Param({"shm-ring", "uds", "tcp", "pipe", "fifo", "mq", "agrona", "shm-ring-c", "chronicle-queue", "chronicle-style", "floor"})
    public String transport;

    /** 2880 B is the telemetry snapshot of docs/THEORY.md; 0 B is floor's only size. */
    @Param({"64", "2048", "2880", "8", "256", "65536", "0"})
    public int messageBytes;

    /** {@link WaitMode} of both sides. */
    @Param({"spin", "block", "yield"})
    public String waitStrategy;

    /**
     * Where the two processes run ({@link CrossCorePin}): {@code cross-core} (the default) pins this
     * side and the peer to two cores of one node, {@code none} leaves both to the scheduler.
     */
    @Param({CrossCorePin.CROSS_CORE})
    public String pinning = CrossCorePin.CROSS_CORE;

    /**
     * One round trip of {@code messageBytes} through the echo peer. After a timeout or a lost peer
     * it records the outcome and does nothing more in this trial (the recorded latencies so far stay valid).
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void roundTrip(TransportEcho echo, LatencyRecorder latency) {
        echo.roundTrip(latency);
    }

    /**
     * One message into the sink (ops/s = messages/s). After a timeout or a lost peer it records the
     * outcome and throws, so JMH keeps no rate for a stream that stopped.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void throughput(TransportSink sink) {
        sink.send();
    }

    /**
     * One message from the fixed-rate source, its one-way latency recorded (ops/s shows whether
     * the rate was kept). After a timeout or a lost peer it records the outcome and throws.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void fixedRate(TransportSource source, LatencyRecorder latency) {
        source.receive(latency);
    }
}
