package io.shmbench.report;

import io.shmbench.report.chart.ErrorBarRenderer;
import io.shmbench.report.chart.Figure;
import io.shmbench.report.chart.FigureRenderer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.BasicStroke;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures of a run with the same-pair floor and two rounds: the Q1 multiples with their
 * intervals beside the cross-fork ones, a multiples figure for each of Q2, Q3, Q4 and Q6, and a
 * blocks figure per round-trip benchmark, small enough to publish.
 */
class SamePairFiguresTest {
    static final Set<String> SAME_PAIR_FIGURES = Set.of("q1_roundTrip_floor_multiple_64B", "q1_roundTrip_floor_blocks",
            "q2_roundTrip_floor_multiple_64B", "q2_roundTrip_floor_blocks", "q3_roundTrip_floor_multiple_shm-ring",
            "q3_roundTrip_floor_blocks", "q4_roundTrip_floor_multiple_40B", "q4_roundTrip_floor_blocks",
            "q6_roundTrip_floor_multiple", "q6_roundTrip_floor_blocks");
    static final long MAX_VECTOR_BYTES = 1_500_000;

    @TempDir
    static Path dir;
    static ReportFixture report;

    @BeforeAll
    static void run() throws Exception {
        report = ReportFixture.report(SamePairFixture.standard(dir));
    }

    private static List<Figure> samePairFigures() {
        return report.result.figures().figures().stream().filter(f -> SAME_PAIR_FIGURES.contains(f.id())).toList();
    }

    @Test
    void everySamePairFigureIsMade() {
        assertEquals(0, report.result.exitCode(), report.err);
        assertTrue(report.ids().containsAll(SAME_PAIR_FIGURES), report.ids().toString());
    }

    @Test
    void theyAreWrittenAsPngSvgAndPdfSmallEnoughToPublish() throws Exception {
        List<Figure> figures = samePairFigures();
        FigureChecks.png(figures, report.fixture.plotsDir);
        FigureChecks.svg(figures, report.fixture.plotsDir);
        FigureChecks.pdf(figures, report.fixture.plotsDir);
        for (Figure f : figures) {
            for (Path file : FigureRenderer.files(report.fixture.plotsDir, f).subList(1, 3)) {
                assertTrue(Files.size(file) < MAX_VECTOR_BYTES, file + " is " + Files.size(file) + " bytes");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked") // JFreeChart's datasets return raw lists
    void q1BarsAreTheSamePairMultiplesWithTheirIntervalsAndTheCrossForkOnesHollow() {
        Figure f = report.figure("q1_roundTrip_floor_multiple_64B");
        CategoryPlot plot = (CategoryPlot) f.chart().getPlot();
        List<String> series = plot.getDataset().getRowKeys().stream().map(Object::toString).toList();
        assertEquals(List.of("p50", "p99", "p50 \u00f7 cross-fork floor (old)"), series);
        ErrorBarRenderer renderer = (ErrorBarRenderer) plot.getRenderer();
        Map<String, FloorMultiple> byTransport = report.result.tables().floorMultiples().stream()
                .filter(m -> m.key().benchmark().equals("Q1Transports.roundTrip") && m.samePairP50().isPresent())
                .collect(Collectors.toMap(m -> m.key().param("transport").orElseThrow(), m -> m));
        List<String> categories = plot.getDataset().getColumnKeys().stream().map(Object::toString).toList();
        assertEquals(byTransport.size(), categories.size(), categories.toString());
        for (int c = 0; c < categories.size(); c++) {
            FloorMultiple m = byTransport.get(categories.get(c).split(" ")[0]);
            BlockMultiple p50 = m.samePairP50().orElseThrow();
            assertEquals(p50.multiple(), plot.getDataset().getValue(0, c).doubleValue(), 1e-12);
            assertEquals(new Range(p50.interval().low(), p50.interval().high()), renderer.errorBar(0, c));
            SamePairMultiple same = m.samePair().orElseThrow();
            assertEquals(same.p99Multiple(), plot.getDataset().getValue(1, c).doubleValue(), 1e-12);
            assertEquals(new Range(same.p99Interval().low(), same.p99Interval().high()), renderer.errorBar(1, c),
                    "two rounds: the p99 bar spans their values");
            assertEquals(m.crossFork().orElseThrow().p50Multiple(), plot.getDataset().getValue(2, c).doubleValue(), 1e-12);
            assertNull(renderer.errorBar(2, c));
        }
        assertTrue(((BasicStroke) renderer.getItemOutlineStroke(2, 0)).getDashArray() != null, "cross-fork bars dashed");
        assertNull(((BasicStroke) renderer.getItemOutlineStroke(0, 0)).getDashArray(), "same-pair bars solid");
        assertTrue(f.caption().contains("cross-fork floor, the older method"), f.caption());
        assertTrue(f.caption().contains("lowest to highest of the 2 rounds"), f.caption());
    }

    @Test
    void blocksFiguresDrawEverySeriesSubsampledAndOneLinePerThresholdGroup() {
        XYPlot q1 = (XYPlot) report.figure("q1_roundTrip_floor_blocks").chart().getPlot();
        assertEquals(9, q1.getDataset().getSeriesCount(), "the nine transports at 64 B");
        for (int s = 0; s < q1.getDataset().getSeriesCount(); s++) {
            int n = q1.getDataset().getItemCount(s);
            assertTrue(n <= 1500 && n >= 500, "points of series " + s + ": " + n);
        }
        assertEquals(1, q1.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size(),
                "nine thresholds close together are one line");
        XYPlot q6 = (XYPlot) report.figure("q6_roundTrip_floor_blocks").chart().getPlot();
        assertEquals(2, q6.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size(),
                "same-core and cross-core floors differ: a threshold each");
        assertTrue(report.figure("q6_roundTrip_floor_blocks").caption().contains("blocks"));
    }

    @Test
    void subsamplingTakesEveryKthBlockAndKeepsAllOfASmallSeries() {
        List<FloorBlock> blocks = new java.util.ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            blocks.add(new FloorBlock(1, 1, 1, i + 1, 10, 200, 10, 100));
        }
        List<FloorBlock> shown = io.shmbench.report.figure.FloorBlockFiguresAccess.subsample(blocks, 1500);
        assertEquals(1334, shown.size(), "every 3rd of 4000");
        assertEquals(4, shown.get(1).block());
        assertEquals(100, io.shmbench.report.figure.FloorBlockFiguresAccess.subsample(blocks.subList(0, 100), 1500).size());
    }

    @Test
    void indexPageNotesTheHostStatesAndTabulatesTheMultiples() throws Exception {
        String html = Files.readString(report.fixture.plotsDir.resolve("index.html"));
        assertTrue(html.contains("<b>Host states</b> (Q1Transports.roundTrip)"), "a note per benchmark");
        assertTrue(html.contains("<b>Host states</b> (Q6Placement.roundTrip)"));
        assertTrue(html.matches("(?s).*Multiples of the floor \\(<a href=\"[^\"]*floor_multiples\\.csv\">csv/floor_multiples\\.csv</a>\\).*"));
        for (Figure f : samePairFigures()) {
            assertTrue(html.contains("src=\"" + f.id() + ".png\""), f.id());
        }
    }
}
