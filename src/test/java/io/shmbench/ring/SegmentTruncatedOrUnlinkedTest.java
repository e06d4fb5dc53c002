package io.shmbench.ring;

import io.shmbench.ipc.PeerGoneException;
import io.shmbench.ipc.WaitStrategy;
import io.shmbench.shm.SegmentException;
import io.shmbench.testutil.Await;
import io.shmbench.testutil.CheckedStream;
import io.shmbench.testutil.ChildJvm;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.RingPeerMain;
import io.shmbench.testutil.TempRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.shmbench.testutil.MessageAssertions.assertMessageContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The segment file changed under live processes. Truncated: the lost pages raise SIGBUS (what the
 * JVM makes of it is written up in {@link io.shmbench.shm.SharedSegment}); a side using the ring,
 * in a child JVM ({@link RingPeerMain} {@code until-error}), must end with a clear error naming the
 * file, never a JVM crash (the child exits 0 after closing the ring) and never a hang. Unlinked:
 * not an error at all; both sides carry on and still see each other's status.
 *
 * <p>This JVM never touches a truncated ring's memory: it only creates, truncates and unmaps it.
 */
@ExtendWith(NoLeaks.class)
class SegmentTruncatedOrUnlinkedTest {
    private static final RingConfig CONFIG = RingConfig.of(64, 1000);
    private static final long GENEROUS = ChildJvm.TIMEOUT.toNanos();

    /** Opening a side of a ring whose file was cut is refused before anything touches the lost pages. */
    @Test
    void aTruncatedRingRefusesNewSidesWithTheFileNamed() throws IOException {
        try (TempRing temp = TempRing.create(CONFIG)) {
            Ring ring = temp.ring();
            ring.checkNotTruncated();
            truncate(ring.path(), 4096);
            String expected = "segment " + ring.path() + " was truncated to 4096 bytes under this process (the ring needs "
                    + CONFIG.segmentSize() + "); its lost pages cannot be read or written, the ring is unusable";
            assertMessageContains(expected, assertThrows(RingTruncatedException.class, ring::checkNotTruncated));
            assertMessageContains(expected, assertThrows(RingTruncatedException.class, () -> ring.openReader(WaitStrategy.PARK)));
            assertMessageContains(expected, assertThrows(RingTruncatedException.class, () -> ring.openWriter(WaitStrategy.PARK)));
            assertMessageContains(expected, assertThrows(RingTruncatedException.class, () -> ring.writerStatus(GENEROUS)));
        }
    }

    /**
     * Truncated to 0, the slot the reader watches faults; truncated to one page, it stays mapped
     * and the reader would wait out its timeout if the wait did not look at the file's size.
     */
    @ParameterizedTest(name = "truncated to {0} bytes")
    @ValueSource(longs = {0, 4096})
    void aReaderWaitingForAMessageFailsWithTheFileNamed(long size) throws IOException {
        try (TempRing temp = TempRing.create(CONFIG);
             ChildJvm reader = untilError(temp.ring(), "reader", true)) {
            truncate(temp.ring().path(), size);
            assertTruncationReported(reader, temp.ring(), size);
        }
    }

    @Test
    void aWriterWaitingForRoomFailsWithTheFileNamed() throws Exception {
        try (TempRing temp = TempRing.create(CONFIG);
             ChildJvm writer = untilError(temp.ring(), "writer", true)) {
            Process truncate = new ProcessBuilder("truncate", "-s", "0", temp.ring().path().toString()).inheritIO().start();
            assertTrue(truncate.waitFor(30, TimeUnit.SECONDS), "truncate ran");
            assertEquals(0, truncate.exitValue(), "truncate -s 0 succeeded");
            assertTruncationReported(writer, temp.ring(), 0);
        }
    }

    /**
     * Both sides stream, each in its own JVM, when the file is cut: neither crashes, each reports
     * the truncation, and the reader delivered no corrupt message before it did.
     */
    @ParameterizedTest(name = "{0}, truncated to {1} bytes")
    @MethodSource("modesAndSizes")
    void streamingSidesEndWithTheTruncationReportedAndNoCorruptMessage(RingMode mode, long size) throws IOException {
        try (TempRing temp = TempRing.create(CONFIG.withMode(mode));
             ChildJvm reader = untilError(temp.ring(), "reader", false);
             ChildJvm writer = untilError(temp.ring(), "writer", false)) {
            Ring ring = temp.ring();
            Await.until("the stream has carried 10,000 messages", () -> ring.writeIndex() >= 10_000);
            truncate(ring.path(), size);
            assertTruncationReported(writer, ring, size);
            String delivered = assertTruncationReported(reader, ring, size);
            assertTrue(delivered.endsWith(" CORRUPT 0"), "no corrupt message before the error: " + delivered);
        }
    }

    static Stream<Arguments> modesAndSizes() {
        return Stream.of(RingMode.values()).flatMap(mode -> Stream.of(0L, 8192L).map(size -> Arguments.of(mode, size)));
    }

    /**
     * The file is unlinked while a writer (child JVM) streams to this JVM's reader: the mapping
     * outlives the name, so every message still arrives intact and in order, and each side still
     * sees the other ALIVE, and the writer DEAD once it is killed. Only a new attach fails.
     */
    @Test
    void anUnlinkedSegmentKeepsCarryingMessagesAndStatus() {
        try (TempRing temp = TempRing.create(CONFIG);
             RingReader reader = temp.ring().openReader(WaitStrategy.YIELD);
             ChildJvm writer = ChildJvm.start(RingPeerMain.class, "write", "path=" + temp.ring().path(), "count=-1",
                     "seed=5", "writer=1")) {
            Ring ring = temp.ring();
            CheckedStream stream = new CheckedStream(reader);
            long n = 0;
            for (; n < 5_000; n++) {
                stream.next(n % 2 == 0);
                stream.expect(1, n);
            }
            ring.unlink();
            SegmentException attach = assertThrows(SegmentException.class, () -> Ring.attach(ring.path()));
            assertMessageContains("no segment at " + ring.path() + " (it does not exist)", attach);
            for (; n < 20_000; n++) {
                stream.next(n % 2 == 0);
                stream.expect(1, n);
            }
            ring.checkNotTruncated();
            assertEquals(PeerStatus.ALIVE, ring.writerStatus(GENEROUS));
            assertEquals(PeerStatus.ALIVE, reader.peerStatus(GENEROUS));
            assertEquals(PeerStatus.ALIVE, ring.readerStatus(GENEROUS));
            writer.kill();
            assertEquals(PeerStatus.DEAD, ring.writerStatus(GENEROUS));
            assertEquals(PeerStatus.DEAD, reader.peerStatus(GENEROUS));
            while (stream.poll()) { // what the writer published before it died
                stream.expect(1, n++);
            }
            PeerGoneException gone = assertThrows(PeerGoneException.class, () -> reader.receive(GENEROUS));
            assertMessageContains("the writer process (pid " + writer.pid() + ") died while waiting for a message on "
                    + ring.path(), gone);
        }
    }

    private static ChildJvm untilError(Ring ring, String side, boolean wait) {
        return ChildJvm.startReady(RingPeerMain.class, "until-error", "path=" + ring.path(), "side=" + side, "wait=" + wait);
    }

    private static void truncate(Path path, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    /**
     * The child reported the truncation, naming the file and the size, closed the ring and
     * exited normally (a JVM crash exits 134): from the ring call that failed, or, when the JVM
     * raised its InternalError only after that call had returned, through Ring.explainFault.
     * Returns the child's DELIVERED line.
     */
    private static String assertTruncationReported(ChildJvm child, Ring ring, long size) {
        String expected = "segment " + ring.path() + " was truncated to " + size + " bytes under this process (the ring needs "
                + ring.config().segmentSize() + ")";
        String got = child.expectLine("GOT ");
        if (got.startsWith("GOT " + InternalError.class.getName())) {
            String explained = child.expectLine("EXPLAINED ");
            assertTrue(explained.contains(expected), "expected\n  " + expected + "\nin\n  " + explained);
            System.out.println(child + ": the fault surfaced after the ring call returned; " + explained);
        } else {
            assertTrue(got.startsWith("GOT " + RingTruncatedException.class.getName() + ": " + expected),
                    "expected\n  " + expected + "\nin\n  " + got);
        }
        String delivered = child.expectLine("DELIVERED ");
        child.expectLine("CLOSED");
        assertEquals(0, child.awaitExit(ChildJvm.TIMEOUT), "the child closed the ring and exited, no crash");
        return delivered;
    }
}
