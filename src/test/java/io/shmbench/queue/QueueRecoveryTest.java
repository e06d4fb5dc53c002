package io.shmbench.queue;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;


import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An appender that opens a queue carries on where the last one stopped, whatever state it left.
 * (A previous appender killed in the middle of a record: {@link QueueCrossProcessTest}.)
 */
@ExtendWith(NoLeaks.class)
class QueueRecoveryTest {
    @Test
    void aReopenedAppenderContinuesAfterTheLastRecordAndAnAbandonedClaimIsWithdrawn() {
        MappedQueue queue = MappedQueue.create(new QueueConfig(8192, 4));
        try {
            TestRecords generator = new TestRecords(7, 200);
            try (QueueAppender appender = queue.appender()) {
                for (long i = 0; i < 30; i++) {
                    generator.append(appender, i);
                }
                long at = appender.claim(2000);
                appender.buffer().asSlice(at, 2000).fill((byte) 0x10); // never published
            }
            QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
            TestRecords read = new TestRecords(7, 200);
            for (long i = 0; i < 30; i++) {
                read.verify(tailer, tailer.poll(), i);
            }
            assertEquals(-1, tailer.poll(), "the withdrawn claim is not a record");
            try (QueueAppender appender = queue.appender()) {
                assertEquals(30, appender.nextIndex());
                for (long i = 30; i < 60; i++) {
                    generator.append(appender, i);
                }
            }
            for (long i = 30; i < 60; i++) {
                read.verify(tailer, tailer.poll(), i);
            }
            assertEquals(-1, tailer.poll());
            assertEquals(generator.crc(), read.crc());
        } finally {
            queue.delete();
        }
    }

    @Test
    void aChunkCreatedByAnAppenderThatDiedBeforeEndingItsPredecessorIsJoinedUp() {
        QueueConfig config = new QueueConfig(4096, 4);
        MappedQueue queue = MappedQueue.create(config);
        try {
            TestRecords generator = new TestRecords(8, 300);
            try (QueueAppender appender = queue.appender()) {
                for (long i = 0; i < 5; i++) {
                    generator.append(appender, i);
                }
            }
            // What an appender leaves when it dies between creating chunk 1 and marking chunk 0 ended.
            Chunk.create(queue.directory(), config, 1, 5).close();
            QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
            TestRecords read = new TestRecords(8, 300);
            for (long i = 0; i < 5; i++) {
                read.verify(tailer, tailer.poll(), i);
            }
            assertEquals(-1, tailer.poll(), "chunk 0 is not ended yet");
            try (QueueAppender successor = queue.appender()) {
                assertEquals(5, successor.nextIndex());
                assertEquals(Chunk.path(queue.directory(), 1), successor.chunkFile());
                for (long i = 5; i < 10; i++) {
                    generator.append(successor, i);
                }
            }
            for (long i = 5; i < 10; i++) {
                read.verify(tailer, tailer.poll(), i);
            }
            assertEquals(Chunk.path(queue.directory(), 1), tailer.chunkFile(), "the tailer followed the new END_OF_CHUNK");
            assertEquals(-1, tailer.poll());
        } finally {
            queue.delete();
        }
    }
}
