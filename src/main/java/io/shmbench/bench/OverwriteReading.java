package io.shmbench.bench;

import io.shmbench.ipc.ChannelException;
import io.shmbench.message.CheckedMessage;
import io.shmbench.ring.LapPolicy;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingMode;
import io.shmbench.ring.RingReader;
import io.shmbench.ring.RingTimeoutException;
import io.shmbench.ring.RingWriter;
import io.shmbench.ring.SlotRelease;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Optional;

/**
 * An OVERWRITE ring written by a {@link RingPeerRole#PACED_WRITER} peer at rate W and read here at
 * rate R, the telemetry channel of docs/THEORY.md: the writer never waits; the reader wakes every
 * {@code 1/R}, takes everything new, and counts what the writer overwrote before it came. Each
 * {@link #trial} is one writer/reader rate ratio W/R; it gives one {@link OverwriteLoss} row.
 * Both sides keep to an absolute schedule ({@link Pacer}), so lateness (of a process the machine
 * did not run in time) is not hidden by a schedule that slips.
 *
 * <p>As a JMH state, one {@link #sweep} per invocation: a trial per ratio of {@link #RATE_RATIOS},
 * on the benchmark's {@link RingVariant} switched to OVERWRITE; rows of measurement iterations go
 * to {@code raw/q3_overwrite_loss.csv} ({@link OverwriteLossLog}), warm-up iterations run shorter
 * trials and write nothing.
 *
 * <p>{@link #lapPolicy}: where the reader resumes once the writer has lapped it ({@link LapPolicy});
 * a reader that takes everything at each wake-up loses least by resuming at the oldest message
 * still there, one that wants the freshest value gives those up for the newest. The policy is a
 * column of each row.
 */
@State(Scope.Thread)
public class OverwriteReading extends RingTrial {
    /** The writer/reader rate ratios W/R of a sweep. */
    static final List<Double> RATE_RATIOS = List.of(1.0, 1.25, 2.0, 4.0);
    /** The reader's period: R = 500 reads per second, slow enough to keep to on a loaded machine. */
    static final long READ_PERIOD_NANOS = 2_000_000;
    /** Reads per measured trial (a quarter of a second); a warm-up trial makes a fifth of them. */
    static final long TRIAL_READS = 125;
    /** Commands to the writer: one at a time. */
    private static final int COMMAND_SLOTS = 2;

    /** Where the lapped reader resumes; a parameter of {@code Q3Slots.overwriteLoss} only (declared on this state). */
    @Param({"NEWEST", "OLDEST"})
    public LapPolicy lapPolicy = LapPolicy.DEFAULT;

    private final Optional<OverwriteLossLog> log = OverwriteLossLog.current();
    private int slots;
    private RingWriter commands;
    private RingReader reader;
    private boolean measuring;

    @Setup(Level.Trial)
    public void start(BenchmarkParams benchmark) {
        RingVariant variant = RingVariant.of(benchmark);
        open(variant.config(), variant.messageBytes(), TrialOutcome.of(benchmark));
    }

    @Setup(Level.Iteration)
    public void iteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
    }

    /** A trial per rate ratio; rows are written in measurement iterations only. */
    void sweep() {
        for (double ratio : RATE_RATIOS) {
            trial(ratio, measuring ? TRIAL_READS : TRIAL_READS / 5).filter(row -> measuring).ifPresent(row -> {
                System.err.println("Q3 overwrite: " + row);
                log.ifPresent(l -> l.append(row));
            });
        }
    }

    /** Starts a paced writer on an OVERWRITE ring of {@code slots} (the rest of {@code config} as given). */
    final void open(RingConfig config, int messageBytes, TrialOutcome outcome) {
        RingConfig overwrite = config.withMode(RingMode.OVERWRITE);
        // An OVERWRITE reader only reads (SlotRelease): KEEP for this side, and for the peer's command reader as well.
        open(RingPeerRole.PACED_WRITER, RingConfig.of(COMMAND_SLOTS, PacedRun.SIZE), overwrite, messageBytes,
                new RingPeer.Readers(lapPolicy, SlotRelease.KEEP), outcome);
        slots = overwrite.slotCount();
        commands = peer.writer();
        reader = peer.reader();
    }

    /**
     * One trial: the writer publishes {@code reads * rateRatio} messages at period
     * {@code READ_PERIOD_NANOS / rateRatio}, the reader reads every {@code READ_PERIOD_NANOS} until
     * it has seen or missed all of them. Empty once the trial is stopped (see {@link TrialOutcome}).
     */
    final Optional<OverwriteLoss> trial(double rateRatio, long reads) {
        if (outcome.stopped()) {
            return Optional.empty();
        }
        try {
            long written = Math.round(reads * rateRatio);
            long first = reader.position();
            long end = first + written;
            long missedBefore = reader.missed();
            LossTally tally = new LossTally();
            new PacedRun(written, Math.round(READ_PERIOD_NANOS / rateRatio)).write(commands.claim(timeoutNanos));
            commands.commit(PacedRun.SIZE);
            long start = System.nanoTime();
            long deadline = start + 2 * reads * READ_PERIOD_NANOS + timeoutNanos;
            for (long tick = 1; reader.position() < end; tick++) {
                Pacer.waitUntil(start + tick * READ_PERIOD_NANOS);
                drain(tally);
                if (System.nanoTime() - deadline > 0) {
                    throw new RingTimeoutException("the paced writer published " + (reader.position() - first) + " of " + written
                            + " messages in time on " + slots + " slots");
                }
            }
            outcome.checked(tally.delivered(), tally.corrupt());
            return Optional.of(tally.row(slots, rateRatio, lapPolicy, written, reader.missed() - missedBefore));
        } catch (ChannelException e) {
            stop(e);
            return Optional.empty();
        }
    }

    /** Takes everything new: checks each message in full, then its seqlock; a torn one counts as missed. */
    private void drain(LossTally tally) {
        int length;
        while ((length = reader.poll()) >= 0) {
            long now = System.nanoTime();
            MemorySegment payload = reader.payload();
            boolean right = CheckedMessage.verify(payload, reader.position() - 1, length, messageBytes);
            long stamp = CheckedMessage.stamp(payload);
            if (reader.validate()) {
                tally.delivered(right, now - stamp);
            }
        }
    }
}
