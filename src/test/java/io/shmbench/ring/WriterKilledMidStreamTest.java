package io.shmbench.ring;

import io.shmbench.ipc.PeerGoneException;
import io.shmbench.ipc.WaitStrategy;
import io.shmbench.message.CheckedMessage;
import io.shmbench.message.MessageChecksum;
import io.shmbench.testutil.Await;
import io.shmbench.testutil.CheckedStream;
import io.shmbench.testutil.ChildJvm;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.RingPeerMain;
import io.shmbench.testutil.TempRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A writer process killed with SIGKILL at a random point of its stream, many times over: the
 * reader (this JVM) must never deliver a torn or corrupt message, must get every message the
 * writer published before it died in order and exactly once (BLOCKING), or each one either
 * delivered or counted as missed (OVERWRITE), and must report the writer DEAD (or STALE).
 *
 * <p>A trial is one ring whose writer was killed mid-stream. To keep JVM start-ups, the slow part,
 * down, one writer JVM ({@link RingPeerMain} {@code write-many}) streams into {@link #RINGS_PER_JVM}
 * rings at once from as many threads, and two such JVMs run side by side; one SIGKILL then stops
 * each of its writers at its own point of its own stream. Each ring gets a random geometry, one of
 * the safe memory orders, a random reader poll, padding and caching; half the rings are BLOCKING,
 * half OVERWRITE, and the writers of half of them yield inside each claimed message (a writer
 * descheduled mid-message) so that many kills land there. After the kill the test reads the ring's memory to tell where the writer died:
 * inside a message (claimed or half written, often leaving a torn payload in the slot), between
 * its two commit stores, or between messages.
 *
 * <p>{@code -Dshmbench.ring.killTrials=N} sets the number of trials (default 200; the soak runs
 * 1,000), {@code -Dshmbench.ring.killSeed=S} replays a run (the seed is printed).
 */
@ExtendWith(NoLeaks.class)
class WriterKilledMidStreamTest {
    private static final int TRIALS = Integer.getInteger("shmbench.ring.killTrials", 200);
    private static final long SEED = Long.getLong("shmbench.ring.killSeed", System.nanoTime());
    /** Rings one writer JVM streams into at once: one SIGKILL ends that many trials. */
    private static final int RINGS_PER_JVM = 4;
    private static final int CONCURRENT_JVMS = 2;
    /** The kill comes this long at most after every writer has published its first message. */
    private static final int KILL_WINDOW_MILLIS = 300;
    /** The heartbeat timeout: a writer that shows no sign of life for this long is STALE. */
    private static final long STALE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How long the reader may take to call the killed writer DEAD or STALE before the test calls it a hang. */
    private static final Duration DETECTION_DEADLINE = Duration.ofNanos(STALE_AFTER_NANOS).plusSeconds(10);
    private static final int MAX_MESSAGE = 2000;
    private static final int WRITER_ID = 1;
    private static final int[] SLOT_COUNTS = {2, 3, 8, 16, 64};
    private static final int[] PAYLOADS = {48, 200, 1000, 4000};
    /** PLAIN and OPAQUE are measured as possibly incorrect, so they cannot be held to "never torn". */
    private static final MemoryOrder[] SAFE_ORDERS = {MemoryOrder.RELEASE_ACQUIRE, MemoryOrder.VOLATILE, MemoryOrder.FENCED};

    /** Where in its stream a killed writer was, read from the ring after its death. */
    enum KillPoint {
        /** Message W's slot was claimed (OVERWRITE: marked odd) or its payload begun, not committed. */
        MID_WRITE,
        /** Message W's sequence word was committed, the write index not yet published. */
        BETWEEN_COMMIT_STORES,
        /** Outside a message: building the next one, or waiting for room. */
        BETWEEN_MESSAGES
    }

    @Test
    void aWriterKilledAtRandomPointsNeverHandsTheReaderATornMessageAndIsReportedDead() throws Exception {
        System.out.printf("writer kill trials: %d, seed %d (-Dshmbench.ring.killSeed=%d replays it)%n", TRIALS, SEED, SEED);
        Tally tally = new Tally();
        ExecutorService jvms = Executors.newFixedThreadPool(CONCURRENT_JVMS);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int first = 0, batch = 0; first < TRIALS; first += RINGS_PER_JVM, batch++) {
                int rings = Math.min(RINGS_PER_JVM, TRIALS - first);
                SplittableRandom random = new SplittableRandom(SEED + batch);
                runs.add(jvms.submit(() -> {
                    killOneWriterJvm(random, rings, tally);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(); // every wait inside has its own deadline
            }
        } finally {
            jvms.shutdownNow(); // after a failure: drop the batches not started, stop the running ones
            jvms.close(); // and wait until they have cleaned up
        }
        System.out.print(tally);
        assertEquals(TRIALS, tally.total(), "every trial ran");
        assertTrue(tally.of(RingMode.BLOCKING).trials > 0 && tally.of(RingMode.OVERWRITE).trials > 0, "both modes ran");
        assertTrue(tally.midWrite() > 0, "some kills landed inside a message, or the test proved little:\n" + tally);
    }

    /** One writer JVM streaming into {@code count} fresh rings, killed once: {@code count} trials. */
    private static void killOneWriterJvm(SplittableRandom random, int count, Tally tally) throws Exception {
        List<Trial> trials = new ArrayList<>();
        try {
            long seed = random.nextLong();
            for (int i = 0; i < count; i++) {
                RingMode mode = i % 2 == 0 ? RingMode.BLOCKING : RingMode.OVERWRITE;
                trials.add(new Trial(TempRing.create(randomConfig(random, mode)), seed + i));
            }
            ExecutorService readers = Executors.newFixedThreadPool(count);
            ChildJvm writer = null;
            try {
                for (Trial trial : trials) {
                    trial.reading = readers.submit(trial::readUntilTheWriterDies);
                }
                writer = ChildJvm.start(RingPeerMain.class, "write-many",
                        "paths=" + trials.stream().map(t -> t.ring().path().toString()).collect(Collectors.joining(",")),
                        "seed=" + seed, "writer=" + WRITER_ID, "max=" + MAX_MESSAGE, "dwell=" + count / 2);
                writer.expectLine("READY");
                Await.until("every writer has published a message", () -> trials.stream().allMatch(t -> t.ring().writeIndex() > 0));
                Thread.sleep(random.nextInt(KILL_WINDOW_MILLIS));
                writer.kill();
                for (Trial trial : trials) {
                    trial.reading.get(DETECTION_DEADLINE.plus(ChildJvm.TIMEOUT).toNanos(), TimeUnit.NANOSECONDS);
                    tally.add(trial.verify());
                }
            } finally {
                if (writer != null) {
                    writer.close(); // readers still waiting on it then end with PeerGone
                }
                readers.shutdownNow();
                readers.close(); // waits until no reader thread touches a ring any more
            }
        } finally {
            for (Trial trial : trials) {
                trial.close();
            }
        }
    }

    private static RingConfig randomConfig(SplittableRandom random, RingMode mode) {
        return new RingConfig(SLOT_COUNTS[random.nextInt(SLOT_COUNTS.length)], PAYLOADS[random.nextInt(PAYLOADS.length)],
                mode, Padding.values()[random.nextInt(Padding.values().length)], SAFE_ORDERS[random.nextInt(SAFE_ORDERS.length)],
                random.nextBoolean(), random.nextBoolean(), ReaderPoll.values()[random.nextInt(ReaderPoll.values().length)]);
    }

    /** One ring, its reader here, and what the reader saw. */
    private static final class Trial implements AutoCloseable {
        private final TempRing temp;
        private final RingReader reader;
        private final long seed;
        private Future<?> reading;
        private long delivered;
        private boolean toldByPeerGone;

        Trial(TempRing temp, long seed) {
            this.temp = temp;
            this.reader = temp.ring().openReader(WaitStrategy.PARK);
            this.seed = seed;
        }

        Ring ring() {
            return temp.ring();
        }

        /**
         * Reads and checks messages until a wait reports the writer gone, then takes what it
         * published before it died. Runs on its own thread while the writer streams.
         */
        Void readUntilTheWriterDies() {
            CheckedStream stream = new CheckedStream(reader);
            try {
                while (true) {
                    if (stream.next(delivered % 2 == 0)) {
                        stream.expect(WRITER_ID, reader.position() - 1);
                        delivered++;
                    }
                }
            } catch (PeerGoneException e) {
                toldByPeerGone = true;
            }
            while (true) {
                long before = reader.position();
                boolean intact = stream.poll();
                if (intact) {
                    stream.expect(WRITER_ID, reader.position() - 1);
                    delivered++;
                } else if (reader.position() == before) {
                    return null; // nothing more: in particular not the message the writer died in
                }
            }
        }

        /** Checks what the reader got against what the dead writer left in the ring. */
        Outcome verify() {
            Ring ring = ring();
            RingConfig config = ring.config();
            String what = config + " (writer seed " + seed + ")";
            Await.until("the reader reports the killed writer DEAD or STALE", DETECTION_DEADLINE,
                    () -> reader.peerStatus(STALE_AFTER_NANOS) == PeerStatus.DEAD
                            || reader.peerStatus(STALE_AFTER_NANOS) == PeerStatus.STALE);
            assertEquals(PeerStatus.DEAD, ring.writerStatus(STALE_AFTER_NANOS), "the writer process is gone: " + what);
            assertEquals(-1, reader.poll(), "nothing beyond what the writer published: " + what);

            long published = ring.writeIndex();
            long resume = RingWriter.resumeIndex(ring.memory(), config.slotCount(), config.slotSize());
            // A reader watching sequence words also gets a message committed but not yet published.
            long reachable = config.readerPoll() == ReaderPoll.SLOT_SEQUENCE ? resume : published;
            assertEquals(reachable, reader.position(), "the reader stops exactly after the last message it may see: " + what);
            if (config.mode() == RingMode.BLOCKING) {
                assertEquals(0, reader.missed(), "BLOCKING loses nothing: " + what);
                assertEquals(reader.position(), delivered, "each message once: " + what);
            } else {
                assertEquals(reader.position(), delivered + reader.missed(), "delivered + missed = written: " + what);
            }
            assertTrue(delivered + reader.missed() > 0, "the writer was killed mid-stream, not before it: " + what);
            KillPoint point = killPoint(published);
            return new Outcome(config.mode(), point, point == KillPoint.MID_WRITE && leftATornPayload(published),
                    delivered, reader.missed(), reader.torn(), toldByPeerGone);
        }

        /** Reads the slot of message W (W = the write index) to tell where in its stream the writer died. */
        private KillPoint killPoint(long published) {
            long slot = slotOffset(published);
            long sequence = (long) OrderedAccess.LONG.getAcquire(ring().memory(), slot + RingLayout.SLOT_SEQUENCE_OFFSET);
            if (sequence == RingLayout.committed(published)) {
                return KillPoint.BETWEEN_COMMIT_STORES;
            }
            if (sequence == RingLayout.writing(published) || CheckedMessage.sequence(payload(slot)) == published) {
                return KillPoint.MID_WRITE;
            }
            return KillPoint.BETWEEN_MESSAGES;
        }

        /** Whether the killed writer left message W's payload half written in its slot. */
        private boolean leftATornPayload(long published) {
            int length = RingPeerMain.messageLength(seed, Math.min(MAX_MESSAGE, ring().config().maxPayload()), published);
            return !new MessageChecksum().intact(payload(slotOffset(published)), length);
        }

        private long slotOffset(long n) {
            RingConfig config = ring().config();
            return RingLayout.slotOffset((int) (n % config.slotCount()), config.slotSize());
        }

        private MemorySegment payload(long slotOffset) {
            return ring().memory().asSlice(slotOffset + RingLayout.SLOT_HEADER_SIZE, ring().config().maxPayload());
        }

        @Override
        public void close() {
            try {
                reader.close();
            } finally {
                temp.close();
            }
        }
    }

    record Outcome(RingMode mode, KillPoint killPoint, boolean tornPayloadLeft, long delivered, long missed, long torn,
                   boolean toldByPeerGone) {
    }

    /** Counts over all trials, per mode; printed at the end for the report. */
    private static final class Tally {
        private final Map<RingMode, Counts> counts = new EnumMap<>(RingMode.class);

        synchronized void add(Outcome outcome) {
            Counts c = counts.computeIfAbsent(outcome.mode(), m -> new Counts());
            c.trials++;
            c.killPoints.merge(outcome.killPoint(), 1L, Long::sum);
            c.tornPayloadsLeft += outcome.tornPayloadLeft() ? 1 : 0;
            c.delivered += outcome.delivered();
            c.missed += outcome.missed();
            c.torn += outcome.torn();
            c.peerGone += outcome.toldByPeerGone() ? 1 : 0;
        }

        synchronized Counts of(RingMode mode) {
            return counts.getOrDefault(mode, new Counts());
        }

        synchronized long total() {
            return counts.values().stream().mapToLong(c -> c.trials).sum();
        }

        synchronized long midWrite() {
            return counts.values().stream().mapToLong(c -> c.killPoints.getOrDefault(KillPoint.MID_WRITE, 0L)).sum();
        }

        @Override
        public synchronized String toString() {
            StringBuilder out = new StringBuilder();
            counts.forEach((mode, c) -> out.append(String.format(
                    "%-9s %4d trials; killed %s; %d kills left a half-written payload, none delivered;"
                            + " delivered %d, missed %d (%d caught torn by the seqlock), 0 corrupt;"
                            + " a waiting read reported PeerGone in %d trials%n",
                    mode, c.trials, c.killPoints, c.tornPayloadsLeft, c.delivered, c.missed, c.torn, c.peerGone)));
            return out.toString();
        }
    }

    private static final class Counts {
        long trials;
        final Map<KillPoint, Long> killPoints = new EnumMap<>(KillPoint.class);
        long tornPayloadsLeft;
        long delivered;
        long missed;
        long torn;
        long peerGone;
    }
}
