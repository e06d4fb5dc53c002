package io.shmbench.transport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real Chronicle Queue runs without phoning home and without writing outside its private directory. */
class ChronicleQueueTransportTest {
    @TempDir
    Path logs;

    @Test
    void noAnalyticsFileAppearsInTheHomeDirectoryAndNothingInTheWorkingTree() throws IOException {
        Path home = Path.of(System.getProperty("user.home"));
        Path workingDirectory = Path.of("").toAbsolutePath();
        Set<String> homeBefore = entries(home);
        Set<String> workingBefore = entries(workingDirectory);
        Set<String> tmpTargetBefore = entries(Path.of(System.getProperty("java.io.tmpdir")));
        try (Arena arena = Arena.ofConfined();
             PeerProcess peer = PeerProcess.start(new ChronicleQueueTransport(), ChannelConfig.of(256), PeerTask.echo(),
                     logs.resolve("chronicle.log"))) {
            MemorySegment message = arena.allocate(256);
            for (int i = 0; i < 1000; i++) {
                peer.channel().send(message, 1 + i % 256);
                assertEquals(1 + i % 256, peer.channel().receive(message));
            }
        }
        assertEquals(homeBefore, entries(home), "entries of " + home + " (Chronicle analytics writes its client id there)");
        Set<String> homeAfter = entries(home);
        assertTrue(homeAfter.stream().noneMatch(name -> name.toLowerCase().contains("chronicle") || name.toLowerCase().contains("analytics")),
                () -> "chronicle files in " + home + ": " + homeAfter);
        assertEquals(workingBefore, entries(workingDirectory), "entries of the working directory");
        Set<String> tmpNow = entries(Path.of(System.getProperty("java.io.tmpdir")));
        tmpNow.removeAll(tmpTargetBefore);
        assertTrue(tmpNow.stream().noneMatch(name -> name.equals("target") || name.startsWith("shmbench-chronicle")),
                () -> "left in java.io.tmpdir: " + tmpNow);
    }

    private static Set<String> entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
