package io.shmbench.bench;

import io.shmbench.message.MessageChecksum;
import io.shmbench.ring.RingLayout;
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
import org.openjdk.jmh.infra.Blackhole;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;

/**
 * Q1 (the sink alone): how many messages a second can {@link Q1Transports#throughput}'s sink take
 * when no transport is in the way?
 *
 * <p>The throughput peer ({@link TransportSink}) copies every message out of the transport into its
 * buffer and adds it to a running CRC32C ({@link MessageChecksum}), reporting after every
 * {@value TransportSink#BATCH} messages. That work bounds every transport's throughput: at large
 * sizes they all approach it. This benchmark does the same work in one process, one thread: copy
 * the next message out of {@value #MESSAGES} messages laid out as a transport's buffer of the
 * default depth ({@link ChannelConfig#DEFAULT_DEPTH}, so the source's footprint is a ring's), then
 * checksum it, and take and reset the checksum once a batch as the sink does.
 *
 * <p>How to read it: its messages/s at each size is the ceiling Q1's throughput figures draw as
 * "sink alone"; a transport near that line is bound by the sink, not by itself. The source sits in
 * this core's caches, while a real sink's comes from another core, so the ceiling is an upper bound.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Q1SinkAlone {
    /** Messages in the source buffer, as many as a transport carries at the default depth. */
    static final int MESSAGES = ChannelConfig.DEFAULT_DEPTH;
    /** Each source message starts on a cache line, as a ring slot does. */
    private static final int LINE = RingLayout.CACHE_LINE;

    /** The sizes of Q1's throughput (its 0 B is floor's only size, which has no sink). */
    @Param({"64", "2048", "2880", "8", "256", "65536"})
    public int messageBytes;

    private Arena arena;
    private MemorySegment source;
    private MemorySegment buffer;
    private long stride;
    private int next;
    private int inBatch;
    private final MessageChecksum checksum = new MessageChecksum();

    @Setup(Level.Trial)
    public void open() {
        arena = Arena.ofConfined();
        stride = (messageBytes + LINE - 1L) / LINE * LINE;
        source = arena.allocate(Math.max(1, stride * MESSAGES), LINE);
        for (long i = 0; i < source.byteSize(); i++) {
            source.set(ValueLayout.JAVA_BYTE, i, (byte) (i * 31 + 7));
        }
        buffer = arena.allocate(Math.max(1, messageBytes), LINE);
    }

    @TearDown(Level.Trial)
    public void close() {
        if (arena != null) {
            arena.close();
        }
    }

    /** One message received by the sink: copied out of the source, checksummed, reported once a batch. */
    @Benchmark
    public void receive(Blackhole report) {
        MemorySegment.copy(source, next * stride, buffer, 0, messageBytes);
        checksum.update(buffer, messageBytes);
        next = (next + 1) % MESSAGES;
        if (++inBatch == TransportSink.BATCH) {
            report.consume(checksum.value());
            checksum.reset();
            inBatch = 0;
        }
    }
}
