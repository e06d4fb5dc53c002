package io.shmbench.queue;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.measure.PageFaultCount;
import io.shmbench.testutil.ChildJvm;
import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The next chunk is prepared ahead of need (appender) and mapped ahead (tailer), off the message
 * path: crossing a chunk boundary costs neither process's messaging thread a page fault, and the
 * background threads go with the cursors.
 */
@ExtendWith(NoLeaks.class)
class QueueChunkAheadTest {
    private static final long TIMEOUT = 30_000_000_000L;
    /** About one page per record, so a chunk faulted in on the message path would show as hundreds of faults. */
    private static final int RECORD = 4000;
    /** Records left in the chunk when the window starts: the roll comes early in the window. */
    private static final int LEFT = 4;
    /**
     * Faults allowed in a window: the roll takes the appender's thread through code and stack it
     * seldom runs (7 faults, every time, on the suite's VM), and the messaging threads allocate a
     * few objects per roll, which may start a new TLAB on a heap page touched for the first time.
     * Faulting the chunk in on the message path would take 1 per page written (appender: about 790 here)
     * or 1 per 16 pages read (tailer, with the kernel's fault-around: about 50).
     */
    private static final long FAULT_BOUND = 24;

    @Test
    void crossingAChunkBoundaryTakesNoPageFaultInEitherProcess() throws Exception {
        MappedQueue queue = MappedQueue.create(new QueueConfig(4 << 20, 64));
        MemorySegment usage = PageFaultCount.usageBuffer(Arena.global());
        int perChunk = (queue.config().chunkSize() - queue.config().dataOffset())
                / QueueLayout.recordSize(QueueLayout.RECORD_HEADER_SIZE + RECORD);
        int window = LEFT + perChunk * 3 / 4;
        try (ChildJvm child = ChildJvm.start(RollingAppenderProcess.class, queue.directory().toString(), Integer.toString(RECORD))) {
            child.expectLine("ready");
            QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
            child.send("warm 3 " + LEFT);
            long warmed = Long.parseLong(child.expectLine("warm").split(" ")[1]);
            for (long i = 0; i < warmed; i++) {
                assertEquals(RECORD, tailer.receive(TIMEOUT));
            }
            awaitTrue(tailer::nextChunkMapped, "the tailer mapped the next chunk ahead");
            long chunk = tailer.chunk.number;

            child.send("window " + window);
            long before = PageFaultCount.ofThisThread(usage);
            for (int i = 0; i < window; i++) {
                assertEquals(RECORD, tailer.receive(TIMEOUT));
            }
            long tailerFaults = PageFaultCount.ofThisThread(usage) - before;
            String[] reply = child.expectLine("window").split(" ");

            assertEquals("1", reply[2], "the window crossed one chunk boundary in the appender");
            assertEquals(chunk + 1, tailer.chunk.number, "and in the tailer");
            String counts = "page faults of the messaging threads over " + window + " records: appender " + reply[1]
                    + ", tailer " + tailerFaults;
            assertTrue(Long.parseLong(reply[1]) <= FAULT_BOUND, counts);
            assertTrue(tailerFaults <= FAULT_BOUND, counts);
            tailer.close();
        } finally {
            queue.delete();
        }
    }

    @Test
    void theBackgroundThreadsStopOnCloseAndLeaveNoTemporaryFile() throws Exception {
        MappedQueue queue = MappedQueue.create(new QueueConfig(64 << 10, 8));
        try {
            QueueAppender appender = queue.appender();
            QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
            byte[] record = new byte[3000];
            for (int i = 0; i < 100; i++) {
                appender.append(record, 0, record.length);
                assertEquals(record.length, tailer.receive(TIMEOUT));
            }
            awaitTrue(appender::nextChunkPrepared, "the appender prepared the next chunk");
            awaitTrue(tailer::nextChunkMapped, "the tailer mapped the next chunk ahead");
            assertEquals(2, workerThreads().size(), "one background thread per cursor: " + workerThreads());
            assertFalse(temporaryFiles(queue).isEmpty(), "the prepared chunk waits under its temporary name");

            appender.close();
            tailer.close();
            assertEquals(List.of(), workerThreads(), "no background thread outlives its cursor");
            assertEquals(List.of(), temporaryFiles(queue), "a prepared chunk never published is removed");
            long chunks = QueueRoundTripTest.chunkFiles(queue).size();
            assertTrue(chunks > 3, "the records rolled over chunks: " + chunks);

            // What was written is whole: a new tailer reads every record.
            try (QueueTailer again = queue.tailer(WaitStrategy.SPIN)) {
                for (int i = 0; i < 100; i++) {
                    assertEquals(record.length, again.poll());
                }
                assertEquals(-1, again.poll());
            }
            assertEquals(List.of(), workerThreads());
        } finally {
            queue.delete();
        }
        assertFalse(Files.exists(queue.directory()));
    }

    private static List<Thread> workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("shmbench-queue-")).toList();
    }

    private static List<Path> temporaryFiles(MappedQueue queue) throws IOException {
        try (Stream<Path> files = Files.list(queue.directory())) {
            return files.filter(p -> p.getFileName().toString().endsWith(QueueLayout.TEMP_SUFFIX)).toList();
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() - deadline < 0, what + " within 30 s");
            Thread.sleep(1);
        }
    }
}
