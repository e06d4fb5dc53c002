package io.shmbench.ring;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.message.CheckedMessage;
import io.shmbench.message.MessageChecksum;
import io.shmbench.testutil.Await;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.RingPeerMain;
import io.shmbench.testutil.TempRing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every ring variant carries messages between a writer thread and a reader thread of one process,
 * through the zero-copy API (claim/commit, poll/payload/validate) and the copying API
 * (write/offer, read), and every message arrives whole, in order, and exactly once (BLOCKING) or
 * is delivered whole or counted as missed (OVERWRITE).
 *
 * <p>PLAIN and OPAQUE make no promise about the payload ({@link MemoryOrder#isSafe()}): for them a
 * corrupt message is reported, not failed, and PLAIN may end in a {@link RingTimeoutException}
 * (a hoisted load); what must hold for every order is that no call hangs and the accounting adds up.
 */
@ExtendWith(NoLeaks.class)
class RingRoundTripTest {
    static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int MESSAGES = 1500;
    private static final int MAX_PAYLOAD = 100;
    private static ExecutorService writerThread;

    @BeforeAll
    static void startWriterThread() {
        writerThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "ring-test-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stopWriterThread() throws InterruptedException {
        writerThread.shutdownNow();
        assertTrue(writerThread.awaitTermination(30, TimeUnit.SECONDS), "writer thread did not stop");
    }

    static List<Named<RingConfig>> everyVariant() {
        List<Named<RingConfig>> configs = new ArrayList<>();
        for (RingMode mode : RingMode.values()) {
            for (MemoryOrder order : MemoryOrder.values()) {
                for (Padding padding : Padding.values()) {
                    for (int slots : new int[] {4, 7}) {
                        for (boolean cache : new boolean[] {true, false}) {
                            for (boolean align : new boolean[] {true, false}) {
                                for (ReaderPoll poll : ReaderPoll.values()) {
                                    RingConfig config = new RingConfig(slots, MAX_PAYLOAD, mode, padding, order, cache, align, poll);
                                    configs.add(Named.of(describe(config), config));
                                }
                            }
                        }
                    }
                }
            }
        }
        return configs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyVariant")
    void everyVariantRoundTripsThroughBothApis(RingConfig config) throws Exception {
        roundTrip(config, WaitStrategy.YIELD);
    }

    @ParameterizedTest
    @EnumSource(WaitStrategy.class)
    void everyWaitStrategyRoundTrips(WaitStrategy strategy) throws Exception {
        roundTrip(RingConfig.of(5, MAX_PAYLOAD), strategy);
        roundTrip(RingConfig.of(5, MAX_PAYLOAD).withMode(RingMode.OVERWRITE), strategy);
    }

    /** One slot: BLOCKING becomes a hand-off, OVERWRITE a latest-value mailbox. */
    @Test
    void aSingleSlotRingRoundTrips() throws Exception {
        roundTrip(RingConfig.of(1, MAX_PAYLOAD), WaitStrategy.YIELD);
        roundTrip(RingConfig.of(1, MAX_PAYLOAD).withMode(RingMode.OVERWRITE), WaitStrategy.YIELD);
    }

    private void roundTrip(RingConfig config, WaitStrategy strategy) throws Exception {
        try (TempRing temp = TempRing.create(config);
             RingWriter writer = temp.ring().openWriter(strategy);
             RingReader reader = temp.ring().openReader(strategy)) {
            Ring ring = temp.ring();
            Outcome zeroCopy = exchange(ring, writer, reader, true, 0);
            Outcome copying = exchange(ring, writer, reader, false, MESSAGES);
            zeroCopy.check("zero-copy");
            copying.check("copying");
            assertEquals(-1, reader.poll(), "a message nobody wrote");
        }
    }

    /** What the reader saw of messages [first, first + MESSAGES). */
    private record Outcome(RingConfig config, long delivered, long missed, long corrupt, String timeout) {
        void check(String api) {
            String what = api + " " + describe(config) + ": " + this;
            if (timeout != null) {
                // Only PLAIN may hang: the JIT may hoist its plain loads out of a spin loop.
                assertEquals(MemoryOrder.PLAIN, config.memoryOrder(), what);
                System.out.println("PLAIN timed out (allowed, reported): " + what);
                return;
            }
            if (config.mode() == RingMode.BLOCKING) {
                assertEquals(MESSAGES, delivered, "BLOCKING loses nothing: " + what);
                assertEquals(0, missed, what);
            } else {
                assertEquals(MESSAGES, delivered + missed, "OVERWRITE: delivered + missed == written: " + what);
                assertTrue(delivered > 0, "the writer waits for the reader between bursts: " + what);
            }
            if (config.memoryOrder().isSafe()) {
                assertEquals(0, corrupt, "no corrupt, lost, duplicated or reordered message: " + what);
            } else if (corrupt > 0) {
                System.out.println(config.memoryOrder() + " delivered corrupt messages (allowed, reported): " + what);
            }
        }
    }

    private Outcome exchange(Ring ring, RingWriter writer, RingReader reader, boolean zeroCopy, long first)
            throws InterruptedException, ExecutionException, TimeoutException {
        RingConfig config = ring.config();
        boolean overwrite = config.mode() == RingMode.OVERWRITE;
        Future<?> written = writerThread.submit(() -> {
            writeAll(ring, writer, zeroCopy, first);
            return null;
        });
        long missedBefore = reader.missed();
        long delivered = 0;
        long corrupt = 0;
        String timeout = null;
        MessageChecksum messages = new MessageChecksum();
        byte[] array = new byte[config.maxPayload()];
        MemorySegment segment = MemorySegment.ofArray(new byte[config.maxPayload()]);
        try {
            while (reader.position() < first + MESSAGES) {
                boolean intact;
                long number;
                if (zeroCopy) {
                    int length = reader.receive(TIMEOUT_NANOS);
                    MemorySegment payload = reader.payload();
                    intact = messages.intact(payload, length);
                    number = CheckedMessage.sequence(payload);
                    if (overwrite && !reader.validate()) {
                        continue; // torn: counted in missed()
                    }
                } else if (reader.position() % 2 == 0) {
                    int length = reader.read(array, TIMEOUT_NANOS);
                    intact = messages.intact(MemorySegment.ofArray(array), length);
                    number = CheckedMessage.sequence(MemorySegment.ofArray(array));
                } else {
                    int length = reader.read(segment, 0, TIMEOUT_NANOS);
                    intact = messages.intact(segment, length);
                    number = CheckedMessage.sequence(segment);
                }
                delivered++;
                if (!intact || number != reader.position() - 1) {
                    corrupt++;
                }
            }
        } catch (RingTimeoutException e) {
            timeout = e.getMessage();
        }
        try {
            written.get(3 * TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof RingTimeoutException) || timeout == null) {
                throw e;
            }
        }
        return new Outcome(config, delivered, reader.missed() - missedBefore, corrupt, timeout);
    }

    /** Writes messages [first, first + MESSAGES); OVERWRITE waits for the reader after random bursts. */
    private static void writeAll(Ring ring, RingWriter writer, boolean zeroCopy, long first) {
        RingConfig config = ring.config();
        SplittableRandom random = new SplittableRandom(first + config.hashCode());
        MessageChecksum messages = new MessageChecksum();
        byte[] array = new byte[config.maxPayload()];
        MemorySegment segment = MemorySegment.ofArray(new byte[config.maxPayload()]);
        long burstEnd = first;
        for (long n = first; n < first + MESSAGES; n++) {
            if (config.mode() == RingMode.OVERWRITE && n == burstEnd) {
                long reader = n;
                Await.until("the reader has consumed messages before " + n, () -> ring.readIndex() >= reader);
                burstEnd = n + 1 + random.nextInt(3 * config.slotCount());
            }
            int length = RingPeerMain.randomLength(random, config.maxPayload());
            if (zeroCopy) {
                MemorySegment view = writer.claim(TIMEOUT_NANOS);
                messages.writeSealed(view, n, 1, length);
                writer.commit(length);
            } else {
                switch ((int) (n % 4)) {
                    case 0 -> {
                        messages.writeSealed(MemorySegment.ofArray(array), n, 1, length);
                        writer.write(array, 0, length, TIMEOUT_NANOS);
                    }
                    case 1 -> {
                        messages.writeSealed(segment, n, 1, length);
                        writer.write(segment, 0, length, TIMEOUT_NANOS);
                    }
                    case 2 -> {
                        messages.writeSealed(MemorySegment.ofArray(array), n, 1, length);
                        offer(() -> writer.offer(array, 0, length));
                    }
                    default -> {
                        messages.writeSealed(segment, n, 1, length);
                        offer(() -> writer.offer(segment, 0, length));
                    }
                }
            }
        }
    }

    private static void offer(java.util.function.BooleanSupplier attempt) {
        Await.until("offer found room", Duration.ofNanos(TIMEOUT_NANOS), attempt);
    }

    static String describe(RingConfig c) {
        return c.mode() + " " + c.memoryOrder() + " " + c.padding() + " slots=" + c.slotCount()
                + (c.cacheRemoteIndex() ? " cached" : " uncached") + (c.alignSlots() ? " aligned" : " packed")
                + " poll=" + c.readerPoll();
    }
}
