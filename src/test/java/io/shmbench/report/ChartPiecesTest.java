package io.shmbench.report;

import io.shmbench.measure.SeriesName;
import io.shmbench.report.chart.BinaryFormat;
import io.shmbench.report.chart.ChartStyle;
import io.shmbench.report.chart.Line;
import io.shmbench.report.chart.PercentileFormat;
import io.shmbench.report.chart.SeriesStyle;
import io.shmbench.report.chart.SiFormat;
import io.shmbench.report.chart.TickedLogAxis;
import io.shmbench.report.chart.XYCharts;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Axis ticks and labels, series naming and ordering: the small parts the figures rely on. */
class ChartPiecesTest {
    @Test
    void aRangeShorterThanADecadeStillGetsValuesToReadOff() {
        TickedLogAxis axis = TickedLogAxis.decades("\u00d7 floor");
        axis.setRange(new Range(1.1, 2.6));
        assertEquals(List.of("1.5", "2"), majors(axis));
        axis.setRange(new Range(0.9, 3.5));
        assertEquals(List.of("1", "1.5", "2", "3"), majors(axis));
        axis.setRange(new Range(1, 500));
        assertEquals(List.of("1", "10", "100"), majors(axis), "three decades or more: decades only");
    }

    private static List<String> majors(TickedLogAxis axis) {
        List<?> ticks = axis.refreshTicks(null, null, null, org.jfree.chart.ui.RectangleEdge.BOTTOM);
        return ticks.stream().map(t -> (org.jfree.chart.axis.LogTick) t).filter(t -> t.getTickType() == org.jfree.chart.axis.TickType.MAJOR)
                .map(t -> text(t.getAttributedLabel())).toList();
    }

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

    @Test
    void percentileLabelsNeverTouchInOneColumnWhateverTheSampleCount() {
        for (int decades = 1; decades <= 8; decades++) { // a run's last percentile lies at about x = samples
            List<Line.Point> points = new java.util.ArrayList<>();
            for (double x = 1; x <= Math.pow(10, decades); x *= 1.5) {
                points.add(new Line.Point(x, 500 * Math.pow(x, 0.4)));
            }
            points.add(new Line.Point(Math.pow(10, decades), 500 * Math.pow(10, 0.4 * decades)));
            org.jfree.chart.JFreeChart chart = XYCharts.percentiles("Q1 round-trip latency, 64 B", "round-trip latency (ns)",
                    List.of(new Line("shm-ring \u00b7 spin", SeriesStyle.forTransport("shm-ring", 0), points)));
            java.awt.Graphics2D g2 = new java.awt.image.BufferedImage(ChartStyle.WIDTH_PT, 236,
                    java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
            org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
            chart.draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, ChartStyle.WIDTH_PT, 236), info);
            java.awt.geom.Rectangle2D area = info.getPlotInfo().getDataArea();
            TickedLogAxis axis = (TickedLogAxis) ((org.jfree.chart.plot.XYPlot) chart.getPlot()).getDomainAxis();
            double lastRight = Double.NEGATIVE_INFINITY;
            List<String> labels = new java.util.ArrayList<>();
            for (Object o : axis.refreshTicks(g2, new org.jfree.chart.axis.AxisState(), area,
                    org.jfree.chart.ui.RectangleEdge.BOTTOM)) {
                org.jfree.chart.axis.LogTick t = (org.jfree.chart.axis.LogTick) o;
                if (t.getAttributedLabel() == null) {
                    continue;
                }
                String label = text(t.getAttributedLabel());
                double width = axis.getTickLabelFont().getStringBounds(label, g2.getFontRenderContext()).getWidth();
                double at = axis.valueToJava2D(t.getValue(), area, org.jfree.chart.ui.RectangleEdge.BOTTOM);
                assertEquals(true, at - width / 2 > lastRight, decades + " decades: " + label + " touches the label before it, "
                        + labels);
                lastRight = at + width / 2;
                labels.add(label);
            }
            assertEquals(true, lastRight <= ChartStyle.WIDTH_PT, decades + " decades: the last label runs off the chart, "
                    + labels);
            assertEquals(true, labels.contains("50%") && (decades < 2 || labels.contains("99%")), labels.toString());
            assertEquals(true, decades < 6 || labels.stream().filter(l -> l.startsWith("99.9")).count() >= 2,
                    "the tail keeps labels: " + labels);
        }
    }

    @Test
    void onlyErrorBarsReachingZeroAreCutOnALogAxis() {
        Line line = new Line("a", SeriesStyle.byIndex(0), List.of(new Line.Point(1, 2e6, 6e4, 4e6),
                new Line.Point(2, 8e6, -1e6, 17e6)));
        var plot = (org.jfree.chart.plot.XYPlot) XYCharts.lines("t", TickedLogAxis.powersOfTwo("x", 4),
                TickedLogAxis.decades("y"), List.of(line)).getPlot();
        var data = (org.jfree.data.xy.IntervalXYDataset) plot.getDataset();
        assertEquals(6e4, data.getStartYValue(0, 0), "a positive low end is a real bound and stays");
        assertEquals(2e5, data.getStartYValue(0, 1), 1, "one at or below zero runs to a decade below the lowest value");
        var linear = (org.jfree.chart.plot.XYPlot) XYCharts.lines("t", TickedLogAxis.powersOfTwo("x", 4),
                new org.jfree.chart.axis.NumberAxis("y"), List.of(line)).getPlot();
        assertEquals(0, ((org.jfree.data.xy.IntervalXYDataset) linear.getDataset()).getStartYValue(0, 1), "on a linear axis, to zero");
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
    void aSeriesOfOneLargeValueStillGetsARange() {
        TickedLogAxis axis = TickedLogAxis.decades("latency (ns)");
        double oneSample = 2.490367989999991E8;
        org.jfree.data.xy.XYSeries s = new org.jfree.data.xy.XYSeries("one", false, true);
        s.add(1, oneSample);
        s.add(2, oneSample);
        new org.jfree.chart.plot.XYPlot(new org.jfree.data.xy.XYSeriesCollection(s), TickedLogAxis.percentiles("p"), axis, null);
        assertEquals(true, axis.getRange().getLength() > 0);
        assertEquals(true, axis.getRange().contains(oneSample), axis.getRange().toString());

        TickedLogAxis percentiles = TickedLogAxis.percentiles("percentile");
        percentiles.setRange(new Range(1, 1.0000000052)); // one sample: only the 0th percentile, x = 1
        assertEquals(true, percentiles.getRange().getUpperBound() > 1.5, percentiles.getRange().toString());
        percentiles.refreshTicks(null, null, null, org.jfree.chart.ui.RectangleEdge.BOTTOM);
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
        List<String> transports = io.shmbench.transport.Transports.names();
        for (String a : transports) {
            assertTrue(SeriesStyle.isKnownTransport(a), a + " (registered in Transports) has no fixed style");
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
        SeriesName k = SeriesName.of("io.shmbench.bench.Q3Slots.roundTrip", "slots=64,transport=shm-ring");
        assertEquals("Q3", k.question());
        assertEquals("Q3Slots.roundTrip", k.benchmark());
        assertEquals("roundTrip", k.method());
        SeriesName small = SeriesName.of("Q3Slots.roundTrip", Map.of("slots", "8", "transport", "shm-ring"));
        assertEquals(true, SeriesOrder.KEYS.compare(small, k) < 0, "8 slots before 64");
        assertThrows(IllegalArgumentException.class, () -> SeriesName.of("Q3Slots.roundTrip", "slots"));
        assertThrows(IllegalArgumentException.class, () -> SeriesName.of("noMethod", Map.of()));
        assertEquals("1234.5", Cells.number(1234.5));
        assertEquals("20000000", Cells.number(2e7));
        assertEquals("", Cells.number(Double.NaN));
    }
}
