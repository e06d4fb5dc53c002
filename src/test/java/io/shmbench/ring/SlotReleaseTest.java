package io.shmbench.ring;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.TempRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.stream.Stream;

import static io.shmbench.testutil.MessageAssertions.assertMessageContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a reader writes into a slot it has consumed ({@link SlotRelease}): exactly the bytes its
 * option says, of the message's used payload, once the slot is released (at the next poll or at
 * close) and never earlier; nothing of a slot it has not consumed, of the slot's header or beyond
 * the message; and never in an OVERWRITE ring. Cross-process delivery with each option is checked
 * in {@link CrossProcessRingTest} and {@code RingPeerCrossProcessTest}.
 */
@ExtendWith(NoLeaks.class)
class SlotReleaseTest {
    private static final long TIMEOUT = RingRoundTripTest.TIMEOUT_NANOS;
    private static final byte MESSAGE = (byte) 0xA5;
    private static final byte UNUSED = (byte) 0x3C;
    private static final int LINE = 64;

    static Stream<Arguments> optionsAndAlignment() {
        return Stream.of(SlotRelease.values()).flatMap(r -> Stream.of(Arguments.of(r, true), Arguments.of(r, false)));
    }

    /**
     * Messages of every length a slot holds (from 0 to beyond {@link SlotRelease#LARGE_MESSAGE_BYTES}), each into a slot whose bytes were all
     * set to a marker first: after the release, the slot is exactly what the option predicts, and
     * the slots of the messages not yet consumed are untouched byte for byte.
     */
    @ParameterizedTest(name = "{0}, aligned slots {1}")
    @MethodSource("optionsAndAlignment")
    void aReleasedSlotHoldsExactlyWhatItsOptionWrites(SlotRelease release, boolean aligned) {
        int slots = 4;
        RingConfig config = RingConfig.of(slots, SlotRelease.LARGE_MESSAGE_BYTES + 2 * LINE).withAlignSlots(aligned);
        try (TempRing temp = TempRing.create(config);
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN, LapPolicy.DEFAULT, release)) {
            MemorySegment memory = temp.ring().memory();
            int slotSize = config.slotSize();
            for (int length = 0; length <= config.maxPayload(); length++) {
                // The reader holds the previous (7-byte) message; message n goes into slot n % slots.
                long n = writer.position();
                long slot = RingLayout.slotOffset((int) (n % slots), slotSize);
                memory.asSlice(slot + RingLayout.SLOT_HEADER_SIZE, config.maxPayload()).fill(UNUSED);
                write(writer, length);
                assertEquals(length, reader.poll());
                byte[] held = bytes(memory, slot, slotSize);
                write(writer, 7); // the next message, in the next slot, not consumed yet
                long nextSlot = RingLayout.slotOffset((int) ((n + 1) % slots), slotSize);
                byte[] unconsumed = bytes(memory, nextSlot, slotSize);

                assertEquals(7, reader.poll()); // releases message n
                byte[] after = bytes(memory, slot, slotSize);
                assertArrayEquals(expected(held, memory.address() + slot, length, release), after,
                        release + ", " + length + " B: the released slot");
                assertArrayEquals(unconsumed, bytes(memory, nextSlot, slotSize), "the slot just polled, not released yet");
            }
        }
    }

    /** The bytes of a slot after its release, predicted from the bytes it held when it was polled. */
    private static byte[] expected(byte[] held, long slotAddress, int length, SlotRelease release) {
        byte[] out = held.clone();
        int payload = RingLayout.SLOT_HEADER_SIZE;
        switch (release) {
            case KEEP -> {
            }
            case ZERO -> Arrays.fill(out, payload, payload + length, (byte) 0);
            case CLAIM_LARGE -> {
                if (length > SlotRelease.LARGE_MESSAGE_BYTES) {
                    return expected(held, slotAddress, length, SlotRelease.CLAIM_LINES);
                }
            }
            case CLAIM_LINES -> {
                for (int i = payload; i < payload + length; i++) {
                    boolean firstUsedByteOfItsLine = i == payload || (slotAddress + i) % LINE == 0;
                    if (firstUsedByteOfItsLine) {
                        out[i] = 0;
                    }
                }
            }
        }
        return out;
    }

    private static void write(RingWriter writer, int length) {
        MemorySegment view = writer.tryClaim();
        view.asSlice(0, length).fill(MESSAGE);
        writer.commit(length);
    }

    private static byte[] bytes(MemorySegment memory, long offset, int size) {
        return memory.asSlice(offset, size).toArray(ValueLayout.JAVA_BYTE);
    }

    /** The copying API releases the same way, and a reader that closes releases what it consumed last. */
    @ParameterizedTest
    @EnumSource(SlotRelease.class)
    void copyingReadsAndClosingReleaseToo(SlotRelease release) {
        int size = SlotRelease.LARGE_MESSAGE_BYTES + 1; // claimed by every writing option
        RingConfig config = RingConfig.of(4, size);
        try (TempRing temp = TempRing.create(config);
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN)) {
            MemorySegment memory = temp.ring().memory();
            long first = RingLayout.slotOffset(0, config.slotSize()) + RingLayout.SLOT_HEADER_SIZE;
            long second = RingLayout.slotOffset(1, config.slotSize()) + RingLayout.SLOT_HEADER_SIZE;
            byte[] copy = new byte[size];
            try (RingReader reader = temp.ring().openReader(WaitStrategy.SPIN, LapPolicy.DEFAULT, release)) {
                write(writer, size);
                write(writer, size);
                assertEquals(size, reader.read(copy, TIMEOUT));
                assertEquals(MESSAGE, copy[size - 1]);
                assertEquals(MESSAGE, memory.get(ValueLayout.JAVA_BYTE, first), "held until the next read");
                assertEquals(size, reader.read(MemorySegment.ofArray(copy), 0, TIMEOUT));
                assertEquals(release == SlotRelease.KEEP ? MESSAGE : 0, memory.get(ValueLayout.JAVA_BYTE, first));
                assertEquals(MESSAGE, memory.get(ValueLayout.JAVA_BYTE, second), "held until the reader closes");
            }
            assertEquals(release == SlotRelease.KEEP ? MESSAGE : 0, memory.get(ValueLayout.JAVA_BYTE, second));
            assertEquals(2, temp.ring().readIndex());
        }
    }

    @Test
    void anOverwriteRingRefusesAReaderThatWritesAndDefaultsToKeep() {
        try (TempRing temp = TempRing.create(RingConfig.of(4, 64).withMode(RingMode.OVERWRITE))) {
            for (SlotRelease release : SlotRelease.values()) {
                if (release.writes()) {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> temp.ring().openReader(WaitStrategy.SPIN, LapPolicy.DEFAULT, release));
                    assertMessageContains("slot release " + release + " writes a slot after reading it, which an OVERWRITE ring"
                            + " does not allow: its writer may be writing that slot at the same time", e);
                }
            }
            try (RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
                assertEquals(SlotRelease.KEEP, reader.slotRelease());
            }
        }
        try (TempRing temp = TempRing.create(RingConfig.of(4, 64));
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            assertEquals(SlotRelease.DEFAULT, reader.slotRelease());
        }
    }

    /** Releasing allocates nothing: a warmed-up loop of small and large messages, zero-copy and copying, with each option. */
    @ParameterizedTest
    @EnumSource(SlotRelease.class)
    void releasingAllocatesNothing(SlotRelease release) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int large = SlotRelease.LARGE_MESSAGE_BYTES + 2 * LINE;
        try (TempRing temp = TempRing.create(RingConfig.of(64, large));
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN, LapPolicy.DEFAULT, release)) {
            byte[] in = new byte[large];
            byte[] out = new byte[large];
            long checksum = exchange(writer, reader, in, out, 100_000);
            int rounds = 50_000;
            long before = threads.getCurrentThreadAllocatedBytes();
            checksum += exchange(writer, reader, in, out, rounds);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < rounds, release + ": " + allocated + " bytes allocated for " + 2 * rounds
                    + " messages (checksum " + checksum + ")");
        }
    }

    private static long exchange(RingWriter writer, RingReader reader, byte[] in, byte[] out, int rounds) {
        long sum = 0;
        for (int i = 0; i < rounds; i++) {
            writer.offer(in, 0, 24);
            sum += reader.poll() + reader.payload().get(ValueLayout.JAVA_BYTE, 0);
            writer.offer(in, 0, in.length);
            sum += reader.read(out, TIMEOUT);
        }
        return sum;
    }
}
