package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.ipc.MessageTooLargeException;
import io.shmbench.testutil.RunsHere;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API's promises that are not about moving bytes: clear errors for bad input and misuse. */
class ChannelContractTest {
    @TempDir
    Path logs;

    @Test
    void unknownTransportNamesTheValidOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Transports.byName("smoke-signals"));
        assertTrue(error.getMessage().contains("smoke-signals"), error.getMessage());
        assertTrue(error.getMessage().contains(String.join(", ", Transports.names())), error.getMessage());
        assertEquals(java.util.List.of("pipe", "fifo", "tcp", "uds", "mq", "chronicle-style", "shm-ring", "shm-ring-c", "floor", "agrona",
                        "chronicle-queue"),
                Transports.names());
    }

    @Test
    void everyTransportStatesItsLimitUpFront() {
        for (Transport transport : Transports.all()) {
            SizeLimit limit = transport.sizeLimit();
            assertTrue(limit.maxBytes() >= 0 && !limit.reason().isBlank(), transport.name() + ": " + limit);
            MessageTooLargeException error = assertThrows(MessageTooLargeException.class,
                    () -> transport.prepare(ChannelConfig.of(limit.maxBytes() + 1)), transport.name());
            assertTrue(error.getMessage().contains("at most " + limit.maxBytes()), error.getMessage());
        }
    }

    @Test
    void configRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> ChannelConfig.of(-1));
        assertThrows(IllegalArgumentException.class, () -> ChannelConfig.of(8).withTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ChannelConfig.of(8).withDepth(0));
        assertThrows(IllegalArgumentException.class, () -> WaitMode.parse("maybe"));
        assertEquals(WaitMode.SPIN, WaitMode.parse("spin"));
    }

    @Test
    void chronicleQueueTakesHeapMessagesOverBytesAndRefusesOthersClearly() {
        try (PeerProcess peer = PeerProcess.start(Transports.byName("chronicle-queue"), ChannelConfig.of(64), PeerTask.echo(),
                logs.resolve("chronicle-queue.log"))) {
            Channel channel = peer.channel();
            MemorySegment bytes = MemorySegment.ofArray(new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
            MemorySegment echo = MemorySegment.ofArray(new byte[64]);
            channel.send(bytes, 8);
            assertEquals(8, channel.receive(echo));
            assertEquals(-1, MemorySegment.mismatch(bytes, 0, 8, echo, 0, 8));

            IllegalArgumentException ints = assertThrows(IllegalArgumentException.class,
                    () -> channel.send(MemorySegment.ofArray(new int[2]), 8), "not a ClassCastException");
            assertTrue(ints.getMessage().contains("byte[]") && ints.getMessage().contains("int[]"), ints.getMessage());
        }
    }

    @Test
    void oversizedMessagesShortBuffersAndUseAfterCloseAreClearErrors() {
        try (Arena arena = Arena.ofConfined();
             PeerProcess peer = PeerProcess.start(Transports.byName("shm-ring"), ChannelConfig.of(100), PeerTask.echo(),
                     logs.resolve("ring.log"))) {
            Channel channel = peer.channel();
            MemorySegment big = arena.allocate(200);
            MessageTooLargeException tooLarge = assertThrows(MessageTooLargeException.class, () -> channel.send(big, 101));
            assertTrue(tooLarge.getMessage().contains("101 bytes") && tooLarge.getMessage().contains("100 bytes"), tooLarge.getMessage());
            assertThrows(IllegalArgumentException.class, () -> channel.send(arena.allocate(10), 20), "segment shorter than length");
            assertThrows(IllegalArgumentException.class, () -> channel.receive(arena.allocate(99)), "buffer below the largest message");
            channel.send(big, 100); // still usable after refusals
            assertEquals(100, channel.receive(big));
            channel.close();
            ChannelException closed = assertThrows(ChannelException.class, () -> channel.send(big, 1));
            assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"uds", "mq", "shm-ring", "shm-ring-c"})
    void aSilentButLivePeerTimesOutAndTheChannelStaysUsable(String name) {
        ChannelConfig config = ChannelConfig.of(64).withTimeout(Duration.ofMillis(300));
        try (Arena arena = Arena.ofConfined();
             PeerProcess peer = PeerProcess.start(RunsHere.transport(name), config, PeerTask.sink(1), logs.resolve(name + ".log"))) {
            MemorySegment buffer = arena.allocate(64);
            ChannelException error = assertThrows(ChannelException.class, () -> peer.channel().receive(buffer));
            assertInstanceOf(ChannelTimeoutException.class, error, error.toString());
            assertTrue(error.getMessage().contains("timed out after 300 ms"), error.getMessage());
            assertTrue(peer.isAlive());
            // Nothing of a message had arrived, so the channel carries on.
            peer.channel().send(buffer, 10);
            assertEquals(1, SinkReport.receive(peer.channel(), buffer).messages());
        }
    }

    @Test
    void floorIsStrictPingPong() {
        try (Arena arena = Arena.ofConfined();
             PeerProcess peer = PeerProcess.start(Transports.byName("floor"), ChannelConfig.of(0), PeerTask.echo(), logs.resolve("floor.log"))) {
            MemorySegment none = arena.allocate(1);
            peer.channel().send(none, 0);
            IllegalStateException outOfTurn = assertThrows(IllegalStateException.class, () -> peer.channel().send(none, 0));
            assertTrue(outOfTurn.getMessage().contains("ping-pong"), outOfTurn.getMessage());
            assertEquals(0, peer.channel().receive(none));
            assertThrows(MessageTooLargeException.class, () -> peer.channel().send(none, 1), "floor carries no payload");
        }
    }
}
