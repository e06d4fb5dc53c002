package io.shmbench.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Value labels of vertical bars. */
class BarChartTest {
    private static double labelAngle(int seriesCount) {
        List<String> series = IntStream.range(0, seriesCount).mapToObj(i -> "s" + i).toList();
        BarChart bars = new BarChart("t", "scenario", "count").categories(List.of("a", "b")).series(series).valueLabels();
        for (String s : series) {
            bars.bar(s, "a", 68_730, Double.NaN).bar(s, "b", 68_500, Double.NaN);
        }
        JFreeChart chart = bars.build();
        return ((CategoryPlot) chart.getPlot()).getRenderer().getDefaultPositiveItemLabelPosition().getAngle();
    }

    @Test
    void fewBarsKeepTheirLabelsUprightManyTurnThemSoNeighboursDoNotCollide() {
        assertEquals(0, labelAngle(BarChart.UPRIGHT_LABELS_UP_TO), 1e-9);
        assertEquals(-Math.PI / 2, labelAngle(BarChart.UPRIGHT_LABELS_UP_TO + 2), 1e-9); // Q7's loss counts: 5 per scenario
    }
}
