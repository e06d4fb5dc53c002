package io.shmbench.queue;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input and misuse get a clear exception naming the file, offset or value; never a hang or a crash. */
@ExtendWith(NoLeaks.class)
class QueueErrorsTest {
    @Test
    void aRecordLargerThanAChunkIsRefused() {
        QueueConfig config = new QueueConfig(4096, 4);
        MappedQueue queue = MappedQueue.create(config);
        try {
            QueueAppender appender = queue.appender();
            int max = config.maxPayload();
            assertEquals(max, appender.maxPayload());
            RecordTooLargeException e = assertThrows(RecordTooLargeException.class,
                    () -> appender.append(new byte[max + 1], 0, max + 1));
            assertTrue(e.getMessage().contains("a record of " + (max + 1) + " bytes does not fit in a chunk of 4096 bytes (at most "
                    + max + " payload bytes per record)"), e.getMessage());
            assertThrows(RecordTooLargeException.class, () -> appender.claim(Integer.MAX_VALUE));
            assertThrows(IllegalArgumentException.class, () -> appender.claim(-1));
            assertEquals(0, appender.nextIndex(), "a refused record leaves no trace");
            appender.append(new byte[max], 0, max);
            QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
            assertEquals(max, tailer.poll());
            assertEquals(-1, tailer.poll());
        } finally {
            queue.delete();
        }
    }

    @Test
    void claimsAndPublishesMustPair() {
        MappedQueue queue = MappedQueue.create(new QueueConfig(4096, 4));
        try {
            QueueAppender appender = queue.appender();
            assertThrows(IllegalStateException.class, () -> appender.publish(0));
            appender.claim(10);
            assertThrows(IllegalStateException.class, () -> appender.claim(10));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> appender.publish(11));
            assertTrue(e.getMessage().contains("at most 10"), e.getMessage());
            assertEquals(0, appender.publish(10));
        } finally {
            queue.delete();
        }
    }

    @Test
    void aSecondAppenderIsRefusedUntilTheFirstCloses() {
        MappedQueue queue = MappedQueue.create(new QueueConfig(4096, 4));
        try {
            QueueAppender first = queue.appender();
            first.append(new byte[3], 0, 3);
            QueueException same = assertThrows(QueueException.class, queue::appender);
            assertTrue(same.getMessage().contains("already has a live appender"), same.getMessage());
            try (MappedQueue other = MappedQueue.open(queue.directory())) {
                QueueException viaOther = assertThrows(QueueException.class, other::appender);
                assertTrue(viaOther.getMessage().contains("pid " + ProcessHandle.current().pid()), viaOther.getMessage());
                assertEquals(ProcessHandle.current().pid(), other.appenderPid().orElseThrow());
                first.close();
                try (QueueAppender second = other.appender()) {
                    assertEquals(1, second.nextIndex());
                }
                assertTrue(other.appenderPid().isEmpty(), "a closed appender clears its pid");
            }
        } finally {
            queue.delete();
        }
    }

    @Test
    void aCorruptHeaderWordNamesTheChunkFileAndOffset() throws IOException {
        for (int bad : new int[] {0x3FFF_FFF0, 0x0000_0003, 0x4000_0000, 0x8FFF_0000}) {
            MappedQueue queue = MappedQueue.create(new QueueConfig(8192, 4));
            try {
                long offset = appendAndFindHeader(queue, 5, 2);
                Path chunk = Chunk.path(queue.directory(), 0);
                writeInt(chunk, offset, bad);
                QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
                tailer.poll();
                tailer.poll();
                QueueCorruptException e = assertThrows(QueueCorruptException.class, tailer::poll);
                assertTrue(e.getMessage().contains("chunk file " + chunk + " at offset " + offset), e.getMessage());
                assertTrue(e.getMessage().contains(String.format("header word 0x%08X", bad)), e.getMessage());
                // A tailer moving to record 3 walks from index entry 0 (stride 4) over the same header.
                assertThrows(QueueCorruptException.class, () -> queue.tailer(WaitStrategy.SPIN).moveToIndex(3));
            } finally {
                queue.delete();
            }
        }
    }

    @Test
    void aPlausibleButWrongLengthIsCaughtByTheIndexWord() throws IOException {
        MappedQueue queue = MappedQueue.create(new QueueConfig(8192, 4));
        try {
            long offset = appendAndFindHeader(queue, 5, 1);
            long third;
            try (QueueTailer scout = queue.tailer(WaitStrategy.SPIN)) {
                scout.moveToIndex(3);
                scout.poll();
                third = scout.offset() - QueueLayout.RECORD_HEADER_SIZE;
            }
            Path chunk = Chunk.path(queue.directory(), 0);
            writeInt(chunk, offset, (int) (third - offset)); // record 1 now seems to span record 2 as well
            QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
            tailer.poll();
            tailer.poll();
            QueueCorruptException e = assertThrows(QueueCorruptException.class, tailer::poll);
            assertTrue(e.getMessage().contains("chunk file " + chunk + " at offset"), e.getMessage());
            assertTrue(e.getMessage().contains("record 2 belongs here"), e.getMessage());
            assertThrows(QueueCorruptException.class, tailer::poll, "a corrupt record is never stepped over");
            assertEquals(2, tailer.nextIndex());
        } finally {
            queue.delete();
        }
    }

    @Test
    void aTruncatedChunkIsReportedAsTruncated() throws IOException {
        QueueConfig config = new QueueConfig(4096, 4);
        MappedQueue queue = MappedQueue.create(config);
        try {
            QueueAppender appender = queue.appender();
            for (int i = 0; i < 10; i++) {
                appender.append(new byte[1500], 0, 1500); // two records per chunk: chunks 0..4
            }
            Path chunk1 = Chunk.path(queue.directory(), 1);
            try (FileChannel channel = FileChannel.open(chunk1, StandardOpenOption.WRITE)) {
                channel.truncate(2048);
            }
            QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
            assertEquals(1500, tailer.poll());
            assertEquals(1500, tailer.poll());
            QueueCorruptException rolling = assertThrows(QueueCorruptException.class, tailer::poll);
            assertTrue(rolling.getMessage().contains(chunk1 + ": truncated: the file is 2048 bytes, chunks of this queue are 4096"),
                    rolling.getMessage());
            // Locating record 3 reads chunk 1's header (a binary search over chunk headers) ...
            QueueCorruptException seeking = assertThrows(QueueCorruptException.class,
                    () -> queue.tailer(WaitStrategy.SPIN).moveToIndex(3));
            assertTrue(seeking.getMessage().contains(chunk1 + ": truncated"), seeking.getMessage());
            // ... while records in later chunks are still found: the search never reads chunk 1 for them.
            QueueTailer later = queue.tailer(WaitStrategy.SPIN);
            later.moveToIndex(6);
            assertEquals(1500, later.poll());
            assertEquals(6, later.index());
        } finally {
            queue.delete();
        }
    }

    @Test
    void aChunkTruncatedInsideItsHeaderOrWithABadMagicIsRefusedOnOpen() throws IOException {
        MappedQueue queue = MappedQueue.create(new QueueConfig(4096, 4));
        try {
            Path chunk0 = Chunk.path(queue.directory(), 0);
            writeInt(chunk0, 0, 0x12345678);
            QueueCorruptException magic = assertThrows(QueueCorruptException.class, () -> MappedQueue.open(queue.directory()));
            assertTrue(magic.getMessage().contains(chunk0 + ": bad magic 0x4B4E484312345678"), magic.getMessage());
            try (FileChannel channel = FileChannel.open(chunk0, StandardOpenOption.WRITE)) {
                channel.truncate(10);
            }
            QueueCorruptException truncated = assertThrows(QueueCorruptException.class, () -> MappedQueue.open(queue.directory()));
            assertTrue(truncated.getMessage().contains(chunk0 + ": truncated: the file is 10 bytes, shorter than the 64-byte chunk header"),
                    truncated.getMessage());
        } finally {
            queue.delete();
        }
    }

    @Test
    void aMissingSuccessorAfterEndOfChunkIsReported() throws IOException {
        MappedQueue queue = MappedQueue.create(new QueueConfig(4096, 4));
        try {
            QueueAppender appender = queue.appender();
            for (int i = 0; i < 3; i++) {
                appender.append(new byte[1500], 0, 1500);
            }
            appender.close();
            Files.delete(Chunk.path(queue.directory(), 1));
            QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
            tailer.poll();
            tailer.poll();
            QueueCorruptException e = assertThrows(QueueCorruptException.class, tailer::poll);
            assertTrue(e.getMessage().contains(Chunk.path(queue.directory(), 0) + " ends with END_OF_CHUNK"), e.getMessage());
            assertTrue(e.getMessage().contains(Chunk.path(queue.directory(), 1) + " does not exist"), e.getMessage());
        } finally {
            queue.delete();
        }
    }

    @Test
    void aChunkFileThatAlreadyExistsIsNeverOverwritten() throws IOException {
        MappedQueue queue = MappedQueue.create(new QueueConfig(4096, 4));
        try {
            QueueAppender appender = queue.appender();
            appender.append(new byte[1500], 0, 1500);
            appender.append(new byte[1500], 0, 1500);
            Path planted = Files.writeString(Chunk.path(queue.directory(), 1), "not yours");
            QueueException e = assertThrows(QueueException.class, () -> appender.append(new byte[1500], 0, 1500));
            assertTrue(e.getMessage().contains("cannot create chunk file " + planted + ": it already exists"), e.getMessage());
            assertEquals("not yours", Files.readString(planted));
            assertEquals(2, appender.nextIndex());
        } finally {
            queue.delete();
        }
    }

    @Test
    void openRefusesWhatIsNotAPrivateQueueDirectory() throws IOException {
        Path parent = Files.createTempDirectory("queue-open");
        try {
            Path missing = parent.resolve("missing");
            assertTrue(assertThrows(QueueException.class, () -> MappedQueue.open(missing)).getMessage()
                    .contains("no queue at " + missing + " (it does not exist)"));
            Path file = Files.createFile(parent.resolve("file"));
            assertTrue(assertThrows(QueueException.class, () -> MappedQueue.open(file)).getMessage()
                    .contains(file + " is not a directory"));
            Path link = Files.createSymbolicLink(parent.resolve("link"), parent);
            assertTrue(assertThrows(QueueException.class, () -> MappedQueue.open(link)).getMessage()
                    .contains("symbolic link"));
            Path open = Files.createDirectory(parent.resolve("open"));
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
            assertTrue(assertThrows(QueueException.class, () -> MappedQueue.open(open)).getMessage()
                    .contains("has mode rwxr-xr-x; a queue directory must be private"));
            Path empty = Files.createDirectory(parent.resolve("empty"));
            Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("rwx------"));
            assertTrue(assertThrows(QueueException.class, () -> MappedQueue.open(empty)).getMessage()
                    .contains("has no regular file appender.lock"));
        } finally {
            for (String name : new String[] {"file", "link", "open", "empty"}) {
                Files.deleteIfExists(parent.resolve(name));
            }
            Files.delete(parent);
        }
    }

    @Test
    void impossibleGeometriesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new QueueConfig(5000, 64)).getMessage()
                .contains("chunk size 5000 must be a multiple of 4096"));
        assertThrows(IllegalArgumentException.class, () -> new QueueConfig(2048, 64));
        assertThrows(IllegalArgumentException.class, () -> new QueueConfig((1 << 30) + 4096, 64));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new QueueConfig(4096, 3)).getMessage()
                .contains("index stride 3 must be a power of two"));
        assertThrows(IllegalArgumentException.class, () -> new QueueConfig(4096, 0));
        assertEquals(1 << 20, QueueConfig.forMaxPayload(1).chunkSize());
        assertEquals(8 << 20, QueueConfig.forMaxPayload(64 << 10).chunkSize(), "64 records of 64 KiB and their headers");
        QueueConfig largest = QueueConfig.forMaxPayload(new QueueConfig(1 << 30, 64).maxPayload());
        assertEquals(1 << 30, largest.chunkSize(), "a record that only the largest chunk holds");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueueConfig.forMaxPayload(1 << 30)).getMessage()
                .contains("exceeds the largest chunk"));
    }

    /** Appends {@code records} small records; returns the header offset of record {@code which} in chunk 0. */
    private static long appendAndFindHeader(MappedQueue queue, int records, int which) {
        QueueAppender appender = queue.appender();
        for (int i = 0; i < records; i++) {
            appender.append(new byte[40 + i], 0, 40 + i);
        }
        try (QueueTailer tailer = queue.tailer(WaitStrategy.SPIN)) {
            tailer.moveToIndex(which);
            tailer.poll();
            return tailer.offset() - QueueLayout.RECORD_HEADER_SIZE;
        }
    }

    static void writeInt(Path file, long offset, int value) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value), offset);
        }
    }
}
