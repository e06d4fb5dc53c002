package io.shmbench.soak;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.message.CheckedMessage;
import io.shmbench.message.MessageChecksum;
import io.shmbench.process.ChildProcess;
import io.shmbench.process.JavaCommand;
import io.shmbench.ring.PeerStatus;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingMode;
import io.shmbench.ring.RingReader;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ring in one mode under soak, with writer crashes. This process creates the ring and reads it;
 * the writer is a {@link RingWriterMain} in another JVM, killed with SIGKILL at a random moment
 * (uniform in 0..2 x the kill interval after its first message; for one writer in ten, after it was
 * told to start, which may catch it attaching) and replaced by a writer that was started in advance
 * and attaches at once ({@link #STANDBY_WRITERS} wait), carrying on at the published write index.
 *
 * <p>Every message is numbered by its ring index, so the reader checks each delivered message
 * against its own position: number, length and checksum ({@link MessageChecksum#check}). In OVERWRITE mode a
 * message is copied out and then validated against the slot's seqlock, as the ring's copying read
 * does; what the seqlock rejects counts as missed (and torn). After each kill the header must call
 * the old writer DEAD (or ABSENT, when it died before registering).
 *
 * <p>At the end of a slice the writer stops cleanly, the reader drains the ring, and
 * {@code received + missed + corrupt} must equal the write index: a kill loses at most the message
 * the writer was writing, which it never published (so it was never sent), and the next writer
 * writes that index again.
 */
final class RingSoak implements SoakTarget {
    /** BLOCKING uses a power of two (index by mask), OVERWRITE not (index by modulo): both paths soak. */
    static final int BLOCKING_SLOTS = 64;
    static final int OVERWRITE_SLOTS = 48;
    static final int EARLY_KILL_ONE_IN = 10;
    /** Enough that a kill rarely waits for a JVM to start, few enough not to crowd a small machine. */
    static final int STANDBY_WRITERS = 3;

    private final RingMode mode;

    RingSoak(RingMode mode) {
        this.mode = mode;
    }

    static String nameOf(RingMode mode) {
        return "ring-" + SoakTargets.lower(mode);
    }

    @Override
    public String name() {
        return nameOf(mode);
    }

    @Override
    public void runSlice(Slice slice, Tally tally) {
        int slots = mode == RingMode.BLOCKING ? BLOCKING_SLOTS : OVERWRITE_SLOTS;
        tally.note(name() + ": " + slots + " slots, messages up to " + slice.settings().messageSize()
                + " bytes, writer killed every " + slice.settings().killEvery().toMillis() + " ms on average");
        RingConfig config = RingConfig.of(slots, slice.settings().messageSize()).withMode(mode);
        Ring ring;
        try {
            ring = Ring.create(config);
        } catch (RuntimeException e) {
            tally.failed(name() + ": cannot create the ring: " + TransportSoak.describe(e));
            return;
        }
        slice.cleanup().add(ring.path());
        try (Arena arena = Arena.ofConfined();
             RingReader reader = ring.openReader(WaitStrategy.PARK);
             Run run = new Run(ring, reader, slice, tally, arena)) {
            run.stream();
        } catch (RuntimeException e) {
            tally.failed(name() + ": " + TransportSoak.describe(e));
        } finally {
            try {
                ring.unlink();
            } finally {
                ring.close();
                slice.cleanup().forget(ring.path());
            }
        }
    }

    /** One slice: the reader loop, the writer chain and the counts. */
    private final class Run implements AutoCloseable {
        private final Ring ring;
        private final RingReader reader;
        private final Slice slice;
        private final Tally tally;
        private final MessageChecksum messages = new MessageChecksum();
        private final int largest;
        private final MemorySegment copy;
        private final boolean overwrite = mode == RingMode.OVERWRITE;
        private final SplittableRandom random = new SplittableRandom();
        private ChildProcess current;
        /** Writers started in advance, waiting for {@code go}: a JVM takes about a second to start on a loaded machine. */
        private final Deque<ChildProcess> standby = new ArrayDeque<>();
        private long indexAtGo;
        private boolean killArmed;
        private long nextKill;
        private long delivered;
        private long sentCounted;
        private long missedCounted;
        private long tornCounted;

        Run(Ring ring, RingReader reader, Slice slice, Tally tally, Arena arena) {
            this.ring = ring;
            this.reader = reader;
            this.slice = slice;
            this.tally = tally;
            this.largest = slice.settings().messageSize();
            this.copy = arena.allocate(ring.config().maxPayload(), 64);
        }

        void stream() {
            current = startWriter();
            goAndArm();
            for (int i = 0; i < STANDBY_WRITERS; i++) {
                standby.add(startWriter());
            }
            long end = slice.streamUntil();
            long lastMessage = System.nanoTime();
            for (int idle = 0; !slice.stopRequested(); ) {
                long now = System.nanoTime();
                if (now - end >= 0) {
                    finish();
                    return;
                }
                if (readOne()) {
                    idle = 0;
                    lastMessage = now;
                } else {
                    WaitStrategy.PARK.idle(idle++);
                    if (now - lastMessage > SoakSettings.STALL_TIMEOUT.toNanos()) {
                        throw new IllegalStateException("no message for " + SoakSettings.STALL_TIMEOUT.toSeconds()
                                + " s at index " + reader.position() + "; " + current + " is "
                                + ring.writerStatus(SoakSettings.TIMEOUT.toNanos()) + ", " + current.exitDescription()
                                + "; see " + current.log());
                    }
                }
                if (!killArmed && ring.writeIndex() > indexAtGo) {
                    killArmed = true; // the writer is writing: its kill falls at a random moment from now
                    nextKill = now + killDelay();
                }
                if (killArmed && now - nextKill >= 0) {
                    killAndReplace();
                    lastMessage = System.nanoTime(); // the replacement may still be starting up
                }
                slice.progress().tick(tally);
            }
        }

        /**
         * Tells the current writer to start. Its kill is armed once it has published a message, so
         * kills hit a writer at work; one in {@link #EARLY_KILL_ONE_IN} is armed at once instead and
         * may catch the writer starting up or attaching.
         */
        private void goAndArm() {
            indexAtGo = ring.writeIndex();
            current.send(RingWriterMain.GO);
            killArmed = random.nextInt(EARLY_KILL_ONE_IN) == 0;
            nextKill = System.nanoTime() + killDelay();
        }

        /** Polls once; true when a message was there (checked and counted). */
        private boolean readOne() {
            int length = reader.poll();
            if (length >= 0) {
                long number = reader.position() - 1;
                MemorySegment message = reader.payload();
                boolean whole = true;
                if (overwrite) {
                    MemorySegment.copy(message, 0, copy, 0, length);
                    message = copy;
                    whole = reader.validate();
                }
                if (whole) {
                    delivered++;
                    MessageChecksum.Verdict verdict = messages.check(message, length, number, SoakSettings.lengthOf(number, largest));
                    if (verdict.intact()) {
                        tally.received();
                    } else {
                        tally.corrupt("ring index " + number + ": " + verdict + ", " + length + " bytes"
                                + (length >= 8 ? " numbered " + CheckedMessage.sequence(message) : ""));
                    }
                }
            }
            countMissedAndSent();
            return length >= 0;
        }

        private void countMissedAndSent() {
            long missed = reader.missed();
            long torn = reader.torn();
            if (missed != missedCounted) {
                tally.missed(missed - missedCounted, torn - tornCounted);
                missedCounted = missed;
                tornCounted = torn;
            }
            long sent = ring.writeIndex();
            if (sent != sentCounted) {
                tally.sent(sent - sentCounted);
                sentCounted = sent;
            }
        }

        private long killDelay() {
            return (long) (random.nextDouble() * 2 * slice.settings().killEvery().toNanos());
        }

        private void killAndReplace() {
            ChildProcess victim = current;
            boolean wasAlive = victim.isAlive();
            victim.kill();
            if (victim.awaitExit(SoakSettings.TIMEOUT).isEmpty()) {
                throw new IllegalStateException(victim + " still runs " + SoakSettings.TIMEOUT + " after SIGKILL");
            }
            slice.cleanup().forget(victim);
            if (!wasAlive) {
                throw new IllegalStateException(victim + " had exited by itself (" + victim.exitDescription()
                        + ") before its kill; see " + victim.log());
            }
            tally.kill(ring.writeIndex() == indexAtGo);
            PeerStatus status = ring.writerStatus(Long.MAX_VALUE);
            if (status != PeerStatus.DEAD && status != PeerStatus.ABSENT) {
                throw new IllegalStateException(victim + " was killed but the ring calls its writer " + status);
            }
            current = standby.removeFirst();
            goAndArm();
            standby.add(startWriter());
        }

        /** Stops the writer cleanly, then reads what is left; checks that every message is accounted for. */
        private void finish() {
            current.send(RingWriterMain.STOP);
            long deadline = System.nanoTime() + SoakSettings.TIMEOUT.toNanos();
            for (int idle = 0; current.isAlive(); ) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException(current + " did not stop within "
                            + SoakSettings.TIMEOUT.toSeconds() + " s; see " + current.log());
                }
                idle = readOne() ? 0 : idle + 1;
                WaitStrategy.PARK.idle(idle);
            }
            if (current.awaitExit(SoakSettings.TIMEOUT).orElse(-1) != 0) {
                throw new IllegalStateException(current + " ended with " + current.exitDescription()
                        + " when told to stop; see " + current.log());
            }
            long written = ring.writeIndex();
            while (reader.position() < written) {
                if (!readOne()) {
                    throw new IllegalStateException("the reader is at index " + reader.position() + " but "
                            + written + " messages were published, and no more can be read");
                }
            }
            countMissedAndSent();
            long unreported = written - delivered - reader.missed();
            if (unreported != 0) {
                tally.failed(name() + ": " + written + " published, " + delivered + " delivered, " + reader.missed()
                        + " reported missed: " + unreported + " unaccounted for");
            }
            tally.unreported(unreported);
        }

        /** A writer waiting for {@code go}; the soak's own hook stops it ({@link Cleanup}), after the slice has had its chance. */
        private ChildProcess startWriter() {
            List<String> args = List.of("--ring", ring.path().toString(), "--size", Integer.toString(slice.settings().messageSize()));
            ChildProcess writer = ChildProcess.startOwned("the ring writer", new ProcessBuilder(JavaCommand.of(RingWriterMain.class,
                    List.of("-Xmx64m", "-XX:+UseSerialGC"), args)), slice.log(name()));
            slice.cleanup().add(writer);
            return writer;
        }

        private void stopWriter(ChildProcess writer) {
            writer.close();
            slice.cleanup().forget(writer);
        }

        @Override
        public void close() {
            if (current != null) {
                stopWriter(current);
            }
            standby.forEach(this::stopWriter);
        }
    }
}
