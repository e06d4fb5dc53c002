package io.shmbench.ring;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.TempRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.shmbench.testutil.MessageAssertions.assertMessageContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The message path as docs/THEORY.md (section 6) shapes it: a reader that found no message waits on
 * the one sequence word it expects, its heartbeat is stamped only while idle, and the writer's
 * copying calls write the slot header's line last. Each is checked for what it must not change.
 */
@ExtendWith(NoLeaks.class)
class RingHotPathTest {
    private static final long TIMEOUT = RingRoundTripTest.TIMEOUT_NANOS;

    /** Poll, find nothing, then find the message: across several laps of a small ring, at every slot. */
    @Test
    void aReaderThatFoundNothingTakesTheNextMessageWhenItComes() {
        try (TempRing temp = TempRing.create(RingConfig.of(3, 200));
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            for (int n = 0; n < 10; n++) {
                assertEquals(-1, reader.poll(), "message " + n + " is not written yet");
                assertEquals(-1, reader.poll(), "and still not");
                byte[] message = message(n, 1 + 17 * n);
                writer.write(message, 0, message.length, TIMEOUT);
                assertEquals(message.length, reader.poll());
                assertArrayEquals(message, reader.payload().asSlice(0, message.length).toArray(ValueLayout.JAVA_BYTE));
            }
            assertEquals(10, reader.position());
        }
    }

    /** A message left in the ring for a larger buffer after a wait is delivered whole by the next read. */
    @Test
    void aMessageTooLargeForTheBufferAfterAWaitStaysInTheRing() {
        try (TempRing temp = TempRing.create(RingConfig.of(4, 64));
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            assertEquals(-1, reader.poll());
            byte[] message = message(7, 40);
            writer.write(message, 0, message.length, TIMEOUT);
            assertMessageContains("cannot hold the next message of 40 bytes",
                    assertThrows(IllegalArgumentException.class, () -> reader.read(new byte[39], TIMEOUT)));
            byte[] received = new byte[64];
            assertEquals(40, reader.read(received, TIMEOUT));
            assertArrayEquals(message, java.util.Arrays.copyOf(received, 40));
            assertEquals(-1, reader.poll());
        }
    }

    /**
     * The reader stamps its heartbeat only when a poll finds nothing, at most once per
     * {@value RingCursor#HEARTBEAT_EVERY} messages: not while it delivers messages back to back.
     */
    @Test
    void theReaderStampsItsHeartbeatWhenIdleNotOnTheMessagePath() {
        int messages = (int) RingCursor.HEARTBEAT_EVERY + 10;
        try (TempRing temp = TempRing.create(RingConfig.of(messages, 8));
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            MemorySegment memory = temp.ring().memory();
            byte[] message = new byte[8];
            for (int n = 0; n < messages; n++) {
                writer.write(message, 0, message.length, TIMEOUT);
            }
            long stamped = heartbeat(memory);
            for (int n = 0; n < messages; n++) {
                assertEquals(8, reader.poll());
            }
            assertEquals(stamped, heartbeat(memory), "no stamp while messages were there");
            waitForTheClock(stamped);
            assertEquals(-1, reader.poll());
            long idle = heartbeat(memory);
            assertNotEquals(stamped, idle, "stamped once the reader found nothing");
            waitForTheClock(idle);
            assertEquals(-1, reader.poll());
            assertEquals(idle, heartbeat(memory), "not again before another " + RingCursor.HEARTBEAT_EVERY + " messages");
        }
    }

    /** Every size around the end of the slot header's line arrives whole, from both copying calls, aligned or not. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theWritersSplitCopyDeliversEveryByte(boolean alignSlots) {
        RingConfig config = new RingConfig(5, 300, RingMode.BLOCKING, Padding.PAD_128, MemoryOrder.RELEASE_ACQUIRE,
                true, alignSlots, ReaderPoll.SLOT_SEQUENCE);
        try (TempRing temp = TempRing.create(config);
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            byte[] received = new byte[writer.maxPayload()];
            int n = 0;
            for (int length : new int[] {0, 1, 8, 40, 47, 48, 49, 56, 63, 64, 65, 111, 112, 113, 200, writer.maxPayload()}) {
                byte[] message = message(n++, length);
                writer.write(message, 0, length, TIMEOUT);
                assertEquals(length, reader.read(received, TIMEOUT));
                assertArrayEquals(message, java.util.Arrays.copyOf(received, length), "byte[] of " + length + " bytes");
                byte[] framed = new byte[length + 3];
                System.arraycopy(message, 0, framed, 3, length);
                writer.write(MemorySegment.ofArray(framed), 3, length, TIMEOUT);
                assertEquals(length, reader.read(received, TIMEOUT));
                assertArrayEquals(message, java.util.Arrays.copyOf(received, length), "segment of " + length + " bytes");
            }
        }
    }

    /**
     * A writer that keeps a two-slot ring full and a reader that waits for each message: neither
     * may end up waiting on the other. Two threads; every wait has a timeout, so a deadlock fails.
     */
    @Test
    void aFullSmallRingNeverLeavesWriterAndReaderWaitingOnEachOther() throws Exception {
        int messages = 20_000;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (TempRing temp = TempRing.create(RingConfig.of(2, 64));
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN_THEN_YIELD);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN_THEN_YIELD)) {
            Future<?> writing = pool.submit(() -> {
                for (int n = 0; n < messages; n++) {
                    byte[] message = message(n, 1 + n % 64);
                    writer.write(message, 0, message.length, TIMEOUT);
                }
            });
            byte[] received = new byte[64];
            for (int n = 0; n < messages; n++) {
                int length = reader.read(received, TIMEOUT);
                assertArrayEquals(message(n, 1 + n % 64), java.util.Arrays.copyOf(received, length), "message " + n);
            }
            writing.get(TIMEOUT, TimeUnit.NANOSECONDS);
        } finally {
            pool.shutdownNow();
            assertEquals(true, pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    private static long heartbeat(MemorySegment memory) {
        return (long) OrderedAccess.LONG.getOpaque(memory, RingLayout.READER_HEARTBEAT_OFFSET);
    }

    /** Until System.nanoTime has moved past {@code stamp}, so a new stamp differs from it. */
    private static void waitForTheClock(long stamp) {
        while (System.nanoTime() == stamp) {
            Thread.onSpinWait();
        }
    }

    /** {@code length} bytes that differ from message to message and from byte to byte. */
    private static byte[] message(int n, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (31 * n + i + 1);
        }
        return bytes;
    }
}
