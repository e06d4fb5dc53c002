package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.ipc.PeerGoneException;
import io.shmbench.message.MessageChecksum;
import io.shmbench.shm.PrivateDirectory;
import io.shmbench.testutil.NoCCompiler;
import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code shm-ring-c}: the C peer (src/main/c/shmring_peer.c) across real processes does what the
 * JVM peer does on shm-ring, the same-pair floor protocol included; it dies, stops and refuses bad
 * input as clearly; and a machine without a C compiler gets a clear "unavailable", no process and
 * no file. The contract every transport meets (round trips of every size, lifecycle, sink, timeouts)
 * runs on it too, in the tests that go through {@link Transports#names()}.
 */
@ExtendWith(NoLeaks.class)
class ShmRingCPeerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path logs;

    private static Transport cPeer() {
        Transport transport = Transports.byName(ShmRingCTransport.NAME);
        assumeTrue(transport.unavailable().isEmpty(), () -> transport.unavailable().get() + ": the C peer's tests are skipped");
        return transport;
    }

    private PeerProcess start(PeerTask task, int maxBytes) {
        return PeerProcess.start(cPeer(), ChannelConfig.of(maxBytes).withWaitMode(WaitMode.SPIN).withTimeout(TIMEOUT), task,
                logs.resolve("c-peer.log"));
    }

    /** Sends {@code length} random bytes and checks that exactly they come back. */
    private static void echoChecked(Channel channel, MemorySegment out, MemorySegment in, int length, SplittableRandom random, long n) {
        for (int k = 0; k + 8 <= length; k += 8) {
            out.set(ValueLayout.JAVA_LONG_UNALIGNED, k, random.nextLong());
        }
        for (int k = length & ~7; k < length; k++) {
            out.set(ValueLayout.JAVA_BYTE, k, (byte) random.nextInt());
        }
        channel.send(out, length);
        assertEquals(length, channel.receive(in), () -> "length of echo " + n);
        assertEquals(-1, MemorySegment.mismatch(out, 0, length, in, 0, length), () -> "bytes of echo " + n + " (" + length + " B)");
    }

    @Test
    void echoesAHundredThousandMessagesEveryByteChecked() {
        int largest = 2048;
        SplittableRandom random = new SplittableRandom(15);
        try (Arena arena = Arena.ofConfined(); PeerProcess peer = start(PeerTask.echo(), largest)) {
            MemorySegment out = arena.allocate(largest);
            MemorySegment in = arena.allocate(largest);
            for (long n = 0; n < 100_000; n++) {
                echoChecked(peer.channel(), out, in, random.nextInt(largest + 1), random, n);
            }
        }
    }

    /**
     * The floor protocol as {@link SamePairFloor} defines it and the JVM peer runs it: the priming
     * echoes, the schedule message echoed, then series blocks and floor blocks in turn. A message
     * taken for a bounce or a bounce for a message shows as a wrong echo, a floor counter out of turn
     * ({@link FloorChannel} throws) or a timeout.
     */
    @Test
    void takesTurnsWithTheSamePairFloorBlockByBlock() {
        int prime = 300;
        FloorSchedule schedule = new FloorSchedule(37, FloorSchedule.FLOOR_BLOCK);
        SplittableRandom random = new SplittableRandom(16);
        try (Arena arena = Arena.ofConfined(); PeerProcess peer = start(PeerTask.echoWithFloor(prime), 64)) {
            MemorySegment out = arena.allocate(64);
            MemorySegment in = arena.allocate(64);
            MemorySegment none = arena.allocate(1);
            for (int i = 0; i < prime; i++) {
                echoChecked(peer.channel(), out, in, 64, random, i);
            }
            schedule.write(out);
            peer.channel().send(out, FloorSchedule.SIZE);
            assertEquals(FloorSchedule.SIZE, peer.channel().receive(in));
            assertEquals(schedule, FloorSchedule.read(in, FloorSchedule.SIZE), "the schedule is echoed like any message");
            for (int block = 0; block < 50; block++) {
                for (int i = 0; i < schedule.seriesBlock(); i++) {
                    echoChecked(peer.channel(), out, in, 1 + random.nextInt(64), random, i);
                }
                for (int i = 0; i < schedule.floorBlock(); i++) {
                    peer.floor().send(none, 0);
                    assertEquals(0, peer.floor().receive(none));
                }
            }
        }
    }

    @Test
    void aWrongScheduleIsAProtocolErrorInThePeersLog() throws Exception {
        try (Arena arena = Arena.ofConfined(); PeerProcess peer = start(PeerTask.echoWithFloor(1), 64)) {
            MemorySegment out = arena.allocate(64);
            peer.channel().send(out, 64);
            peer.channel().receive(out);
            peer.channel().send(out, 12); // a message where the 8-byte schedule belongs
            assertEquals(1, peer.awaitExit(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "exit code of a failed peer");
            String log = Files.readString(logs.resolve("c-peer.log"));
            assertTrue(log.contains("expected the 8-byte floor schedule after the priming messages, got 12 bytes"), log);
        }
    }

    @Test
    void aSinkCountsAndChecksumsAsTheJvmSinkDoes() {
        int batch = 1000;
        SplittableRandom random = new SplittableRandom(17);
        try (Arena arena = Arena.ofConfined(); PeerProcess peer = start(PeerTask.sink(batch), 4096)) {
            MemorySegment message = arena.allocate(4096);
            for (int round = 0; round < 5; round++) {
                MessageChecksum expected = new MessageChecksum();
                for (int i = 0; i < batch; i++) {
                    int length = random.nextInt(4097);
                    for (int k = 0; k < length; k++) {
                        message.set(ValueLayout.JAVA_BYTE, k, (byte) random.nextInt());
                    }
                    expected.update(message, length);
                    peer.channel().send(message, length);
                }
                assertEquals(new SinkReport(batch, expected.value()), SinkReport.receive(peer.channel(), message), "round " + round);
            }
        }
    }

    @Test
    void aKilledCPeerIsReportedGoneWithItsPid() throws Exception {
        try (Arena arena = Arena.ofConfined(); PeerProcess peer = start(PeerTask.echo(), 64)) {
            MemorySegment buffer = arena.allocate(64);
            peer.channel().send(buffer, 64);
            assertEquals(64, peer.channel().receive(buffer));
            peer.kill();
            assertTrue(peer.awaitExit(TIMEOUT.toSeconds(), TimeUnit.SECONDS) != -1);
            peer.channel().send(buffer, 64); // lands in the ring; nobody takes it
            ChannelException error = assertThrows(ChannelException.class, () -> peer.channel().receive(buffer));
            assertInstanceOf(PeerGoneException.class, error, error.toString());
            assertTrue(error.getMessage().startsWith("shm-ring-c: the peer process (pid " + peer.pid() + ") died"), error.getMessage());
        }
    }

    @Test
    void closingTheChannelEndsThePeerAsTheParentAsksNotByASignal() throws Exception {
        PeerProcess peer = start(PeerTask.echoWithFloor(0), 64);
        peer.close();
        assertEquals(0, peer.awaitExit(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "exit 0: it saw its stdin closed");
        assertTrue(Files.readString(logs.resolve("c-peer.log")).contains("stdin closed by the parent"));
    }

    @Test
    void aFixedRateSourceIsRefusedBeforeAnythingStarts() {
        Transport transport = Transports.byName(ShmRingCTransport.NAME);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PeerProcess.start(transport, ChannelConfig.of(64), PeerTask.source(10, 64, 0), logs.resolve("c-peer.log")));
        assertEquals("shm-ring-c's peer takes echo and sink, not source", e.getMessage());
        assertEquals(List.of(), NoLeaks.liveDescendants(Duration.ZERO));
    }

    /** What a machine without a C compiler gets: the reason up front, and no process or file if started anyway. */
    @Test
    void withoutACCompilerItIsUnavailableAndSaysSo() {
        try (NoCCompiler none = NoCCompiler.set()) {
            Transport transport = Transports.byName(ShmRingCTransport.NAME);
            String reason = transport.unavailable().orElseThrow();
            assertTrue(reason.startsWith("no C compiler on this machine") && reason.contains(NoCCompiler.MISSING), reason);
            ChannelException e = assertThrows(ChannelException.class,
                    () -> PeerProcess.start(transport, ChannelConfig.of(64), PeerTask.echo(), logs.resolve("c-peer.log")));
            assertEquals("shm-ring-c cannot run on this machine: " + reason, e.getMessage());
            assertEquals(List.of(), NoLeaks.liveDescendants(Duration.ZERO));
            assertEquals(List.of(), NoLeaks.leftovers());
        }
    }

    @Test
    void theCPeersChecksumCodeIsRightAndItsCommandLineStrict() throws Exception {
        cPeer();
        try (PrivateDirectory dir = CRingPeer.install()) {
            String program = dir.resolve(CRingPeer.PROGRAM).toString();
            assertEquals(0, run(List.of(program, "--self-test")).exit, "CRC-32C self-test");
            String parent = Long.toString(ProcessHandle.current().pid());
            List<List<String>> bad = List.of(
                    List.of(program, "--transport", "shm-ring", "--role", "echo", "--max-size", "8", "--parent-pid", parent, "--", "a", "b"),
                    List.of(program, "--transport", "shm-ring-c", "--role", "source", "--max-size", "8", "--parent-pid", parent, "--", "a", "b"),
                    List.of(program, "--transport", "shm-ring-c", "--role", "echo", "--max-size", "-1", "--parent-pid", parent, "--", "a", "b"),
                    List.of(program, "--transport", "shm-ring-c", "--role", "echo", "--max-size", "8", "--parent-pid", parent, "--", "a"),
                    List.of(program, "--transport", "shm-ring-c", "--role", "echo", "--max-size", "8", "--parent-pid", parent,
                            "--floor-segment", "x", "--", "a", "b"),
                    List.of(program, "--transport", "shm-ring-c", "--role", "echo", "--max-size", "8", "--parent-pid", parent,
                            "--colour", "red", "--", "a", "b"));
            for (List<String> command : bad) {
                Run run = run(command);
                assertEquals(2, run.exit, () -> command + ": " + run.output);
                assertTrue(run.output.contains("usage:"), run.output);
            }
            Run missing = run(List.of(program, "--transport", "shm-ring-c", "--role", "echo", "--max-size", "8", "--parent-pid", parent,
                    "--", "/dev/shm/shmbench-no-such-ring", "/dev/shm/shmbench-no-such-ring"));
            assertEquals(1, missing.exit, missing.output);
            assertTrue(missing.output.contains("no such ring"), missing.output);
        }
    }

    private record Run(int exit, String output) {
    }

    private Run run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS), command.toString());
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
