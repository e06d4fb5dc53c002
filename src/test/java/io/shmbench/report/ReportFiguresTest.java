package io.shmbench.report;

import io.shmbench.report.chart.Figure;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every figure of a fixture run exists as PNG, SVG and PDF, holds the expected series and keeps its text as text. */
class ReportFiguresTest {
    /** The figures the standard fixture must produce (one per question's data shape). */
    static final Set<String> EXPECTED = Set.of(
            "q1_roundTrip_percentiles_64B", "q1_roundTrip_percentiles_2048B", "q1_stream_throughput_msgs",
            "q1_stream_throughput_bytes", "q1_stream_cpu_64B", "q1_stream_cpu_2048B", "q1_roundTrip_floor_multiple_64B",
            "q2_roundTrip_latency_64B_shm-ring", "q2_stream_throughput_64B_shm-ring",
            "q3_roundTrip_latency_vs_slots", "q3_stream_throughput_vs_slots", "q3_loss_fraction_vs_slots",
            "q3_staleness_vs_slots", "q4_stream_throughput_shm-ring", "q4_roundTrip_latency_shm-ring",
            "q5_write_latency_p50", "q6_roundTrip_latency_p50", "q6_roundTrip_latency_p99", "q6_stream_throughput",
            "q6_core_matrix_p50", "q6_core_matrix_p99", "q7_detection_time", "q7_loss_counts", "q0_recording_cost",
            "q1_ring_side_alone");

    @TempDir
    static Path dir;
    static FixtureRun fixture;
    static ReportFixture report;

    @BeforeAll
    static void run() throws Exception {
        fixture = FixtureRun.standard(dir);
        report = ReportFixture.report(fixture);
    }

    private static Figure figure(String id) {
        return report.figure(id);
    }

    @Test
    void everyExpectedFigureIsMade() {
        Set<String> made = report.result.figures().figures().stream().map(Figure::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(EXPECTED), made);
        assertTrue(report.result.figures().skipped().isEmpty(), report.result.figures().skipped().toString());
    }

    @Test
    void pngDecodesAtThreeTimesThePointSize() throws Exception {
        FigureChecks.png(report.result.figures().figures(), fixture.plotsDir);
    }

    @Test
    void svgIsXmlWithTheSeriesNamesAsText() throws Exception {
        FigureChecks.svg(report.result.figures().figures(), fixture.plotsDir);
    }

    @Test
    void pdfOpensWithPdfBoxAndKeepsTextAsText() throws Exception {
        FigureChecks.pdf(report.result.figures().figures(), fixture.plotsDir);
    }

    @Test
    void chartDatasetsHoldTheExpectedSeries() {
        XYPlot q1 = (XYPlot) figure("q1_roundTrip_percentiles_64B").chart().getPlot();
        Set<String> transports = new TreeSet<>();
        for (int i = 0; i < q1.getDataset().getSeriesCount(); i++) {
            transports.add(q1.getDataset().getSeriesKey(i).toString());
        }
        assertEquals(new TreeSet<>(FixtureRun.Q1_TRANSPORTS), transports);

        XYPlot loss = (XYPlot) figure("q3_loss_fraction_vs_slots").chart().getPlot();
        assertEquals(8, loss.getDataset().getSeriesCount(), "four rate ratios measured, and the rule's line for each");
        assertEquals("W/R = 1.25", loss.getDataset().getSeriesKey(1).toString());
        assertEquals(5, loss.getDataset().getItemCount(0), "one point per slot count");

        CategoryPlot q5 = (CategoryPlot) figure("q5_write_latency_p50").chart().getPlot();
        assertEquals(List.of("AoS", "SoA", "hybrid"), q5.getDataset().getRowKeys());
        assertEquals(List.of("16", "64", "256"), q5.getDataset().getColumnKeys());
    }

    @Test
    void expectationsAreDrawnBesideTheMeasurementsAndSaidToBeExpectations() {
        XYPlot loss = (XYPlot) figure("q3_loss_fraction_vs_slots").chart().getPlot();
        int rule = loss.getDataset().indexOf("rule, W/R = 4");
        assertTrue(rule >= 0, "the sizing rule's line for W/R = 4");
        List<Double> xs = new java.util.ArrayList<>();
        for (int i = 0; i < loss.getDataset().getItemCount(rule); i++) {
            double slots = loss.getDataset().getXValue(rule, i);
            xs.add(slots);
            assertEquals(Math.max(0, 1 - slots / 4), loss.getDataset().getYValue(rule, i), 1e-12, "at " + slots + " slots");
        }
        assertTrue(xs.contains(1.0) && xs.contains(4.0), "from the first slot count, with its corner at W/R: " + xs);
        assertTrue(figure("q3_loss_fraction_vs_slots").caption().contains("prediction"));

        XYPlot q1 = (XYPlot) figure("q1_roundTrip_percentiles_64B").chart().getPlot();
        List<String> lines = q1.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).stream()
                .map(m -> ((org.jfree.chart.plot.ValueMarker) m).getLabel()).sorted().toList();
        assertEquals(List.of("expected: pipe ~20 \u00b5s", "expected: shared memory ~200 ns", "expected: socket ~10 \u00b5s"),
                lines, "a round trip is two one-way latencies; no line for mq, which has no series here (only a failure)");
        assertTrue(figure("q1_roundTrip_percentiles_64B").caption().contains("not measured"));
        Map<String, org.jfree.chart.ui.RectangleAnchor> sides = new TreeMap<>();
        q1.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).forEach(m -> sides.put(((org.jfree.chart.plot.ValueMarker) m).getLabel(),
                ((org.jfree.chart.plot.ValueMarker) m).getLabelAnchor()));
        assertEquals(org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT, sides.get("expected: shared memory ~200 ns"));
        assertEquals(org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT, sides.get("expected: socket ~10 \u00b5s"));
        assertEquals(org.jfree.chart.ui.RectangleAnchor.BOTTOM_LEFT, sides.get("expected: pipe ~20 \u00b5s"),
                "2x above the socket's line: its label would overlap that one on the right");

        XYPlot side = (XYPlot) figure("q1_ring_side_alone").chart().getPlot();
        int expected = side.getDataset().getSeriesCount() - 1;
        assertTrue(side.getDataset().getSeriesKey(expected).toString().startsWith("expected at 2048 B"));
        assertEquals(2048, side.getDataset().getXValue(expected, 0));
        assertEquals(List.of(130.0, 120.0), List.of(side.getDataset().getYValue(expected, 0), side.getDataset().getYValue(expected, 1)));
        assertEquals(150, side.getDataset().getYValue(0, 0), 1e-9, "the measured write: 0.15 us/op");
    }

    @Test
    @SuppressWarnings("unchecked") // JFreeChart's datasets return raw lists
    void failedAndUnsafeVariantsAreMarkedNotDropped() {
        CategoryPlot q2 = (CategoryPlot) figure("q2_roundTrip_latency_64B_shm-ring").chart().getPlot();
        List<String> categories = q2.getDataset().getColumnKeys().stream().map(Object::toString).toList();
        assertEquals("PLAIN \u2020\n\u2717 timed out", categories.get(0), "a hung variant keeps its place, marked");
        assertEquals("OPAQUE \u2020\n\u2717 3 corrupt", categories.get(1));
        assertEquals(List.of("RELEASE_ACQUIRE", "VOLATILE", "FENCED"), categories.subList(2, 5));
        assertEquals(null, q2.getDataset().getValue(0, 0), "no bar for the variant without a result");
        CategoryPlot q2Stream = (CategoryPlot) figure("q2_stream_throughput_64B_shm-ring").chart().getPlot();
        assertEquals("PLAIN \u2020\n\u2717 timed out", q2Stream.getDataset().getColumnKey(0).toString());
        assertEquals(null, q2Stream.getDataset().getValue(0, 0), "no bar from a trial that timed out, though JMH scored it");
        assertEquals(2.5e6, q2Stream.getDataset().getValue(0, 1).doubleValue(), 1, "OPAQUE's bar is there");

        CategoryPlot q6 = (CategoryPlot) figure("q6_roundTrip_latency_p50").chart().getPlot();
        assertTrue(q6.getDataset().getColumnKeys().contains("cross-node\n\u2717 unavailable"));

        String q1Notes = subtitles(figure("q1_roundTrip_percentiles_64B").chart());
        assertTrue(q1Notes.contains("mq: unsupported"), q1Notes);
        assertFalse(subtitles(figure("q1_roundTrip_percentiles_2048B").chart()).contains("mq"),
                "the 64 B failure is not marked at 2048 B");
    }

    @Test
    void barsSpanningDecadesGetALogAxisOthersStayLinear(@TempDir Path other) throws Exception {
        FixtureRun wide = new FixtureRun(other);
        wide.env("shmbench-env/1");
        wide.hlog("Q6Placement.roundTrip", java.util.Map.of("placement", "same-core", "transport", "floor"), 20_000_000, 2, 1);
        wide.hlog("Q6Placement.roundTrip", java.util.Map.of("placement", "cross-core", "transport", "floor"), 300, 2, 1);
        wide.jmhFile();
        Figure q6 = ReportFixture.report(wide).result.figures().figures().stream()
                .filter(f -> f.id().equals("q6_roundTrip_latency_p50")).findFirst().orElseThrow();
        assertTrue(((CategoryPlot) q6.chart().getPlot()).getRangeAxis() instanceof org.jfree.chart.axis.LogAxis,
                "300 ns beside 20 ms: on a linear axis the small bar would not be seen");
        assertFalse(((CategoryPlot) figure("q6_roundTrip_latency_p50").chart().getPlot()).getRangeAxis()
                instanceof org.jfree.chart.axis.LogAxis, "150 ns beside 400 ns stays linear");
    }

    private static String subtitles(JFreeChart chart) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
                b.append(t.getText()).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void indexPageShowsEverythingAndNeedsNothingFromOutside() throws Exception {
        String html = Files.readString(fixture.plotsDir.resolve("index.html"));
        for (Figure f : report.result.figures().figures()) {
            assertTrue(html.contains("src=\"" + f.id() + ".png\""), f.id());
            assertTrue(html.contains("href=\"" + f.id() + ".svg\"") && html.contains("href=\"" + f.id() + ".pdf\""));
        }
        assertTrue(html.contains("Fixture CPU @ 3.0GHz"), "environment from env.json");
        assertTrue(html.contains("cpu.model"));
        assertTrue(html.contains("Q1Transports.roundTrip@messageBytes=64,transport=shm-ring"), "latency table");
        assertTrue(html.contains("Round trip at 64 B"), "summary");
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external assets");
        assertFalse(html.contains("<script") || html.contains("<link"), "no scripts or linked styles");
    }

    @Test
    void anOldRunKeepsItsCrossForkFloorFigure() {
        Figure f = figure("q1_roundTrip_floor_multiple_64B");
        assertTrue(f.title().contains("cross-fork"), f.title());
        assertEquals(List.of("p50", "p99"), ((CategoryPlot) f.chart().getPlot()).getDataset().getRowKeys());
        assertTrue(report.ids().stream().noneMatch(id -> id.endsWith("_floor_blocks")), "no blocks, no blocks figure");
    }
}
