package io.shmbench.report;

import io.shmbench.report.chart.Figure;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Q1's figures for the shape Q1Transports writes: rates, wait strategies, a floor that carries no payload. */
class Q1FiguresTest {
    private static final List<String> TRANSPORTS = List.of("shm-ring", "agrona", "uds", "tcp", "pipe", "mq");

    @TempDir
    static Path dir;
    static ReportFixture report;

    @BeforeAll
    static void run() throws Exception {
        FixtureRun f = new FixtureRun(dir);
        f.env("shmbench-env/1");
        for (String rate : List.of("10000", "100000")) {
            for (String wait : List.of("spin", "block")) {
                for (int i = 0; i < TRANSPORTS.size(); i++) {
                    Map<String, String> p = Map.of("transport", TRANSPORTS.get(i), "messageBytes", "64", "ratePerSecond", rate,
                            "waitStrategy", wait);
                    f.hlog("Q1Transports.fixedRate", p, 3000 + 500L * i, 2, 1);
                    f.throughput("Q1Transports.fixedRate", p, Double.parseDouble(rate), "ops/s", 2 * Double.parseDouble(rate));
                }
            }
        }
        for (String size : List.of("64", "2048")) { // JMH's 99.9% half-width over 3 iterations beyond the score
            f.throughput("Q1Transports.throughput", Map.of("transport", "uds", "messageBytes", size, "waitStrategy", "block"),
                    5e5, "ops/s", 8e5);
            f.throughput("Q1SinkAlone.receive", Map.of("messageBytes", size), 2e7, "ops/s", 1e5);
        }
        f.throughput("Q1SinkAlone.receive", Map.of("messageBytes", "65536"), 2e5, "ops/s", 1e3); // no transport at this size
        f.hlog("Q1Transports.roundTrip", Map.of("transport", "floor", "messageBytes", "0", "waitStrategy", "spin"), 250, 2, 1);
        f.hlog("Q1Transports.roundTrip", Map.of("transport", "uds", "messageBytes", "64", "waitStrategy", "block"), 6000, 2, 1);
        f.jmhFile();
        f.csv("outcomes.csv", List.of("benchmark", "params", "status", "detail"), List.of(
                List.of("io.shmbench.bench.Q1Transports.roundTrip", "messageBytes=64,transport=floor,waitStrategy=spin",
                        "unsupported", "floor carries no payload")));
        report = ReportFixture.report(f);
    }

    private static Figure figure(String id) {
        return report.figure(id);
    }

    private static Set<String> ids() {
        return report.ids();
    }

    private static List<String> legend(JFreeChart chart) {
        List<String> names = new ArrayList<>();
        XYPlot xy = (XYPlot) chart.getPlot();
        for (int i = 0; i < xy.getDataset().getSeriesCount(); i++) {
            names.add(xy.getDataset().getSeriesKey(i).toString());
        }
        return names;
    }

    @Test
    void eachRateGetsItsOwnFiguresAndTooManySeriesAreSplitByWaitStrategy() {
        for (String rate : List.of("10000", "100000")) {
            for (String wait : List.of("spin", "block")) {
                List<String> lines = legend(figure("q1_fixedRate_percentiles_64B_" + rate + "_" + wait).chart());
                assertEquals(TRANSPORTS.size(), lines.size(), lines.toString());
                assertTrue(lines.contains("uds \u00b7 " + wait), lines.toString());
            }
            assertTrue(ids().contains("q1_fixedRate_cpu_64B_" + rate + "_spin"), ids().toString());
        }
        assertFalse(ids().contains("q1_fixedRate_percentiles_64B"), "12 series in one figure would hide the plot");
    }

    @Test
    void aLoneSeriesIsStillNamedByItsTransport() {
        JFreeChart lone = figure("q1_roundTrip_percentiles_0B").chart();
        assertEquals(List.of("floor \u00b7 spin"), legend(lone));
        assertEquals(null, lone.getLegend(), "a legend of one entry is left out");
        assertEquals("Q1 round-trip latency, 0 B, floor \u00b7 spin", lone.getTitle().getText(), "the title names it");
    }

    @Test
    void theFloorIsTheYardstickNotABarOfItsOwnMultiple() {
        CategoryPlot bars = (CategoryPlot) figure("q1_roundTrip_floor_multiple_64B").chart().getPlot();
        List<String> categories = new ArrayList<>();
        bars.getDataset().getColumnKeys().forEach(k -> categories.add(k.toString()));
        assertTrue(categories.stream().anyMatch(c -> c.startsWith("uds")), categories.toString());
        assertTrue(categories.stream().noneMatch(c -> c.startsWith("floor")), categories.toString());
    }

    @Test
    void theSinkAloneIsTheCeilingLineOnEveryThroughputFigureNotAFigureOfItsOwn() {
        for (String unit : List.of("msgs", "bytes")) {
            Figure throughput = figure("q1_throughput_throughput_" + unit);
            assertEquals(List.of("sink alone: the ceiling", "uds \u00b7 block"), legend(throughput.chart()));
            XYPlot plot = (XYPlot) throughput.chart().getPlot();
            assertEquals(2, plot.getDataset().getItemCount(0), "only the sizes the transports ran at, not 65536 B");
            assertTrue(throughput.caption().contains("Q1SinkAlone"), throughput.caption());
            assertEquals("Q1 throughput vs message size, uds \u00b7 block", throughput.chart().getTitle().getText(),
                    "the title still names the lone transport");
        }
        assertTrue(ids().stream().noneMatch(id -> id.contains("receive")), ids().toString());
    }

    @Test
    void errorBarsReachingZeroDoNotStretchTheLogAxis() {
        XYPlot plot = (XYPlot) figure("q1_throughput_throughput_msgs").chart().getPlot();
        assertTrue(plot.getRangeAxis().getRange().getLowerBound() >= 100, plot.getRangeAxis().getRange().toString());
    }
}
