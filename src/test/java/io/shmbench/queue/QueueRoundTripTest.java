package io.shmbench.queue;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.shm.SuiteName;
import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Records go in and come out unchanged and in order: sizes, rollover, replay, starting at any index. */
@ExtendWith(NoLeaks.class)
class QueueRoundTripTest {
    private static final long TIMEOUT = 30_000_000_000L;

    @Test
    void randomSizesRoundTripWithChecksums() {
        MappedQueue queue = MappedQueue.create(new QueueConfig(64 << 10, 8));
        try {
            TestRecords written = new TestRecords(1, 3000);
            TestRecords read = new TestRecords(1, 3000);
            QueueAppender appender = queue.appender();
            QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
            for (long i = 0; i < 20_000; i++) {
                assertEquals(i, written.append(appender, i));
                if (i % 3 == 2) { // the tailer trails the appender by a few records
                    for (long j = i - 2; j <= i; j++) {
                        read.verify(tailer, tailer.receive(TIMEOUT), j);
                    }
                }
            }
            for (long j = 19_998; j < 20_000; j++) {
                read.verify(tailer, tailer.receive(TIMEOUT), j);
            }
            assertEquals(-1, tailer.poll());
            assertEquals(written.crc(), read.crc());
            assertTrue(chunkFiles(queue).size() > 100, "20,000 records of up to 3000 bytes fill many 64 KiB chunks");
        } finally {
            queue.delete();
        }
    }

    @Test
    void recordsRollOverAcrossManyChunksAndNeverStraddleOne() {
        QueueConfig config = new QueueConfig(4096, 4);
        MappedQueue queue = MappedQueue.create(config);
        try {
            TestRecords written = new TestRecords(2, config.maxPayload());
            QueueAppender appender = queue.appender();
            for (long i = 0; i < 2000; i++) {
                written.append(appender, i);
            }
            TestRecords read = new TestRecords(2, config.maxPayload());
            QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
            TreeSet<Path> chunksSeen = new TreeSet<>();
            for (long i = 0; i < 2000; i++) {
                int length = tailer.poll();
                read.verify(tailer, length, i);
                chunksSeen.add(tailer.chunkFile());
                assertTrue(tailer.offset() + length <= config.chunkSize() - QueueLayout.END_RESERVE,
                        "record " + i + " ends inside its chunk");
            }
            assertEquals(-1, tailer.poll());
            assertEquals(written.crc(), read.crc());
            assertEquals(List.copyOf(chunksSeen), chunkFiles(queue));
            assertTrue(chunksSeen.size() > 500, "records up to a whole chunk's payload roll over often: " + chunksSeen.size());
        } finally {
            queue.delete();
        }
    }

    @Test
    void aRecordOfExactlyTheLargestPayloadFillsAChunk() {
        QueueConfig config = new QueueConfig(4096, 1);
        MappedQueue queue = MappedQueue.create(config);
        try {
            QueueAppender appender = queue.appender();
            byte[] big = new byte[config.maxPayload()];
            Arrays.fill(big, (byte) 7);
            appender.append(big, 0, big.length); // chunk 0 is empty: it fits
            appender.append(big, 0, big.length); // chunk 0 is full: chunk 1
            appender.append(new byte[1], 0, 1);  // even one byte needs chunk 2
            QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
            byte[] target = new byte[big.length];
            for (int i = 0; i < 2; i++) {
                assertEquals(big.length, tailer.read(target, 0, TIMEOUT));
                assertArrayEquals(big, target);
                assertEquals(Chunk.path(queue.directory(), i), tailer.chunkFile());
            }
            assertEquals(1, tailer.read(target, 0, TIMEOUT));
            assertEquals(Chunk.path(queue.directory(), 2), tailer.chunkFile());
        } finally {
            queue.delete();
        }
    }

    @Test
    void aTailerStartedLateReplaysFromTheStart() {
        QueueConfig config = new QueueConfig(8192, 16);
        MappedQueue queue = MappedQueue.create(config);
        try {
            TestRecords written = new TestRecords(3, 700);
            try (QueueAppender appender = queue.appender()) {
                for (long i = 0; i < 1000; i++) {
                    written.append(appender, i);
                }
            }
            queue.close();
            try (MappedQueue reopened = MappedQueue.open(queue.directory())) {
                assertEquals(config, reopened.config());
                TestRecords read = new TestRecords(3, 700);
                QueueTailer tailer = reopened.tailer(WaitStrategy.SPIN);
                for (long i = 0; i < 1000; i++) {
                    read.verify(tailer, tailer.poll(), i);
                }
                assertEquals(-1, tailer.poll());
                assertEquals(written.crc(), read.crc());
            }
        } finally {
            queue.delete();
        }
    }

    @Test
    void aTailerStartedAtIndexKSeesExactlyRecordsKOnwards() {
        QueueConfig config = new QueueConfig(8192, 8);
        MappedQueue queue = MappedQueue.create(config);
        try {
            int records = 3000;
            TestRecords generator = new TestRecords(4, 500);
            QueueAppender appender = queue.appender();
            byte[] note = {1, 2, 3};
            for (long i = 0; i < records; i++) {
                generator.append(appender, i);
                if (i % 97 == 0) {
                    appender.appendMetadata(note, 0, note.length); // metadata takes no index
                }
            }
            // Interesting starting points: stride edges, every chunk's first record and the one before it, the end.
            TreeSet<Long> starts = new TreeSet<>(List.of(0L, 1L, 7L, 8L, 9L, 15L, 16L, 17L, records - 1L, (long) records));
            QueueTailer scout = queue.tailer(WaitStrategy.SPIN);
            Path chunk = scout.chunkFile();
            for (long i = 0; i < records; i++) {
                scout.poll();
                if (!scout.chunkFile().equals(chunk)) {
                    chunk = scout.chunkFile();
                    starts.add(i);
                    starts.add(i - 1);
                }
            }
            assertTrue(starts.size() > 30, "the records span many chunks");
            for (long k = 0; k < records; k += 131) {
                starts.add(k);
            }
            QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
            for (long k : starts) {
                tailer.moveToIndex(k);
                assertEquals(k, tailer.nextIndex());
                TestRecords read = new TestRecords(4, 500);
                for (long i = k; i < records; i++) {
                    read.verify(tailer, tailer.poll(), i);
                }
                assertEquals(-1, tailer.poll(), "nothing after the last record, starting at " + k);
            }
        } finally {
            queue.delete();
        }
    }

    @Test
    void movingBeyondTheEndIsRefusedAndTheTailerStaysWhereItWas() {
        MappedQueue queue = MappedQueue.create(new QueueConfig(4096, 2));
        try {
            TestRecords generator = new TestRecords(5, 300);
            QueueAppender appender = queue.appender();
            for (long i = 0; i < 100; i++) {
                generator.append(appender, i);
            }
            QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
            tailer.moveToIndex(40);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tailer.moveToIndex(101));
            assertTrue(e.getMessage().contains("holds 100 records; record 101 does not exist yet"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> tailer.moveToIndex(-1));
            assertEquals(40, tailer.nextIndex());
            TestRecords read = new TestRecords(5, 300);
            read.verify(tailer, tailer.poll(), 40);
        } finally {
            queue.delete();
        }
    }

    @Test
    void toEndSkipsWhatIsAlreadyThere() {
        MappedQueue queue = MappedQueue.create(new QueueConfig(4096, 4));
        try {
            TestRecords generator = new TestRecords(6, 400);
            QueueAppender appender = queue.appender();
            for (long i = 0; i < 50; i++) {
                generator.append(appender, i);
            }
            QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
            tailer.toEnd();
            assertEquals(50, tailer.nextIndex());
            assertEquals(-1, tailer.poll());
            generator.append(appender, 50);
            new TestRecords(6, 400).verify(tailer, tailer.poll(), 50);
        } finally {
            queue.delete();
        }
    }

    @Test
    void emptyRecordsArriveAndMetadataRecordsAreSkipped() {
        MappedQueue queue = MappedQueue.create(new QueueConfig(4096, 1));
        try {
            QueueAppender appender = queue.appender();
            byte[] meta = "meta".getBytes();
            appender.appendMetadata(meta, 0, meta.length);
            assertEquals(0, appender.append(new byte[0], 0, 0));
            appender.appendMetadata(meta, 0, meta.length);
            assertEquals(1, appender.append(new byte[] {9}, 0, 1));
            assertEquals(2, appender.nextIndex());
            QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
            assertEquals(0, tailer.poll());
            assertEquals(0, tailer.index());
            assertEquals(1, tailer.poll());
            assertEquals(1, tailer.index());
            assertEquals(9, tailer.buffer().get(ValueLayout.JAVA_BYTE, tailer.offset()));
            assertEquals(-1, tailer.poll());
            tailer.moveToIndex(1);
            assertEquals(1, tailer.poll());
        } finally {
            queue.delete();
        }
    }

    @Test
    void aClaimLargerThanWhatIsPublishedLeavesNoGhostRecord() {
        MappedQueue queue = MappedQueue.create(new QueueConfig(8192, 4));
        try {
            QueueAppender appender = queue.appender();
            QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
            for (int round = 0; round < 20; round++) {
                long at = appender.claim(1000);
                // Bytes that would read as a complete record header if the next append point were not cleared.
                MemorySegment claimed = appender.buffer().asSlice(at, 1000);
                for (long offset = 0; offset + 4 <= 1000; offset += 4) {
                    claimed.set(ValueLayout.JAVA_INT_UNALIGNED, offset, 0x10);
                }
                appender.buffer().set(ValueLayout.JAVA_BYTE, at, (byte) round);
                appender.publish(1);
                assertEquals(1, tailer.poll());
                assertEquals(round, tailer.buffer().get(ValueLayout.JAVA_BYTE, tailer.offset()));
                assertEquals(-1, tailer.poll(), "stale claimed bytes must not look like a record");
            }
        } finally {
            queue.delete();
        }
    }

    @Test
    void aBufferTooSmallLeavesTheRecordForTheNextRead() {
        MappedQueue queue = MappedQueue.create(new QueueConfig(4096, 4));
        try (Arena arena = Arena.ofConfined()) {
            QueueAppender appender = queue.appender();
            byte[] payload = new byte[100];
            Arrays.fill(payload, (byte) 3);
            appender.append(payload, 0, payload.length);
            QueueTailer tailer = queue.tailer(WaitStrategy.SPIN);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> tailer.read(new byte[99], 0, TIMEOUT));
            assertTrue(e.getMessage().contains("record 0 of 100 bytes"), e.getMessage());
            MemorySegment target = arena.allocate(100);
            assertEquals(100, tailer.read(target, 0, TIMEOUT));
            assertArrayEquals(payload, target.toArray(ValueLayout.JAVA_BYTE));
        } finally {
            queue.delete();
        }
    }

    @Test
    void waitingForARecordTimesOutWithAClearMessage() {
        MappedQueue queue = MappedQueue.create(new QueueConfig(4096, 4));
        try {
            QueueTailer tailer = queue.tailer(WaitStrategy.PARK);
            QueueTimeoutException none = assertThrows(QueueTimeoutException.class, () -> tailer.receive(20_000_000L));
            assertTrue(none.getMessage().contains("no record 0 in queue " + queue.directory()), none.getMessage());
            assertTrue(none.getMessage().contains(Chunk.path(queue.directory(), 0).toString()), none.getMessage());
            assertTrue(none.getMessage().contains("no appender is open"), none.getMessage());
            queue.appender().claim(10);
            QueueTimeoutException claimed = assertThrows(QueueTimeoutException.class, () -> tailer.receive(20_000_000L));
            assertTrue(claimed.getMessage().contains("NOT_COMPLETE"), claimed.getMessage());
            assertTrue(claimed.getMessage().contains("appender pid " + ProcessHandle.current().pid() + " is alive"),
                    claimed.getMessage());
        } finally {
            queue.delete();
        }
    }

    @Test
    void theQueueDirectoryIsPrivateAndDeleteRemovesIt() throws IOException {
        Path parent = Files.createTempDirectory("queue-parent");
        try {
            MappedQueue queue = MappedQueue.create(parent, new QueueConfig(4096, 4));
            Path directory = queue.directory();
            try {
                assertEquals(parent, directory.getParent());
                SuiteName name = SuiteName.parse(directory.getFileName().toString()).orElseThrow();
                assertEquals(MappedQueue.KIND, name.kind());
                assertEquals(ProcessHandle.current().pid(), name.creatorPid());
                QueueAppender appender = queue.appender();
                for (int i = 0; i < 20; i++) {
                    appender.append(new byte[1500], 0, 1500); // several chunks
                }
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
                List<Path> files;
                try (Stream<Path> entries = Files.list(directory)) {
                    files = entries.toList();
                }
                assertTrue(files.size() > 3);
                for (Path file : files) {
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
                }
            } finally {
                queue.delete();
            }
            assertFalse(Files.exists(directory, LinkOption.NOFOLLOW_LINKS));
            queue.delete(); // idempotent
            assertThrows(IllegalStateException.class, () -> queue.tailer(WaitStrategy.SPIN));
        } finally {
            Files.delete(parent); // fails if anything was left in it
        }
    }

    static List<Path> chunkFiles(MappedQueue queue) {
        try (Stream<Path> entries = Files.list(queue.directory())) {
            List<Path> chunks = new ArrayList<>(entries.filter(p -> p.toString().endsWith(QueueLayout.CHUNK_SUFFIX)).toList());
            chunks.sort(null);
            return chunks;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
