package io.shmbench.bench;

import io.shmbench.measure.FloorBlockFile;
import io.shmbench.measure.IntervalLog;
import io.shmbench.measure.SeriesName;
import io.shmbench.transport.Channel;
import io.shmbench.transport.FloorSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accounting of a series that takes turns with its same-pair floor, against a series and a
 * floor that only record what is done to them, in one process: the order of the turns, the
 * schedule chosen from the priming round trips, which blocks are written and with which medians.
 * (The same protocol across real processes is in Q1TransportsTest and Q6PlacementTest.)
 */
class PairedFloorTest {
    private static final SeriesName SERIES = SeriesName.of("io.shmbench.bench.Q1Transports.roundTrip",
            Map.of("transport", "uds", "messageBytes", "64"));

    @RegisterExtension
    final RunDirectoryFixture run = new RunDirectoryFixture();

    /** What both sides saw, in order: 'S' a series round trip, 'F' a floor round trip. */
    private final StringBuilder turns = new StringBuilder();

    /** A series whose round trips take {@code nanos} each (as far as the pairing is told). */
    private final class FakeSeries implements PairedFloor.Series {
        long nanos;
        FloorSchedule agreed;

        FakeSeries(long nanos) {
            this.nanos = nanos;
        }

        @Override
        public long roundTrip() {
            turns.append('S');
            return nanos;
        }

        @Override
        public void exchange(FloorSchedule schedule) {
            agreed = schedule;
        }
    }

    /** The floor's channel: every receive completes a floor round trip. */
    private final class FakeFloor implements Channel {
        int sends;

        @Override
        public String transport() {
            return "floor";
        }

        @Override
        public int maxMessageSize() {
            return 0;
        }

        @Override
        public void send(MemorySegment message, int length) {
            sends++;
        }

        @Override
        public int receive(MemorySegment buffer) {
            assertEquals(sends, turns.chars().filter(c -> c == 'F').count() + 1, "receive follows its own send");
            turns.append('F');
            return 0;
        }

        @Override
        public void close() {
        }
    }

    /** The benchmark's side of the turns: a series round trip, then the hand-over. */
    private static void roundTrips(PairedFloor paired, FakeSeries series, int count) {
        for (int i = 0; i < count; i++) {
            paired.afterSeries(series.roundTrip());
        }
    }

    @Test
    void theScheduleComesFromTheWarmLastQuarterOfThePrimingRoundTrips() {
        FakeSeries series = new FakeSeries(1_000);
        PairedFloor paired = PairedFloor.start(SERIES, new FakeFloor(), new PairedFloor.Series() {
            int done;

            @Override
            public long roundTrip() {
                // The cold first three quarters are 100x slower: they must not shrink the blocks.
                return done++ < PairedFloor.PRIME_ROUND_TRIPS * 3 / 4 ? 100_000 : series.roundTrip();
            }

            @Override
            public void exchange(FloorSchedule schedule) {
                series.exchange(schedule);
            }
        });
        assertEquals(new FloorSchedule(100, FloorSchedule.FLOOR_BLOCK), paired.schedule(), "100 us / 1 us per round trip");
        assertEquals(paired.schedule(), series.agreed, "the peer is told the same schedule");
        paired.close();
    }

    @Test
    void blocksAreBoundedWhateverTheRoundTripTakes() {
        assertEquals(FloorSchedule.MAX_SERIES_BLOCK, FloorSchedule.forRoundTrip(1).seriesBlock());
        assertEquals(FloorSchedule.MIN_SERIES_BLOCK, FloorSchedule.forRoundTrip(1_000_000).seriesBlock());
        assertEquals(FloorSchedule.MAX_SERIES_BLOCK, FloorSchedule.forRoundTrip(0).seriesBlock(), "faster than the clock");
    }

    @Test
    void aFloorBlockFollowsEverySeriesBlockInOrder() {
        FakeSeries series = new FakeSeries(5_000); // 20 per block
        PairedFloor paired = PairedFloor.start(SERIES, new FakeFloor(), series);
        turns.setLength(0);
        int k = paired.schedule().seriesBlock();
        int f = paired.schedule().floorBlock();
        paired.startIteration(IntervalLog.MEASUREMENT);
        roundTrips(paired, series, 3 * k + 5);
        String block = "S".repeat(k) + "F".repeat(f);
        assertEquals(block.repeat(3) + "S".repeat(5), turns.toString());
        paired.close();
    }

    @Test
    void onlyWholeBlocksOfMeasurementIterationsAreWrittenWithTheirMedians() throws Exception {
        FakeSeries series = new FakeSeries(5_000);
        PairedFloor paired = PairedFloor.start(SERIES, new FakeFloor(), series);
        int k = paired.schedule().seriesBlock();

        paired.startIteration(IntervalLog.WARMUP);
        roundTrips(paired, series, 2 * k + k / 2); // ends mid-block
        paired.endIteration();
        assertFalse(Files.exists(run.blocks(SERIES)), "warm-up blocks are not written");

        paired.startIteration(IntervalLog.MEASUREMENT);
        roundTrips(paired, series, k / 2); // completes the block begun in warm-up: not written
        List<Long> medians = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            series.nanos = 1_000 * (b + 2);
            roundTrips(paired, series, k);
            medians.add(series.nanos);
        }
        paired.endIteration();
        paired.close();

        List<FloorBlockRow> rows = FloorBlockRow.read(run.blocks(SERIES));
        assertEquals(3, rows.size(), "the three whole blocks of the measurement iteration");
        for (int b = 0; b < 3; b++) {
            FloorBlockRow row = rows.get(b);
            assertEquals(b + 1, row.block());
            assertEquals(1, row.iteration(), "the first measurement iteration");
            assertEquals(1, row.round());
            assertEquals(ProcessHandle.current().pid(), row.fork());
            assertEquals(k, row.seriesRoundTrips());
            assertEquals(FloorSchedule.FLOOR_BLOCK, row.floorRoundTrips());
            assertEquals(medians.get(b), row.seriesP50Ns());
            assertTrue(row.floorP50Ns() >= 0);
        }
        assertTrue(Files.size(run.floorHlog(SERIES)) > 0, "the floor's intervals are logged");
        assertEquals(FloorBlockFile.COLUMNS.size(), 8);
    }

    @Test
    void theLowerMedianOfAnEvenCountIsTheSmallerMiddleValue() {
        assertEquals(2, PairedFloor.lowerMedian(new long[]{4, 1, 3, 2}, 4));
        assertEquals(3, PairedFloor.lowerMedian(new long[]{5, 1, 3, 2, 4}, 5));
        assertEquals(7, PairedFloor.lowerMedian(new long[]{7, 9, 9}, 1), "only the first count values");
    }

    @Test
    void aScheduleMessageOfTheWrongSizeOrRangeIsAProtocolError() {
        MemorySegment message = MemorySegment.ofArray(new byte[FloorSchedule.SIZE]);
        new FloorSchedule(100, 256).write(message);
        assertEquals(new FloorSchedule(100, 256), FloorSchedule.read(message, FloorSchedule.SIZE));
        assertTrue(assertThrows(IllegalStateException.class, () -> FloorSchedule.read(message, 64)).getMessage()
                .contains("priming count"));
        new FloorSchedule(100, 256).write(message);
        message.set(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, 0, 0);
        assertTrue(assertThrows(IllegalStateException.class, () -> FloorSchedule.read(message, FloorSchedule.SIZE)).getMessage()
                .contains("malformed"));
    }
}
