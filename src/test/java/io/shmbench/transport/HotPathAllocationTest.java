package io.shmbench.transport;

import io.shmbench.testutil.RunsHere;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The send/receive path of every transport, in both wait modes, allocates nothing once the JIT
 * has compiled it: some window of {@value #WINDOW} round trips allocates less than one byte per
 * round trip on this thread (a single allocation per call would be at least 16 bytes every time).
 * The interpreter and C1 allocate where C2's escape analysis does not, so the test gives the JIT
 * up to {@value #WINDOWS} windows on a loaded machine. The suite's ring and Agrona's, the two
 * shared-memory rings whose speed Q1 compares, must reach exactly 0 bytes in some window: their
 * send and receive allocate nothing at all once compiled.
 */
class HotPathAllocationTest {
    private static final int SIZE = 256;
    private static final int WINDOW = 2_000;
    private static final int WINDOWS = 40;
    /** Transports that allocate nothing at all: a window of 0 bytes, not merely under a byte per round trip. */
    private static final Set<String> NOTHING_AT_ALL = Set.of(ShmRingTransport.NAME, AgronaTransport.NAME);

    @TempDir
    Path logs;

    static Stream<Arguments> transportsAndModes() {
        return Transports.names().stream().flatMap(name -> Stream.of(WaitMode.values()).map(mode -> Arguments.of(name, mode)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transportsAndModes")
    void roundTripsAllocateNothing(String name, WaitMode mode) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Transport transport = RunsHere.transport(name);
        int size = Math.min(SIZE, transport.sizeLimit().maxBytes());
        try (Arena arena = Arena.ofConfined();
             PeerProcess peer = PeerProcess.start(transport, ChannelConfig.of(size).withWaitMode(mode), PeerTask.echo(),
                     logs.resolve(name + ".log"))) {
            Channel channel = peer.channel();
            MemorySegment out = arena.allocate(Math.max(1, size));
            MemorySegment in = arena.allocate(Math.max(1, size));
            long allowed = NOTHING_AT_ALL.contains(name) ? 0 : WINDOW - 1;
            long least = Long.MAX_VALUE;
            for (int window = 0; window < WINDOWS && least > allowed; window++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                roundTrips(channel, out, in, size, WINDOW);
                least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
            }
            assertTrue(least <= allowed, name + " " + mode + ": at least " + least + " bytes allocated in every window of "
                    + WINDOW + " round trips (allowed: " + allowed + ")");
        }
    }

    private static void roundTrips(Channel channel, MemorySegment out, MemorySegment in, int size, int count) {
        for (int i = 0; i < count; i++) {
            channel.send(out, size);
            channel.receive(in);
        }
    }
}
