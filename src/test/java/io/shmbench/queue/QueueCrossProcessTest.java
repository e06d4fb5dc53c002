package io.shmbench.queue;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.testutil.ChildJvm;
import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An appender in a child JVM ({@link AppenderProcess}), tailers here: what crosses real processes. */
@ExtendWith(NoLeaks.class)
class QueueCrossProcessTest {
    private static final long TIMEOUT = 30_000_000_000L;

    @Test
    void aHundredThousandRecordsFromAChildJvmArriveWholeAndInOrder() throws Exception {
        int records = 100_000;
        int maxSize = 2000;
        long seed = 11;
        MappedQueue queue = MappedQueue.create(new QueueConfig(1 << 20, 64));
        try (ChildJvm child = startAppender(queue, records, seed, maxSize, "exit")) {
            child.expectLine("ready");
            QueueException refused = assertThrows(QueueException.class, queue::appender);
            assertTrue(refused.getMessage().contains("already has a live appender (pid " + child.pid()), refused.getMessage());

            QueueTailer tailer = queue.tailer(WaitStrategy.YIELD);
            TestRecords read = new TestRecords(seed, maxSize);
            child.send("go"); // the tailer is already waiting: it reads while the child appends
            for (long i = 0; i < records; i++) {
                read.verify(tailer, tailer.receive(TIMEOUT), i);
            }
            String done = child.expectLine("done");
            assertEquals("done " + read.crc(), done, "CRC32 over every payload byte, both sides");
            assertEquals(0, child.awaitExit(ChildJvm.TIMEOUT), "the child's exit code");
            assertEquals(-1, tailer.poll());

            // The records persist: a tailer opened after the appender is gone starts anywhere.
            try (MappedQueue reopened = MappedQueue.open(queue.directory())) {
                QueueTailer late = reopened.tailer(WaitStrategy.SPIN);
                late.moveToIndex(77_777);
                TestRecords again = new TestRecords(seed, maxSize);
                for (long i = 77_777; i < records; i++) {
                    again.verify(late, late.poll(), i);
                }
                assertEquals(-1, late.poll());
            }
            assertTrue(QueueRoundTripTest.chunkFiles(queue).size() > 50, "the stream rolled over many chunks");
        } finally {
            queue.delete();
        }
    }

    @Test
    void anAppenderKilledInTheMiddleOfARecordIsReplacedWithoutLosingARecord() throws Exception {
        int records = 1000;
        int maxSize = 600;
        long seed = 12;
        MappedQueue queue = MappedQueue.create(new QueueConfig(64 << 10, 8));
        try {
            QueueTailer tailer = queue.tailer(WaitStrategy.PARK);
            TestRecords read = new TestRecords(seed, maxSize);
            long childPid;
            try (ChildJvm child = startAppender(queue, records, seed, maxSize, "claim-and-hang")) {
                childPid = child.pid();
                child.expectLine("ready");
                child.send("go");
                child.expectLine("done");
                child.expectLine("claimed");
                for (long i = 0; i < records; i++) {
                    read.verify(tailer, tailer.receive(TIMEOUT), i);
                }
                child.kill(); // SIGKILL with a record claimed and half written
            }
            QueueTimeoutException stuck = assertThrows(QueueTimeoutException.class, () -> tailer.receive(10_000_000L));
            assertTrue(stuck.getMessage().contains("NOT_COMPLETE"), stuck.getMessage());
            assertTrue(stuck.getMessage().contains("appender pid " + childPid + " is gone"), stuck.getMessage());

            Path stuckIn = tailer.chunkFile();
            TestRecords write = new TestRecords(seed, maxSize);
            try (QueueAppender successor = queue.appender()) { // the kernel dropped the dead appender's lock
                assertEquals(records, successor.nextIndex());
                assertNotEquals(stuckIn, successor.chunkFile(), "the half-written record's bytes are never reused");
                for (long i = records; i < records + 500; i++) {
                    write.append(successor, i);
                }
            }
            for (long i = records; i < records + 500; i++) {
                read.verify(tailer, tailer.receive(TIMEOUT), i);
            }
            assertEquals(-1, tailer.poll());
        } finally {
            queue.delete();
        }
    }

    private static ChildJvm startAppender(MappedQueue queue, int records, long seed, int maxSize, String then) {
        return ChildJvm.start(AppenderProcess.class, queue.directory().toString(), Integer.toString(records),
                Long.toString(seed), Integer.toString(maxSize), then);
    }
}
