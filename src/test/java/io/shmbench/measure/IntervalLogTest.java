package io.shmbench.measure;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IntervalLogTest {
    @TempDir
    Path dir;

    static List<Histogram> readAll(Path file) throws FileNotFoundException {
        HistogramLogReader reader = new HistogramLogReader(file.toFile());
        List<Histogram> intervals = new ArrayList<>();
        for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; ) {
            intervals.add((Histogram) h);
        }
        reader.close();
        return intervals;
    }

    private static Histogram histogramOf(long... values) {
        Histogram h = new Histogram(3);
        for (long v : values) {
            h.recordValue(v);
        }
        return h;
    }

    @Test
    void writersTakingTurnsShareOneHeaderAndKeepAbsoluteTimes() throws Exception {
        Path file = dir.resolve("Q1X.m@.hlog");
        long t0 = 1_795_000_000_000L;
        IntervalLog firstFork = new IntervalLog(file);
        firstFork.comment("fork 1");
        firstFork.append(histogramOf(100, 200), t0, t0 + 100, IntervalLog.WARMUP);
        firstFork.append(histogramOf(300), t0 + 100, t0 + 200, IntervalLog.MEASUREMENT);
        IntervalLog secondFork = new IntervalLog(file);
        secondFork.append(histogramOf(400, 500, 600), t0 + 5_000, t0 + 5_100, IntervalLog.MEASUREMENT);

        List<Histogram> intervals = readAll(file);

        assertEquals(List.of("warmup", "measurement", "measurement"), intervals.stream().map(Histogram::getTag).toList());
        assertEquals(List.of(2L, 1L, 3L), intervals.stream().map(Histogram::getTotalCount).toList());
        assertEquals(t0 + 5_000, intervals.get(2).getStartTimeStamp(), "absolute time survives the second writer");
        assertEquals(600, intervals.get(2).getMaxValue(), 1);
        String text = Files.readString(file);
        assertEquals(1, text.lines().filter(line -> line.startsWith("#[StartTime:")).count(), "one header for the whole file");
    }

    @Test
    void refusesMultiLineComments() {
        assertThrows(IllegalArgumentException.class, () -> new IntervalLog(dir.resolve("x.y@.hlog")).comment("a\nb"));
    }
}
