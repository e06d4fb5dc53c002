package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.ipc.WaitStrategy;
import io.shmbench.ring.PeerStatus;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingReader;
import io.shmbench.testutil.NoLeaks;
import net.openhft.chronicle.core.io.BackgroundResourceReleaser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A setup step that fails after a resource was opened releases that resource
 * ({@link BaseTransport#openPair}): no mapping, writer slot or file stays behind. The transports'
 * cases make the peer's second step fail and then look at what the first one held: this process's
 * mappings (/proc/self/maps; the parent's end lives in this process too, so its own mappings stay)
 * or the shared ring header.
 */
@ExtendWith(NoLeaks.class)
class PairSetupTest {
    private static final PeerWatch PARENT = PeerWatch.parent(ProcessHandle.current());

    @TempDir
    Path temp;

    @Test
    void aFailingSecondOpenReleasesTheFirst() {
        List<String> log = new ArrayList<>();
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> BaseTransport.openPair(
                () -> "a", () -> {
                    throw new IllegalStateException("second");
                }, r -> log.add("release " + r), (a, b) -> a + b));
        assertEquals("second", failure.getMessage());
        assertEquals(List.of("release a"), log);
    }

    @Test
    void aFailingBuildReleasesBothNewestFirstAndKeepsTheFirstFailure() {
        List<String> log = new ArrayList<>();
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> BaseTransport.openPair(
                () -> "a", () -> "b", r -> {
                    log.add("release " + r);
                    throw new IllegalArgumentException("release " + r + " failed");
                }, (a, b) -> {
                    throw new IllegalStateException("build");
                }));
        assertEquals("build", failure.getMessage());
        assertEquals(List.of("release b", "release a"), log);
        assertEquals(List.of("release b failed", "release a failed"),
                java.util.Arrays.stream(failure.getSuppressed()).map(Throwable::getMessage).toList());
    }

    @Test
    void aSuccessfulSetupReleasesNothing() {
        List<String> log = new ArrayList<>();
        assertEquals("ab", BaseTransport.openPair(() -> "a", () -> "b", r -> log.add("release " + r), (a, b) -> a + b));
        assertEquals(List.of(), log);
    }

    @Test
    void agronaPeerWithAMissingSecondSegmentUnmapsTheFirst() {
        Transport agrona = new AgronaTransport();
        try (ParentEnd end = agrona.prepare(ChannelConfig.of(256))) {
            String toPeer = end.peerArgs().get(0);
            List<String> parentsOwn = mappingsOf(toPeer);
            Path missing = Path.of(toPeer + "-missing");
            assertThrows(RuntimeException.class,
                    () -> agrona.openPeer(List.of(toPeer, missing.toString()), ChannelConfig.of(256), PARENT));
            assertEquals(parentsOwn, mappingsOf(toPeer), "mappings of the first segment: only the parent's");
        }
    }

    @Test
    void agronaPeerWhoseChannelCannotBeBuiltUnmapsBothSegments() {
        Transport agrona = new AgronaTransport();
        try (ParentEnd end = agrona.prepare(ChannelConfig.of(256))) {
            List<String> parentsOwn = end.peerArgs().stream().flatMap(path -> mappingsOf(path).stream()).toList();
            // Segments sized for 256-byte messages cannot carry the peer's 1 MiB: AgronaChannel refuses after both are mapped.
            assertThrows(ChannelException.class, () -> agrona.openPeer(end.peerArgs(), ChannelConfig.of(1 << 20), PARENT));
            assertEquals(parentsOwn, end.peerArgs().stream().flatMap(path -> mappingsOf(path).stream()).toList(),
                    "mappings of the segments: only the parent's");
        }
    }

    @Test
    void shmRingPeerWhoseReaderIsRefusedGivesUpTheWriterItOpened() {
        Transport ring = new ShmRingTransport();
        ChannelConfig config = ChannelConfig.of(64);
        try (ParentEnd end = ring.prepare(config);
             Ring toPeer = Ring.attach(Path.of(end.peerArgs().get(0)));
             Ring fromPeer = Ring.attach(Path.of(end.peerArgs().get(1)));
             RingReader taken = toPeer.openReader(WaitStrategy.SPIN)) {
            // The peer opens its writer on from-peer, then its reader on to-peer, which is taken.
            assertThrows(RuntimeException.class, () -> ring.openPeer(end.peerArgs(), config, PARENT));
            assertEquals(PeerStatus.ABSENT, fromPeer.writerStatus(TimeUnit.MINUTES.toNanos(1)),
                    "the from-peer ring's writer after the peer's setup failed");
        }
    }

    @Test
    void chronicleQueuePeerWithAnUnusableSecondQueueClosesTheFirst() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("queues"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(dir.resolve("to-peer"), "not a queue directory");
        assertThrows(RuntimeException.class,
                () -> new ChronicleQueueTransport().openPeer(List.of(dir.toString()), ChannelConfig.of(256), PARENT));
        BackgroundResourceReleaser.releasePendingResources(); // Chronicle unmaps a closed queue's files on a background thread
        assertEquals(List.of(), mappingsOf(dir.toString()), "mappings of the queues' files");
    }

    /** Lines of /proc/self/maps naming a file at or under {@code path}. */
    private static List<String> mappingsOf(String path) {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(line -> line.contains(path)).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/maps", e);
        }
    }
}
