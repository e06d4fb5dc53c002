package io.shmbench.measure;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyRecorderTest {
    @TempDir
    Path dir;

    @Test
    void logsOneTaggedIntervalPerIterationWithOnlyThatIterationsValues() throws Exception {
        Path file = dir.resolve("Q0RecordingCost.timestampsAndRecord@.hlog");
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.open(file, "test");
        String[] tags = {IntervalLog.WARMUP, IntervalLog.WARMUP, IntervalLog.MEASUREMENT, IntervalLog.MEASUREMENT,
                IntervalLog.MEASUREMENT};
        for (int i = 0; i < tags.length; i++) {
            recorder.startInterval(tags[i]);
            for (int op = 0; op <= i; op++) {
                recorder.record(1000L * (i + 1));
            }
            recorder.endInterval();
        }
        recorder.closeLog();

        List<Histogram> intervals = IntervalLogTest.readAll(file);

        assertEquals(List.of(tags), intervals.stream().map(Histogram::getTag).toList());
        for (int i = 0; i < tags.length; i++) {
            assertEquals(i + 1, intervals.get(i).getTotalCount(), "interval " + i + " holds only its own operations");
            assertEquals(1000.0 * (i + 1), intervals.get(i).getMean(), 1000.0 * (i + 1) / 500);
        }
    }

    @Test
    void keepsValuesFarBeyondTheUsualRange() throws Exception {
        Path file = dir.resolve("A.m@.hlog");
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.open(file, "test");
        recorder.startInterval(IntervalLog.MEASUREMENT);
        recorder.record(20);
        recorder.record(3_600_000_000_000L); // an hour: a hung operation is a value, not an exception
        recorder.endInterval();
        recorder.closeLog();

        Histogram interval = IntervalLogTest.readAll(file).getFirst();
        assertEquals(2, interval.getTotalCount());
        assertEquals(3_600_000_000_000L, interval.getMaxValue(), 3_600_000_000_000L / 500);
    }

    @Test
    void writesNothingUntilAnIntervalEnds() throws Exception {
        Path file = dir.resolve("A.m@transport=uds.hlog");
        LatencyRecorder failedInSetup = new LatencyRecorder();
        failedInSetup.open(file, "fork pid 1: a benchmark whose set-up failed");
        failedInSetup.closeLog();
        assertFalse(java.nio.file.Files.exists(file), "no interval, no file");

        LatencyRecorder recorder = new LatencyRecorder();
        recorder.open(file, "fork pid 2");
        recorder.startInterval(IntervalLog.MEASUREMENT);
        recorder.record(5);
        recorder.endInterval();
        recorder.closeLog();
        String text = java.nio.file.Files.readString(file);
        assertTrue(text.contains("#fork pid 2"), text);
        assertFalse(text.contains("fork pid 1"), text);
        assertEquals(1, IntervalLogTest.readAll(file).size());
    }

    @Test
    void refusesASecondRecorderOnTheSameSeriesUntilTheFirstCloses() {
        Path file = dir.resolve("A.m@.hlog");
        LatencyRecorder first = new LatencyRecorder();
        first.open(file, "first");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new LatencyRecorder().open(file, "second"));
        assertFalse(e.getMessage().isEmpty());
        first.closeLog();
        LatencyRecorder second = new LatencyRecorder();
        second.open(file, "second");
        second.closeLog();
    }
}
