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

    /**
     * A lapped reader skips exactly what it does not deliver and says so: resuming at the oldest it
     * delivers every message still in the ring, at the newest only the last one published.
     */
    @ParameterizedTest(name = "{0} slots, reader polls {1}, resume {2}")
    @MethodSource("slotsPollsAndPolicies")
    void aLappedReaderDeliversWhatItsPolicySaysAndCountsTheRest(int slots, ReaderPoll poll, LapPolicy policy) {
        int written = 10;
        try (TempRing temp = TempRing.create(RingConfig.of(slots, 64).withMode(RingMode.OVERWRITE).withReaderPoll(poll));
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN, policy)) {
            for (long n = 0; n < written; n++) {
                writeNumber(writer, n);
            }
            long first = policy == LapPolicy.OLDEST ? written - slots : written - 1;
            List<Long> expected = new ArrayList<>();
            for (long n = first; n < written; n++) {
                expected.add(n);
            }
            assertEquals(expected, drain(reader), policy == LapPolicy.OLDEST ? "the " + slots + " messages still in the ring"
                    : "only the newest message");
            assertEquals(first, reader.missed(), "what was skipped is counted as missed");
            assertEquals(0, reader.torn());
            assertEquals(written, reader.position());
        }
    }

    /**
     * Whatever the interleaving of writes, claims left open and reads (in place or copied), both
     * policies account for every message: delivered + missed = written, and each delivered message
     * is the one its index says, in increasing order.
     */
    @ParameterizedTest
    @EnumSource(LapPolicy.class)
    void deliveredPlusMissedIsWhatWasWrittenUnderEitherPolicy(LapPolicy policy) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        for (int slots : new int[] {1, 2, 3, 4, 5, 8}) {
            try (TempRing temp = TempRing.create(RingConfig.of(slots, 64).withMode(RingMode.OVERWRITE));
                 RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
                 RingReader reader = temp.ring().openReader(WaitStrategy.SPIN, policy)) {
                long written = 0;
                long delivered = 0;
                long last = -1;
                byte[] copy = new byte[64];
                for (int step = 0; step < 20_000; step++) {
                    int burst = random.nextInt(2 * slots + 2);
                    for (int i = 0; i < burst; i++) {
                        writeNumber(writer, written++);
                    }
                    MemorySegment open = random.nextInt(4) == 0 ? writer.tryClaim() : null; // a write in progress
                    int reads = random.nextInt(3);
                    for (int i = 0; i < reads; i++) {
                        long number;
                        // A copying read waits for a message: only without a write in progress, which may have lapped it.
                        if (open != null || random.nextBoolean()) {
                            if (reader.poll() < 0) {
                                break;
                            }
                            number = reader.payload().get(ValueLayout.JAVA_LONG, 0);
                            if (!reader.validate()) {
                                continue;
                            }
                        } else {
                            if (reader.position() >= written) {
                                break;
                            }
                            reader.read(copy, RingRoundTripTest.TIMEOUT_NANOS);
                            number = MemorySegment.ofArray(copy).get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
                        }
                        assertEquals(reader.position() - 1, number, "the message its index names");
                        assertTrue(number > last, "in increasing order");
                        last = number;
                        delivered++;
                    }
                    if (open != null) {
                        open.set(ValueLayout.JAVA_LONG, 0, written++);
                        writer.commit(8);
                    }
                }
                delivered += drain(reader).size();
                assertEquals(written, reader.position(), policy + ", " + slots + " slots: the reader caught up");
                assertEquals(written, delivered + reader.missed(), policy + ", " + slots + " slots: delivered + missed = written");
            }
        }
    }

    static Stream<Arguments> slotsPollsAndPolicies() {
        return Stream.of(1, 3, 4).flatMap(slots -> Stream.of(ReaderPoll.values()).flatMap(poll -> Stream.of(LapPolicy.values())
                .map(policy -> Arguments.of(slots, poll, policy))));
    }

    /** The telemetry case: a one-slot ring is a mailbox whose reader always gets the newest value. */
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

    /**
     * A slot that is claimed but not committed is never delivered; it is once it is committed. After
     * a lap the reader resumes past it: at the oldest message still whole, or at the newest.
     */
    @ParameterizedTest
    @EnumSource(LapPolicy.class)
    void aSlotBeingWrittenIsNotDelivered(LapPolicy policy) {
        try (TempRing temp = TempRing.create(OVERWRITE);
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN, policy)) {
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
            if (policy == LapPolicy.OLDEST) {
                assertEquals(List.of(2L, 3L, 4L), drain(reader), "message 1 is being overwritten; 2..4 are whole");
                assertEquals(1, reader.missed());
            } else {
                assertEquals(List.of(4L), drain(reader), "message 1 is being overwritten; 4 is the newest");
                assertEquals(3, reader.missed());
            }
            fifth.set(ValueLayout.JAVA_LONG, 0, 5);
            writer.commit(8);
            assertEquals(List.of(5L), drain(reader), "message 5 once committed");
        }
    }

    /** The copying read of a lapped reader skips to the oldest or the newest message still there, as its policy says. */
    @ParameterizedTest
    @EnumSource(LapPolicy.class)
    void theCopyingReadSkipsToTheMessageItsPolicyNames(LapPolicy policy) {
        try (TempRing temp = TempRing.create(OVERWRITE);
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN, policy)) {
            for (long n = 0; n < 6; n++) {
                writeNumber(writer, n);
            }
            byte[] buffer = new byte[64];
            long expected = policy == LapPolicy.OLDEST ? 2 : 5;
            assertEquals(8, reader.read(buffer, RingRoundTripTest.TIMEOUT_NANOS));
            assertEquals(expected, MemorySegment.ofArray(buffer).get(ValueLayout.JAVA_LONG_UNALIGNED, 0));
            assertEquals(expected, reader.missed());
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
