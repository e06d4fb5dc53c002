package io.shmbench.transport;

import io.shmbench.process.JavaCommand;
import io.shmbench.ipc.ChannelException;
import io.shmbench.ipc.PeerGoneException;
import io.shmbench.shm.PrivateDirectory;
import io.shmbench.shm.SuiteName;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.RunsHere;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The peer process's life: a peer killed mid-stream gives the parent a clear error well within
 * its timeout; a parent killed outright takes its peer with it; close stops the peer cleanly; and
 * nothing (process, file, queue) is left behind in any of these cases.
 */
@ExtendWith(NoLeaks.class)
class PeerLifecycleTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Transports whose directories live until the parent closes, and the name they carry. */
    private static final java.util.Map<String, String> QUEUE_DIRECTORIES = java.util.Map.of(
            ChronicleQueueTransport.NAME, "/shmbench-chronicle",
            ChronicleStyleTransport.NAME, "/shmbench-" + io.shmbench.queue.MappedQueue.KIND + "-");

    @TempDir
    Path logs;

    static Stream<String> transports() {
        return Transports.names().stream();
    }

    @ParameterizedTest
    @MethodSource("transports")
    void peerKilledMidStreamIsReportedAsGoneNotAsTimeout(String name) throws InterruptedException {
        Transport transport = RunsHere.transport(name);
        int size = Math.min(1024, transport.sizeLimit().maxBytes());
        ChannelConfig config = ChannelConfig.of(size).withTimeout(TIMEOUT);
        try (Arena arena = Arena.ofConfined();
             PeerProcess peer = PeerProcess.start(transport, config, PeerTask.echo(), logs.resolve(name + ".log"))) {
            Channel channel = peer.channel();
            MemorySegment out = arena.allocate(Math.max(1, size));
            MemorySegment in = arena.allocate(Math.max(1, size));
            for (int i = 0; i < 100; i++) {
                channel.send(out, size);
                assertEquals(size, channel.receive(in));
            }
            peer.kill();
            assertTrue(peer.awaitExit(TIMEOUT.toSeconds(), TimeUnit.SECONDS) != -1, "the killed peer exits");

            ChannelException error = assertThrows(ChannelException.class, () -> {
                for (int i = 0; i < 1000; i++) {
                    channel.send(out, size);
                    channel.receive(in);
                }
            });
            // Not a ChannelTimeoutException: the death itself was detected (EOF, EPIPE or the pid check).
            assertInstanceOf(PeerGoneException.class, error, () -> name + ": " + error);
            assertTrue(error.getMessage().startsWith(name + ": "), error.getMessage());
            assertTrue(error.getMessage().contains("pid " + peer.pid()), error.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void peerExitsWhenItsParentIsKilled(String name) throws Exception {
        RunsHere.transport(name);
        List<String> command = JavaCommand.of(ParentThatDies.class, List.of(), List.of(name, logs.resolve(name + ".log").toString()));
        Process parent = new ProcessBuilder(command).redirectError(logs.resolve("parent.log").toFile()).start();
        ProcessHandle peer = null;
        try {
            CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
                    return reader.readLine();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            String line = firstLine.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(line != null && line.matches("\\d+"), () -> "parent printed " + line + "; its log: " + readQuietly(logs.resolve("parent.log")));
            peer = ProcessHandle.of(Long.parseLong(line)).orElseThrow();
            assertTrue(peer.isAlive());

            parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
            assertTrue(parent.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (peer.isAlive() && System.nanoTime() - deadline < 0) {
                Thread.sleep(50);
            }
            assertFalse(peer.isAlive(), "the peer outlived its killed parent; its log: " + readQuietly(logs.resolve(name + ".log")));
            // The parent removed every name once the peer was connected, so its death leaves none;
            // except the queues' directories, which the queues keep adding files to until close
            // (they are suite-named, so `clean` removes them once their creator is dead).
            NoLeaks.track(parent.toHandle());
            List<String> left = NoLeaks.leftovers().stream()
                    .filter(path -> SuiteName.parse(path.getFileName().toString()).orElseThrow().creatorPid() == parent.pid())
                    .map(Path::toString).toList();
            String kept = QUEUE_DIRECTORIES.get(name);
            if (kept != null) {
                assertTrue(left.stream().allMatch(path -> path.contains(kept)), left::toString);
                left.forEach(path -> PrivateDirectory.delete(Path.of(path)));
            } else {
                assertEquals(List.of(), left, "files of the killed parent");
            }
        } finally {
            parent.destroyForcibly();
            parent.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (peer != null) {
                peer.destroyForcibly(); // a grandchild once its parent is gone: no child-process check sees it
            }
        }
    }

    @Test
    void closeStopsThePeerCleanly() throws InterruptedException {
        PeerProcess peer = PeerProcess.start(Transports.byName("uds"), ChannelConfig.of(64), PeerTask.echo(), logs.resolve("uds.log"));
        assertTrue(peer.isAlive());
        peer.close();
        assertEquals(0, peer.awaitExit(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "a peer whose parent closed the channel exits 0");
        assertTrue(readQuietly(peer.logFile()).contains("uds ECHO"), "the peer's stderr went to the named log");
        peer.close(); // idempotent
    }

    @Test
    void aPeerThatCannotStartIsReportedWithItsLog() {
        ChannelConfig config = ChannelConfig.of(64).withTimeout(TIMEOUT);
        // A depth the ring refuses in the peer cannot happen (the parent creates the ring), so break
        // the peer through its command line instead: a transport whose peer side rejects its arguments.
        Transport broken = new Transport() {
            private final Transport uds = Transports.byName("uds");

            @Override
            public String name() {
                return "uds";
            }

            @Override
            public String description() {
                return uds.description();
            }

            @Override
            public SizeLimit sizeLimit() {
                return uds.sizeLimit();
            }

            @Override
            public ParentEnd prepare(ChannelConfig c) {
                ParentEnd end = uds.prepare(c);
                return new ParentEnd() {
                    @Override
                    public List<String> peerArgs() {
                        return List.of(); // the uds peer needs one argument
                    }

                    @Override
                    public Channel connect(PeerWatch peer) {
                        return end.connect(peer);
                    }

                    @Override
                    public void peerConnected() {
                        end.peerConnected();
                    }

                    @Override
                    public void close() {
                        end.close();
                    }
                };
            }

            @Override
            public Channel openPeer(List<String> args, ChannelConfig c, PeerWatch parent) {
                return uds.openPeer(args, c, parent);
            }
        };
        ChannelException error = assertThrows(ChannelException.class,
                () -> PeerProcess.start(broken, config, PeerTask.echo(), logs.resolve("broken.log")));
        assertInstanceOf(PeerGoneException.class, error.getCause(), "the peer's death is noticed, not waited out: " + error);
        assertTrue(error.getMessage().contains("did not come up"), error.getMessage());
        assertTrue(error.getMessage().contains("uds peer needs 1 argument"), "the message quotes the peer's log: " + error.getMessage());
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
