package io.shmbench.transport;

import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.RunsHere;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every transport, in both wait modes, carries messages from 1 byte up to 64 KiB (or the
 * transport's documented maximum on this host) to a real peer process and back, every byte
 * verified; nothing is left behind afterwards.
 */
@ExtendWith(NoLeaks.class)
class TransportRoundTripTest {
    private static final int LARGEST = 64 * 1024;

    @TempDir
    Path logs;

    static Stream<Arguments> transportsAndModes() {
        return Transports.names().stream().flatMap(name -> Stream.of(WaitMode.values()).map(mode -> Arguments.of(name, mode)));
    }

    /** 1, 2, 3, 4, 5, 7, 8, 9, ... around every power of two up to the largest, and the largest. */
    static int[] sizesUpTo(int largest) {
        return IntStream.concat(
                        IntStream.rangeClosed(0, 16).mapToObj(k -> 1 << k)
                                .flatMapToInt(p -> IntStream.of(p - 1, p, p + 1)),
                        IntStream.of(1, 1000, largest))
                .filter(size -> size >= 1 && size <= largest).distinct().sorted().toArray();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transportsAndModes")
    void echoesEveryByteOfEverySize(String name, WaitMode mode) {
        Transport transport = RunsHere.transport(name);
        int largest = Math.min(LARGEST, transport.sizeLimit().maxBytes());
        ChannelConfig config = ChannelConfig.of(largest).withWaitMode(mode);
        Random random = new Random(name.hashCode());
        try (Arena arena = Arena.ofConfined();
             PeerProcess peer = PeerProcess.start(transport, config, PeerTask.echo(), logs.resolve(name + ".log"))) {
            Channel channel = peer.channel();
            MemorySegment out = arena.allocate(Math.max(1, largest));
            MemorySegment in = arena.allocate(Math.max(1, largest));
            if (largest == 0) { // floor: sequence numbers only
                for (int i = 0; i < 1000; i++) {
                    channel.send(out, 0);
                    assertEquals(0, channel.receive(in));
                }
                return;
            }
            int[] sizes = sizesUpTo(largest);
            for (int round = 0; round < 3; round++) {
                for (int size : sizes) {
                    for (int i = 0; i < size; i++) {
                        out.set(ValueLayout.JAVA_BYTE, i, (byte) random.nextInt());
                    }
                    channel.send(out, size);
                    in.fill((byte) 0);
                    assertEquals(size, channel.receive(in), name + ": echoed length");
                    assertEquals(-1, MemorySegment.mismatch(out, 0, size, in, 0, size),
                            () -> name + ": echoed bytes differ for a message of " + size + " bytes");
                }
            }
            heapSegmentsAndBuffers(name, channel, largest, random);
            assertTrue(peer.isAlive());
        }
    }

    /** The same channel also takes heap segments and ByteBuffers (the convenience forms). */
    private static void heapSegmentsAndBuffers(String name, Channel channel, int largest, Random random) {
        byte[] sent = new byte[largest];
        byte[] received = new byte[largest];
        for (int size : new int[] {1, 17, largest}) {
            random.nextBytes(sent);
            channel.send(MemorySegment.ofArray(sent), size);
            assertEquals(size, channel.receive(MemorySegment.ofArray(received)), name + ": heap echo length");
            assertEquals(-1, Arrays.mismatch(sent, 0, size, received, 0, size), name + ": heap echo bytes");

            ByteBuffer out = ByteBuffer.allocateDirect(largest + 3).position(3).limit(3 + size);
            for (int i = 3; i < 3 + size; i++) {
                out.put(i, sent[i - 3]);
            }
            ByteBuffer in = ByteBuffer.allocateDirect(largest + 5).position(5);
            channel.send(out);
            assertEquals(size, channel.receive(in), name + ": buffer echo length");
            assertEquals(3, out.position(), "send leaves the position alone");
            assertEquals(-1, in.slice(5, size).mismatch(out.slice(3, size)), name + ": buffer echo bytes");
        }
    }
}
