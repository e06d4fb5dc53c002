package io.shmbench.bench;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingMode;
import io.shmbench.ring.RingReader;
import io.shmbench.ring.RingWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
 * Q1 (one side at a time): what does one write, and one read, of a message cost on the ring when
 * the other side is not there?
 *
 * <p>The design reasoning (docs/THEORY.md) estimates about 130 ns to write a 2048-byte message (index, header, 2 KB of data, a
 * barrier, the sequence) and about 120 ns to read one. These are the CPU costs of each side's own
 * code with the ring in this core's caches: no other core owns a line, so no coherence traffic is
 * in them. A cross-process round trip costs these plus the cache-line transfers between cores,
 * which the transport benchmarks measure.
 *
 * <ul>
 *   <li>{@link #write}: a writer copies a message into the next slot of an OVERWRITE ring that
 *       nobody reads (so it never waits) and publishes it: the seqlock's odd mark, the copy, the
 *       length, the sequence and the write index.</li>
 *   <li>{@link #read}: a reader polls the next message of a pre-filled ring, copies it out and, in
 *       OVERWRITE mode, validates the seqlock. After each pass over the {@value #SLOTS} slots the
 *       ring is re-armed outside the measured time by republishing every slot without rewriting
 *       its payload ({@code Level.Invocation} set-up; each invocation reads {@value #SLOTS}
 *       messages, so JMH's two time stamps per invocation add well under 1 ns per read).</li>
 * </ul>
 *
 * <p>How to read it: ns per message for each {@code messageBytes}; at 2048 bytes compare with the
 * estimated 130/120 ns. The copy dominates large messages (roughly bytes / copy bandwidth); the fixed
 * part (sequence, indices, fences) dominates small ones. The read uses the zero-copy poll plus an
 * explicit copy, as a telemetry reader does; the copying {@code RingReader.read} also reads the
 * clock for its deadline on every call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Q1RingSideAlone {
    /** Slots of the ring; a constant because {@code @OperationsPerInvocation} needs one. */
    public static final int SLOTS = 64;
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** What both sides share: the message size, a ring in /dev/shm (unlinked at once) and a message pattern. */
    @State(Scope.Thread)
    public abstract static class RingAlone {
        @Param({"2048", "64", "256", "2880", "65536"})
        public int messageBytes;

        Arena arena;
        Ring ring;

        Ring createRing(RingMode mode) {
            arena = Arena.ofShared();
            ring = Ring.create(RingConfig.of(SLOTS, messageBytes).withMode(mode));
            ring.unlink(); // the mapping stays; nothing is left in /dev/shm if this fork dies
            return ring;
        }

        /** A native buffer of the message size, filled with a recognisable pattern. */
        MemorySegment pattern() {
            MemorySegment message = arena.allocate(messageBytes, 64);
            for (int i = 0; i < messageBytes; i++) {
                message.set(ValueLayout.JAVA_BYTE, i, (byte) (i * 31 + 7));
            }
            return message;
        }

        void closeRing() {
            if (ring != null) {
                ring.close();
            }
            if (arena != null) {
                arena.close();
            }
        }
    }

    @State(Scope.Thread)
    public static class WriterAlone extends RingAlone {
        RingWriter writer;
        MemorySegment message;

        @Setup(Level.Trial)
        public void open() {
            writer = createRing(RingMode.OVERWRITE).openWriter(WaitStrategy.SPIN);
            message = pattern();
        }

        @TearDown(Level.Trial)
        public void close() {
            if (writer != null) {
                writer.close();
            }
            closeRing();
        }
    }

    @State(Scope.Thread)
    public static class ReaderAlone extends RingAlone {
        @Param({"OVERWRITE", "BLOCKING"})
        public RingMode mode;

        RingWriter writer;
        RingReader reader;
        MemorySegment target;
        boolean overwrite;

        @Setup(Level.Trial)
        public void open() {
            createRing(mode);
            overwrite = mode == RingMode.OVERWRITE;
            writer = ring.openWriter(WaitStrategy.SPIN);
            reader = ring.openReader(WaitStrategy.SPIN);
            target = arena.allocate(messageBytes, 64);
            MemorySegment message = pattern();
            for (int i = 0; i < SLOTS; i++) {
                writer.write(message, 0, messageBytes, TIMEOUT_NANOS);
            }
            // Read the first pass with the checking API: the benchmark then re-reads these very bytes.
            for (int i = 0; i < SLOTS; i++) {
                int length = reader.read(target, 0, TIMEOUT_NANOS);
                if (length != messageBytes || target.mismatch(message) != -1) {
                    throw new IllegalStateException("slot " + i + " did not read back the message written");
                }
            }
        }

        /** Republishes every slot (sequence and length only; the payload stays) for the next pass. */
        @Setup(Level.Invocation)
        public void rearm() {
            if (reader.poll() != -1) { // also frees the last slot read, which a BLOCKING writer needs
                throw new IllegalStateException("the previous pass left a message unread");
            }
            for (int i = 0; i < SLOTS; i++) {
                if (writer.tryClaim() == null) {
                    throw new IllegalStateException("no free slot while re-arming; the reader is behind");
                }
                writer.commit(messageBytes);
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            if (reader != null) {
                reader.close();
            }
            if (writer != null) {
                writer.close();
            }
            closeRing();
        }
    }

    @Benchmark
    public boolean write(WriterAlone side) {
        return side.writer.offer(side.message, 0, side.messageBytes);
    }

    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public void read(ReaderAlone side, Blackhole consumed) {
        RingReader reader = side.reader;
        MemorySegment target = side.target;
        for (int i = 0; i < SLOTS; i++) {
            int length = reader.poll();
            MemorySegment.copy(reader.payload(), 0, target, 0, length);
            consumed.consume(side.overwrite ? reader.validate() : length >= 0);
        }
    }
}
