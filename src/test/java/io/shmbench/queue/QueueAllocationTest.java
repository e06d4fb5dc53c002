package io.shmbench.queue;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hot paths allocate nothing: appending and reading within a chunk, zero-copy and copying, as
 * counted by the JVM's per-thread allocation counter (bytes, not time).
 */
@ExtendWith(NoLeaks.class)
class QueueAllocationTest {
    private static final long TIMEOUT = 30_000_000_000L;
    private static final int PAYLOAD = 64;
    private static final int WINDOWS = 10;
    private static final int ROUNDS_PER_WINDOW = 2000;

    @Test
    void appendingAndReadingWithinAChunkAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // 16 MiB holds the 50,000 rounds of 2 records of 72 bytes below: no rollover, which maps a file.
        MappedQueue queue = MappedQueue.create(new QueueConfig(16 << 20, 64));
        try (Arena arena = Arena.ofConfined()) {
            QueueAppender appender = queue.appender();
            QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
            MemorySegment source = arena.allocate(PAYLOAD);
            MemorySegment target = arena.allocate(PAYLOAD);
            byte[] bytes = new byte[PAYLOAD];
            long sum = 0;
            for (int i = 0; i < 30_000; i++) { // warm-up: the JIT compiles the paths
                sum += round(appender, tailer, source, target, bytes, i);
            }
            // Windows, not one sum: a JIT transition (deoptimisation, OSR) may allocate a few hundred bytes
            // once. An allocation on the hot path would allocate in every window, at least 16 bytes a record.
            long total = 0;
            long quietest = Long.MAX_VALUE;
            int round = 30_000;
            for (int window = 0; window < WINDOWS; window++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int end = round + ROUNDS_PER_WINDOW; round < end; round++) {
                    sum += round(appender, tailer, source, target, bytes, round);
                }
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                total += allocated;
                quietest = Math.min(quietest, allocated);
            }
            assertEquals(0, quietest, "bytes allocated by the quietest window of " + ROUNDS_PER_WINDOW + " rounds");
            assertTrue(total < (long) WINDOWS * ROUNDS_PER_WINDOW, total + " bytes allocated by "
                    + WINDOWS * ROUNDS_PER_WINDOW + " rounds: less than one byte a round, so not an object a record");
            assertEquals(Chunk.path(queue.directory(), 0), appender.chunkFile(), "no rollover happened");
            assertEquals(50_000L * 49_999 / 2 * 2, sum, "every record carried its round number both ways");
        } finally {
            queue.delete();
        }
    }

    /** One copying and one zero-copy record, each read back; returns the two round numbers read. */
    private static long round(QueueAppender appender, QueueTailer tailer, MemorySegment source, MemorySegment target,
                              byte[] bytes, int i) {
        source.set(ValueLayout.JAVA_INT_UNALIGNED, 0, i);
        appender.append(source, 0, PAYLOAD);
        long at = appender.claim(PAYLOAD);
        appender.buffer().set(ValueLayout.JAVA_INT_UNALIGNED, at, i);
        appender.publish(PAYLOAD);
        tailer.read(target, 0, TIMEOUT);
        long read = target.get(ValueLayout.JAVA_INT_UNALIGNED, 0);
        int length = tailer.receive(TIMEOUT);
        MemorySegment.copy(tailer.buffer(), ValueLayout.JAVA_BYTE, tailer.offset(), bytes, 0, length);
        return read + tailer.buffer().get(ValueLayout.JAVA_INT_UNALIGNED, tailer.offset());
    }
}
