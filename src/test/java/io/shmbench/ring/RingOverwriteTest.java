package io.shmbench.ring;

import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.TempRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OVERWRITE's gap and seqlock logic, driven step by step from one thread so every interleaving
 * that matters happens for certain: the reader is lapped, a slot is overwritten while the reader
 * looks at it, a slot is claimed but not yet committed.
 */
@ExtendWith(NoLeaks.class)
class RingOverwriteTest {
    private static final RingConfig OVERWRITE = RingConfig.of(4, 64).withMode(RingMode.OVERWRITE);

    /** A lapped reader skips exactly what was overwritten and delivers every message still in the ring. */
    @ParameterizedTest(name = "{0} slots, reader polls {1}")
    @MethodSource("slotsAndPolls")
    void aLappedReaderDeliversEverythingStillInTheRing(int slots, ReaderPoll poll) {
        int written = 10;
        try (TempRing temp = TempRing.create(RingConfig.of(slots, 64).withMode(RingMode.OVERWRITE).withReaderPoll(poll));
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            for (long n = 0; n < written; n++) {
                writeNumber(writer, n);
            }
            List<Long> delivered = drain(reader);
            List<Long> expected = new ArrayList<>();
            for (long n = written - slots; n < written; n++) {
                expected.add(n);
            }
            assertEquals(expected, delivered, "the " + slots + " newest messages are still in the ring");
            assertEquals(written - slots, reader.missed(), "overwritten messages are counted as missed");
            assertEquals(0, reader.torn());
            assertEquals(written, reader.position());
        }
    }

    static Stream<Arguments> slotsAndPolls() {
        return Stream.of(1, 3, 4).flatMap(slots -> Stream.of(ReaderPoll.values()).map(poll -> Arguments.of(slots, poll)));
    }

    /** The seed's telemetry case: a one-slot ring is a mailbox whose reader always gets the newest value. */
    @Test
    void aOneSlotRingAlwaysDeliversTheNewestMessage() {
        try (TempRing temp = TempRing.create(RingConfig.of(1, 64).withMode(RingMode.OVERWRITE));
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            long written = 0;
            for (int round = 1; round <= 5; round++) {
                for (int i = 0; i < round; i++) {
                    writeNumber(writer, written++);
                }
                assertEquals(List.of(written - 1), drain(reader), "round " + round);
            }
            assertEquals(written, reader.missed() + 5);
        }
    }

    /** A message overwritten while the reader looks at it in place fails validate() and counts as torn and missed. */
    @ParameterizedTest
    @EnumSource(value = MemoryOrder.class, names = {"RELEASE_ACQUIRE", "VOLATILE", "FENCED"})
    void validateCatchesAnOverwriteDuringAnInPlaceRead(MemoryOrder order) {
        try (TempRing temp = TempRing.create(OVERWRITE.withMemoryOrder(order));
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            writeNumber(writer, 0);
            assertEquals(8, reader.poll());
            for (long n = 1; n <= 4; n++) { // message 4 lands in message 0's slot
                writeNumber(writer, n);
            }
            assertEquals(4, reader.payload().get(ValueLayout.JAVA_LONG, 0), "the slot now holds message 4");
            assertFalse(reader.validate(), "message 0 was overwritten while being read");
            assertEquals(1, reader.torn());
            assertEquals(1, reader.missed());
            assertEquals(List.of(1L, 2L, 3L, 4L), drain(reader));
            assertEquals(5, reader.missed() + 4, "delivered + missed == written");
        }
    }

    /** A claim marks the slot odd before any payload byte changes, so a reader inside that slot notices. */
    @Test
    void validateCatchesAClaimThatIsNotCommittedYet() {
        try (TempRing temp = TempRing.create(OVERWRITE);
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            for (long n = 0; n < 4; n++) {
                writeNumber(writer, n);
            }
            assertEquals(8, reader.poll());
            assertTrue(reader.validate(), "nobody touched message 0 yet");
            MemorySegment view = writer.tryClaim(); // message 4, slot 0
            assertFalse(reader.validate(), "the slot is being rewritten");
            view.set(ValueLayout.JAVA_LONG, 0, 4);
            writer.commit(8);
            assertEquals(1, reader.torn());
        }
    }

    /** A slot that is claimed but not committed is never delivered; it is once it is committed. */
    @Test
    void aSlotBeingWrittenIsNotDelivered() {
        try (TempRing temp = TempRing.create(OVERWRITE);
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            MemorySegment view = writer.tryClaim();
            view.set(ValueLayout.JAVA_LONG, 0, 0);
            assertEquals(-1, reader.poll(), "claimed, not committed");
            writer.commit(8);
            assertEquals(8, reader.poll());
            assertTrue(reader.validate());
            // The same after a lap: the reader is at message 1 and the writer is rewriting slot 1 for message 5.
            for (long n = 1; n < 5; n++) {
                writeNumber(writer, n);
            }
            MemorySegment fifth = writer.tryClaim();
            assertEquals(List.of(2L, 3L, 4L), drain(reader), "message 1 is being overwritten; 2..4 are whole");
            assertEquals(1, reader.missed());
            fifth.set(ValueLayout.JAVA_LONG, 0, 5);
            writer.commit(8);
            assertEquals(List.of(5L), drain(reader), "message 5 once committed");
        }
    }

    /** The copying read never returns a message the writer is overwriting; it skips to the next whole one. */
    @Test
    void theCopyingReadSkipsToTheOldestMessageStillThere() {
        try (TempRing temp = TempRing.create(OVERWRITE);
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            for (long n = 0; n < 6; n++) {
                writeNumber(writer, n);
            }
            byte[] buffer = new byte[64];
            assertEquals(8, reader.read(buffer, RingRoundTripTest.TIMEOUT_NANOS));
            assertEquals(2, MemorySegment.ofArray(buffer).get(ValueLayout.JAVA_LONG_UNALIGNED, 0));
            assertEquals(2, reader.missed());
        }
    }

    static void writeNumber(RingWriter writer, long n) {
        MemorySegment view = writer.tryClaim();
        view.set(ValueLayout.JAVA_LONG, 0, n);
        writer.commit(8);
    }

    /** Polls until the ring is empty; returns the numbers of the messages delivered whole. */
    static List<Long> drain(RingReader reader) {
        List<Long> numbers = new ArrayList<>();
        while (reader.poll() >= 0) {
            long number = reader.payload().get(ValueLayout.JAVA_LONG, 0);
            if (reader.validate()) {
                numbers.add(number);
            }
        }
        return numbers;
    }
}
