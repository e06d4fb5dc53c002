package io.shmbench.interop;

import io.shmbench.ipc.PeerGoneException;
import io.shmbench.ipc.WaitStrategy;
import io.shmbench.ring.LapPolicy;
import io.shmbench.ring.Padding;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingLayout;
import io.shmbench.ring.RingMode;
import io.shmbench.ring.RingReader;
import io.shmbench.testutil.Await;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.TempRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A C writer killed with SIGKILL at a random moment of its stream, many times over, leaves the
 * Java reader and the Python reader no torn message: every message either reader delivers passes
 * its CRC and is the message its index names, every index up to what the dead writer made
 * reachable is delivered or counted missed, and the reader reports the writer dead instead of
 * waiting forever. The writer pauses in the middle of most messages ({@code --dwell-us}), so many
 * kills land inside one; the test reads the ring after each kill to count them.
 *
 * <p>{@code -Dshmbench.interop.killTrials=N} trials per reader (default 100), {@code
 * -Dshmbench.interop.killSeed=S} replays a run (the seed is printed). About 10 s for the Java
 * reader's trials and 20 s for Python's (a Python start-up per trial).
 */
@ExtendWith(NoLeaks.class)
class CWriterKilledMidWriteTest {
    private static final int TRIALS = Integer.getInteger("shmbench.interop.killTrials", 100);
    private static final long SEED = Long.getLong("shmbench.interop.killSeed", System.nanoTime());
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int[] SLOT_COUNTS = {1, 2, 3, 4, 8};
    private static final int[] PAYLOADS = {64, 256, 1000};
    private static final int[] DWELL_MICROS = {0, 5, 50};

    /** Counts over the trials of one reader, printed at the end. */
    private static final class Counts {
        int trials;
        int midWrite;
        long delivered;
        long missed;
        long torn;

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d trials, %d killed inside a message; delivered %d, missed %d (%d caught torn),"
                    + " 0 corrupt", trials, midWrite, delivered, missed, torn);
        }
    }

    @Test
    void theJavaReaderGetsNoTornMessage() throws Exception {
        PeerProgram.C.require();
        Counts counts = trials(new SplittableRandom(SEED), (temp, policy) -> {
            CompletableFuture<Tally> read = CompletableFuture.supplyAsync(() -> readUntilTheWriterDies(temp.ring(), policy));
            Await.until("the Java reader attached", () -> temp.ring().readerStatus(Long.MAX_VALUE) != io.shmbench.ring.PeerStatus.ABSENT);
            return () -> read.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        });
        System.out.println("C writer killed, Java reader (seed " + SEED + "): " + counts);
    }

    @Test
    void thePythonReaderGetsNoTornMessage() throws Exception {
        PeerProgram.C.require();
        PeerProgram.PYTHON.require();
        Counts counts = trials(new SplittableRandom(SEED + 1), (temp, policy) -> {
            String mode = temp.ring().config().mode().name().toLowerCase(Locale.ROOT);
            PeerRun reader = PeerRun.start(PeerProgram.PYTHON, "reader", name(temp), "--mode", mode, "--count", "1000000000000",
                    "--quiet", "--timeout", "60", "--policy", policy.name().toLowerCase(Locale.ROOT));
            Await.until("the Python reader attached", () -> !reader.isAlive()
                    || temp.ring().readerStatus(Long.MAX_VALUE) != io.shmbench.ring.PeerStatus.ABSENT);
            return () -> {
                try (reader) {
                    assertEquals(4, reader.awaitExit(DEADLINE), "the reader reports the writer dead" + reader.describe());
                    return Tally.of(reader.summary());
                }
            };
        });
        System.out.println("C writer killed, Python reader (seed " + SEED + "): " + counts);
    }

    interface Reader {
        /** Starts a reader on the trial's ring; what it returns waits for the reader's tally after the kill. */
        Outcome start(TempRing temp, LapPolicy policy) throws Exception;
    }

    interface Outcome {
        Tally get() throws Exception;
    }

    private static Counts trials(SplittableRandom random, Reader readers) throws Exception {
        Counts counts = new Counts();
        for (int trial = 0; trial < TRIALS; trial++) {
            RingMode mode = trial % 2 == 0 ? RingMode.OVERWRITE : RingMode.BLOCKING;
            RingConfig config = RingConfig.of(SLOT_COUNTS[random.nextInt(SLOT_COUNTS.length)], PAYLOADS[random.nextInt(PAYLOADS.length)])
                    .withMode(mode).withPadding(Padding.values()[random.nextInt(3)]).withAlignSlots(random.nextBoolean());
            LapPolicy policy = LapPolicy.values()[random.nextInt(2)];
            String what = config + ", resume " + policy + ", trial " + trial;
            try (TempRing temp = TempRing.create(config); Peers peers = new Peers()) {
                Outcome outcome = readers.start(temp, policy);
                PeerRun writer = peers.add(PeerRun.start(PeerProgram.C, "writer", name(temp), "--mode", mode.name().toLowerCase(Locale.ROOT),
                        "--count", "1000000000000", "--dwell-us", Integer.toString(DWELL_MICROS[random.nextInt(DWELL_MICROS.length)])));
                Await.until("the writer published", () -> !writer.isAlive() || temp.ring().writeIndex() > 0);
                Thread.sleep(random.nextInt(20));
                writer.kill();
                Tally tally = outcome.get();
                long reachable = reachable(temp.ring());
                assertEquals(0, tally.corrupt(), "no torn or wrong message delivered: " + tally + ", " + what);
                assertTrue(tally.booksBalance(), "delivered + missed = position: " + tally + ", " + what);
                assertEquals(reachable, tally.position(), "the reader got to the last message the writer finished: " + what);
                if (mode == RingMode.BLOCKING) {
                    assertEquals(0, tally.missed(), "BLOCKING loses nothing: " + what);
                }
                counts.trials++;
                counts.midWrite += killedInsideAMessage(temp.ring()) ? 1 : 0;
                counts.delivered += tally.delivered();
                counts.missed += tally.missed();
                counts.torn += tally.torn();
            }
        }
        assertTrue(counts.midWrite > 0, "some kills landed inside a message, or the test proved little: " + counts);
        return counts;
    }

    /** Reads with the Java reader until it reports the writer gone, then what is left. */
    private static Tally readUntilTheWriterDies(Ring ring, LapPolicy policy) {
        ProbeMessage probe = new ProbeMessage();
        byte[] message = new byte[ring.config().maxPayload()];
        long delivered = 0;
        long corrupt = 0;
        try (RingReader reader = ring.openReader(WaitStrategy.PARK, policy)) {
            while (true) {
                int length;
                try {
                    length = reader.read(message, DEADLINE.toNanos());
                } catch (PeerGoneException gone) {
                    return new Tally(delivered, reader.missed(), reader.torn(), corrupt, reader.position());
                }
                delivered++;
                corrupt += probe.check(message, length, reader.position() - 1) ? 0 : 1;
            }
        }
    }

    /** The last message a reader can get from a dead writer: the write index, or one more if it was committed unpublished. */
    private static long reachable(Ring ring) {
        long published = ring.writeIndex();
        return sequence(ring, published) == RingLayout.committed(published) ? published + 1 : published;
    }

    /** Whether the writer died inside message W: its slot marked odd, or its number already in the slot, uncommitted. */
    private static boolean killedInsideAMessage(Ring ring) {
        long w = ring.writeIndex();
        long sequence = sequence(ring, w);
        if (sequence == RingLayout.writing(w)) {
            return true;
        }
        MemorySegment payload = ring.memory().asSlice(slot(ring, w) + RingLayout.SLOT_HEADER_SIZE);
        return sequence != RingLayout.committed(w) && payload.get(ValueLayout.JAVA_LONG, 0) == w;
    }

    private static long sequence(Ring ring, long n) {
        return ring.memory().get(ValueLayout.JAVA_LONG, slot(ring, n) + RingLayout.SLOT_SEQUENCE_OFFSET);
    }

    private static long slot(Ring ring, long n) {
        return RingLayout.slotOffset((int) (n % ring.config().slotCount()), ring.config().slotSize());
    }

    private static String name(TempRing temp) {
        return temp.ring().path().getFileName().toString();
    }
}
