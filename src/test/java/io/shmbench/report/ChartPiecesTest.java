package io.shmbench.report;

import io.shmbench.report.chart.BinaryFormat;
import io.shmbench.report.chart.PercentileFormat;
import io.shmbench.report.chart.SeriesStyle;
import io.shmbench.report.chart.SiFormat;
import io.shmbench.report.chart.TickedLogAxis;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Axis ticks and labels, series naming and ordering: the small parts the figures rely on. */
class ChartPiecesTest {
    @Test
    void percentileAxisIsLabelledLikeHdrHistogramPlots() {
        PercentileFormat f = new PercentileFormat();
        assertEquals("50%", f.format(PercentileFormat.position(50)));
        assertEquals("90%", f.format(PercentileFormat.position(90)));
        assertEquals("99%", f.format(100));
        assertEquals("99.9%", f.format(1000));
        assertEquals("99.99%", f.format(10000));
        TickedLogAxis axis = TickedLogAxis.percentiles("percentile");
        axis.setRange(new Range(1, 20000));
        List<?> ticks = axis.refreshTicks(null, null, null, org.jfree.chart.ui.RectangleEdge.BOTTOM);
        assertEquals(List.of("50%", "90%", "99%", "99.9%", "99.99%"),
                ticks.stream().map(t -> text(((org.jfree.chart.axis.LogTick) t).getAttributedLabel())).toList());
    }

    private static String text(java.text.AttributedString s) {
        StringBuilder b = new StringBuilder();
        var it = s.getIterator();
        for (char c = it.first(); c != java.text.CharacterIterator.DONE; c = it.next()) {
            b.append(c);
        }
        return b.toString();
    }

    @Test
    void numbersOnTicksAreShort() {
        assertEquals("500", new SiFormat().format(500));
        assertEquals("1k", new SiFormat().format(1000));
        assertEquals("2.5M", new SiFormat().format(2_500_000));
        assertEquals("64K", new BinaryFormat().format(65536));
        assertEquals("2880", new BinaryFormat().format(2880));
    }

    @Test
    void decadeAxisAddsTwoAndFiveOnShortRanges() {
        TickedLogAxis axis = TickedLogAxis.decades("x");
        axis.setRange(new Range(0.9, 30));
        List<?> ticks = axis.refreshTicks(null, null, null, org.jfree.chart.ui.RectangleEdge.LEFT);
        List<Double> major = ticks.stream().map(t -> (org.jfree.chart.axis.ValueTick) t)
                .filter(t -> t.getTickType() == org.jfree.chart.axis.TickType.MAJOR).map(t -> t.getValue()).toList();
        assertEquals(List.of(1.0, 2.0, 5.0, 10.0, 20.0), major);
    }

    @Test
    void everyKnownTransportHasItsOwnStyle() {
        List<String> transports = List.of("floor", "shm-ring", "agrona", "chronicle-queue", "chronicle-style", "uds",
                "tcp", "pipe", "fifo", "mq");
        for (String a : transports) {
            for (String b : transports) {
                if (!a.equals(b)) {
                    SeriesStyle x = SeriesStyle.forTransport(a, 0);
                    SeriesStyle y = SeriesStyle.forTransport(b, 0);
                    boolean same = x.colour().equals(y.colour()) && x.shape().equals(y.shape())
                            && java.util.Arrays.equals(x.dash(), y.dash());
                    assertEquals(false, same, a + " and " + b + " must look different");
                }
            }
        }
        assertEquals(SeriesStyle.forTransport("shm-ring", 3).colour(), SeriesStyle.forTransport("SHM-RING", 7).colour());
        assertNotEquals(SeriesStyle.byIndex(0).colour(), SeriesStyle.byIndex(1).colour());
    }

    @Test
    void seriesKeysParseAndOrderNumerically() {
        SeriesKey k = SeriesKey.of("io.shmbench.bench.Q3Slots.roundTrip", SeriesKey.parseParams("slots=64,transport=shm-ring"));
        assertEquals("Q3", k.question());
        assertEquals("Q3Slots.roundTrip", k.benchmark());
        assertEquals("roundTrip", k.method());
        SeriesKey small = SeriesKey.of("Q3Slots.roundTrip", Map.of("slots", "8", "transport", "shm-ring"));
        assertEquals(true, SeriesOrder.KEYS.compare(small, k) < 0, "8 slots before 64");
        assertThrows(IllegalArgumentException.class, () -> SeriesKey.parseParams("slots"));
        assertThrows(IllegalArgumentException.class, () -> SeriesKey.of("noMethod", Map.of()));
        assertEquals("1234.5", Cells.number(1234.5));
        assertEquals("20000000", Cells.number(2e7));
        assertEquals("", Cells.number(Double.NaN));
    }
}
