package io.shmbench.transport;

import io.shmbench.ipc.MessageTooLargeException;
import io.shmbench.message.CheckedMessage;
import io.shmbench.message.MessageChecksum;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.RunsHere;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sink and source roles across real processes, on every transport that carries a payload. */
@ExtendWith(NoLeaks.class)
class PeerRolesTest {
    private static final int SIZE = 64;
    private static final int MESSAGES = 2000;

    @TempDir
    Path logs;

    static Stream<String> payloadTransports() {
        return Transports.names().stream().filter(name -> Transports.byName(name).sizeLimit().maxBytes() >= SIZE);
    }

    /** shm-ring-c's C peer serves no source. */
    static Stream<String> sourceTransports() {
        return payloadTransports().filter(name -> Transports.byName(name).roles().contains(PeerRole.SOURCE));
    }

    @ParameterizedTest
    @MethodSource("payloadTransports")
    void sinkCountsAndChecksumsEveryMessageRoundAfterRound(String name) {
        Random random = new Random(7);
        try (Arena arena = Arena.ofConfined();
             PeerProcess peer = PeerProcess.start(RunsHere.transport(name), ChannelConfig.of(SIZE), PeerTask.sink(MESSAGES),
                     logs.resolve(name + ".log"))) {
            MemorySegment message = arena.allocate(SIZE);
            for (int round = 0; round < 2; round++) {
                MessageChecksum expected = new MessageChecksum();
                for (int i = 0; i < MESSAGES; i++) {
                    int length = 1 + random.nextInt(SIZE);
                    for (int k = 0; k < length; k++) {
                        message.set(ValueLayout.JAVA_BYTE, k, (byte) random.nextInt());
                    }
                    expected.update(message, length);
                    peer.channel().send(message, length);
                }
                SinkReport report = SinkReport.receive(peer.channel(), message);
                assertEquals(new SinkReport(MESSAGES, expected.value()), report, name + " round " + round);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sourceTransports")
    void sourceStampsIntendedSendTimesAtTheRequestedRate(String name) {
        long rate = 20_000;
        long period = 1_000_000_000L / rate;
        int count = 500;
        try (Arena arena = Arena.ofConfined();
             PeerProcess peer = PeerProcess.start(RunsHere.transport(name), ChannelConfig.of(SIZE), PeerTask.source(count, SIZE, rate),
                     logs.resolve(name + ".log"))) {
            MemorySegment message = arena.allocate(SIZE);
            for (int round = 0; round < 2; round++) {
                peer.channel().send(message, 0); // start
                long first = 0;
                for (int i = 0; i < count; i++) {
                    assertEquals(SIZE, peer.channel().receive(message));
                    long received = System.nanoTime();
                    long sequence = CheckedMessage.sequence(message);
                    long intended = CheckedMessage.stamp(message);
                    assertEquals((long) round * count + i, sequence, name + ": sequence numbers run on across rounds");
                    if (i == 0) {
                        first = intended;
                    }
                    assertEquals(first + i * period, intended, name + ": intended times follow the rate, not the actual sends");
                    assertTrue(intended <= received, "a message is not received before it was meant to be sent");
                    assertTrue(CheckedMessage.fillerMatches(message, 0, CheckedMessage.MIN_LENGTH, SIZE), name + ": filler bytes intact");
                }
            }
        }
    }

    @Test
    void rolesTheChannelCannotCarryAreRefusedBeforeAnyProcessStarts() {
        Transport floor = Transports.byName("floor");
        MessageTooLargeException sink = assertThrows(MessageTooLargeException.class,
                () -> PeerProcess.start(floor, ChannelConfig.of(0), PeerTask.sink(10), logs.resolve("floor.log")));
        assertTrue(sink.getMessage().contains("16-byte"), sink.getMessage());
        MessageTooLargeException source = assertThrows(MessageTooLargeException.class,
                () -> PeerProcess.start(Transports.byName("uds"), ChannelConfig.of(32), PeerTask.source(1, 64, 0), logs.resolve("uds.log")));
        assertTrue(source.getMessage().contains("64 bytes"), source.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PeerTask.source(1, 8, 0), "a source message must hold the 16-byte stamp");
        assertEquals(java.util.List.of(), NoLeaks.liveDescendants(java.time.Duration.ZERO), "no peer was started");
    }
}
