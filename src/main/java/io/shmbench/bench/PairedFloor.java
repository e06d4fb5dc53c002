package io.shmbench.bench;

import io.shmbench.measure.FloorBlockFile;
import io.shmbench.measure.IntervalLog;
import io.shmbench.measure.LatencyRecorder;
import io.shmbench.measure.RawCsvFile;
import io.shmbench.measure.RoundsFile;
import io.shmbench.measure.RunDirectory;
import io.shmbench.measure.SeriesName;
import io.shmbench.transport.Channel;
import io.shmbench.transport.FloorSchedule;
import io.shmbench.transport.SamePairFloor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * This side of a round-trip series that takes turns with its same-pair floor
 * ({@link SamePairFloor}): after every {@code seriesBlock} round trips of the series the benchmark
 * hands over ({@link #afterSeries}), and a block of floor round trips runs at once, with the same two
 * processes. The floor's round trips go to {@code raw/floor/<series>.hlog}, one interval per JMH
 * iteration like the series' own; each whole pair of blocks of a measurement iteration becomes a row
 * of {@code raw/blocks/<series>.csv} ({@link FloorBlockFile}) with the median of each block, from
 * which the reporter reads the series as a multiple of the floor measured beside it.
 *
 * <p>The floor block runs inside the benchmark call that completed the series block, so JMH's own
 * score of a paired round-trip benchmark includes the floor's time: read the {@code .hlog} files.
 * Outside a run (no run directory) everything is measured and nothing is written.
 */
final class PairedFloor implements AutoCloseable {
    /**
     * Plain round trips before the schedule: the code on both sides warms up, and the median of the
     * last quarter sizes the blocks. Enough for the JIT to compile the round trip on both sides
     * (some 10,000 calls for C2): sized from the interpreter's round trips, the blocks came out a
     * fifth of their intended length, and the floor took more of the time than the series.
     */
    static final int PRIME_ROUND_TRIPS = 20_000;

    /** The series under test, as the pairing needs it. */
    interface Series {
        /** One round trip of the series, checked as the benchmark checks it; returns its nanoseconds. */
        long roundTrip();

        /** Sends the {@link FloorSchedule#SIZE}-byte schedule message through the series and checks its echo. */
        void exchange(FloorSchedule schedule);
    }

    private final SeriesName series;
    private final Channel floor;
    private final FloorSchedule schedule;
    private final LatencyRecorder floorLatency = new LatencyRecorder();
    private final Optional<RawCsvFile> blockFile;
    private final long[] seriesBlock;
    private final long[] floorBlock;
    private int inBlock;
    /** False while the block under way began before the current iteration: it is not written. */
    private boolean blockWhole;
    private boolean measuring;
    private int measurementIterations;
    private long[] seriesMedians = new long[4096];
    private long[] floorMedians = new long[4096];
    private int blocks;

    private PairedFloor(SeriesName series, Channel floor, FloorSchedule schedule, Optional<RunDirectory> run) {
        this.series = series;
        this.floor = floor;
        this.schedule = schedule;
        this.seriesBlock = new long[schedule.seriesBlock()];
        this.floorBlock = new long[schedule.floorBlock()];
        this.blockFile = run.map(r -> new RawCsvFile(createParent(r.blocks(series)), FloorBlockFile.COLUMNS));
        run.ifPresent(r -> floorLatency.open(createParent(r.floorHlog(series)),
                "fork pid " + ProcessHandle.current().pid() + ": same-pair floor of " + series + ", " + schedule));
    }

    /**
     * Primes the series with {@link #PRIME_ROUND_TRIPS} round trips, chooses the schedule from their
     * median and agrees on it with the peer (started with {@code PeerTask.echoWithFloor(PRIME_ROUND_TRIPS)}
     * or its ring equivalent).
     *
     * @param floor this side of the same-pair floor, its peer's ready message already received
     */
    static PairedFloor start(SeriesName series, Channel floor, Series side) {
        long[] primed = new long[PRIME_ROUND_TRIPS];
        for (int i = 0; i < primed.length; i++) {
            primed[i] = side.roundTrip();
        }
        // The last quarter only: the first round trips run in the interpreter on both sides.
        long[] warm = Arrays.copyOfRange(primed, primed.length - primed.length / 4, primed.length);
        FloorSchedule schedule = FloorSchedule.forRoundTrip(lowerMedian(warm, warm.length));
        side.exchange(schedule);
        return new PairedFloor(series, floor, schedule, RunDirectory.current());
    }

    FloorSchedule schedule() {
        return schedule;
    }

    /** At the start of a JMH iteration ({@code @Setup(Level.Iteration)} of the benchmark's state). */
    void startIteration(String tag) {
        measuring = IntervalLog.MEASUREMENT.equals(tag);
        if (measuring) {
            measurementIterations++;
        }
        blocks = 0;
        blockWhole = inBlock == 0;
        floorLatency.startInterval(tag);
    }

    /**
     * After each round trip of the series, with its nanoseconds: completes a series block every
     * {@code seriesBlock} calls, and then runs the floor's block.
     *
     * @throws io.shmbench.ipc.ChannelException when the floor times out or the peer is gone
     */
    void afterSeries(long nanos) {
        seriesBlock[inBlock++] = nanos;
        if (inBlock == seriesBlock.length) {
            runFloorBlock();
            inBlock = 0;
        }
    }

    private void runFloorBlock() {
        MemorySegment none = MemorySegment.NULL;
        for (int i = 0; i < floorBlock.length; i++) {
            long start = System.nanoTime();
            floor.send(none, 0);
            floor.receive(none);
            long nanos = System.nanoTime() - start;
            floorLatency.record(nanos);
            floorBlock[i] = nanos;
        }
        if (blockWhole && measuring) {
            keep(lowerMedian(seriesBlock, seriesBlock.length), lowerMedian(floorBlock, floorBlock.length));
        }
        blockWhole = true;
    }

    private void keep(long seriesMedian, long floorMedian) {
        if (blocks == seriesMedians.length) {
            seriesMedians = Arrays.copyOf(seriesMedians, blocks * 2);
            floorMedians = Arrays.copyOf(floorMedians, blocks * 2);
        }
        seriesMedians[blocks] = seriesMedian;
        floorMedians[blocks] = floorMedian;
        blocks++;
    }

    /** At the end of a JMH iteration: logs the floor's interval and writes the iteration's blocks. */
    void endIteration() {
        floorLatency.endInterval();
        if (measuring && blocks > 0) {
            blockFile.ifPresent(file -> file.append(rows()));
        }
    }

    /** The whole blocks of the current iteration, as rows of {@link FloorBlockFile}. */
    List<List<Object>> rows() {
        long fork = ProcessHandle.current().pid();
        int round = RoundsFile.currentRound();
        List<List<Object>> rows = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            rows.add(List.of(round, fork, measurementIterations, b + 1, seriesBlock.length, seriesMedians[b],
                    floorBlock.length, floorMedians[b]));
        }
        return rows;
    }

    @Override
    public void close() {
        floorLatency.closeLog();
    }

    /** The lower median of the first {@code count} values (sorts them in place). */
    static long lowerMedian(long[] values, int count) {
        Arrays.sort(values, 0, count);
        return values[(count - 1) / 2];
    }

    private static Path createParent(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "PairedFloor[" + series + ", " + schedule + "]";
    }
}
